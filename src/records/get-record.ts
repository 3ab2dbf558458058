import { NotFoundError } from '../errors.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { assertWorkingGroup } from './access.ts';
import { type RecordItem, toItem } from './list-records.ts';
import { type Db, recordById } from './repository.ts';

/** One record for the working group's forms (edit, open or close an item), personal data included. */
export async function getRecord(db: Db, actor: UserActor, recordId: string, today: string): Promise<RecordItem> {
  assertWorkingGroup(actor.roles);
  const row = await recordById(db, recordId);
  if (!row) throw new NotFoundError('records.notFound');
  return toItem(row, today, true);
}
