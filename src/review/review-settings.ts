import type { Prisma, PrismaClient } from '../db/client.ts';

/** The setting that turns the automatic reviewer assignment on entering screening on or off (default on). */
export const AUTO_ASSIGN_KEY = 'reviews.autoAssign';

/** Whether reviewers are assigned automatically when a project enters screening; on unless staff turned it off. */
export async function autoAssignEnabled(db: PrismaClient | Prisma.TransactionClient): Promise<boolean> {
  const row = await db.appSetting.findUnique({ where: { key: AUTO_ASSIGN_KEY } });
  return row === null ? true : row.value === true;
}
