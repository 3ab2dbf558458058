import { type Db, settingValue } from '../settings/repository.ts';

/** The setting that turns the automatic reviewer assignment on entering screening on or off (default on). */
export const AUTO_ASSIGN_KEY = 'reviews.autoAssign';

/** Whether reviewers are assigned automatically when a project enters screening; on unless staff turned it off. */
export async function autoAssignEnabled(db: Db): Promise<boolean> {
  const value = await settingValue(db, AUTO_ASSIGN_KEY);
  return value === undefined ? true : value === true;
}
