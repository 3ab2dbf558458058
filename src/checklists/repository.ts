import type { Db } from '../db/client.ts';

export type { Db };

/** One ticked incentive of a converted project (R-INC-1). */
export interface IncentiveTickRow {
  item: string;
  doneById: string;
  doneOn: Date;
}

/** The incentives ticked on a project, in the order they were ticked. */
export async function incentiveTicks(db: Db, projectId: string): Promise<IncentiveTickRow[]> {
  return db.incentiveTick.findMany({
    where: { projectId },
    select: { item: true, doneById: true, doneOn: true },
    orderBy: { createdAt: 'asc' },
  });
}

/**
 * Records a ticked incentive inside the caller's transaction; false when the item was ticked already (the primary
 * key makes a second tick of the same item, even a concurrent one, write nothing).
 */
export async function insertIncentiveTick(
  tx: Db,
  row: { projectId: string; item: string; doneById: string; doneOn: Date },
): Promise<boolean> {
  const written = await tx.incentiveTick.createMany({ data: [row], skipDuplicates: true });
  return written.count === 1;
}
