import type { PrismaClient } from '../db/client.ts';

/** How the scheduler walks deadlines: a short lease per claimed row, a batch at a time. */
export const SCHEDULER_POLICY = {
  /**
   * A claimed row is pushed this far ahead; if the claimer dies, another replica takes it after that. The default of
   * PILOTDESK_CLAIM_LEASE_MS, which the server passes in.
   */
  leaseMs: 120_000,
  batchSize: 50,
  /** How many projects of a claimed batch are processed at once (each project's own steps stay in order). */
  concurrency: 4,
  /** A step processed more than this after its planned instant says it is late (the scheduler was down). */
  lateAfterMs: 3_600_000,
} as const;

/** The claim query ($1: now, $2: limit); exported so the bench can EXPLAIN exactly what runs. */
export const CLAIM_DEADLINES_SQL = `SELECT d.id::text AS id, d."projectId"::text AS "projectId", d."nextStep", d."nextStepAt"
  FROM "Deadline" d
  WHERE d."nextStepAt" <= $1 AND d.status IN ('open', 'missed') AND d."nextStep" IS NOT NULL
    AND (d."snoozedUntil" IS NULL OR d."snoozedUntil" <= $1)
  ORDER BY d."nextStepAt", d.id
  LIMIT $2
  FOR UPDATE SKIP LOCKED`;
// Ordered by the columns themselves (d.id is the uuid, not the id::text output column) so the index on
// ("nextStepAt", id) hands rows over in order and the scan stops after LIMIT rows (decision 008). Closed rows and
// finished ladders have nextStepAt NULL, so the range the index walks holds only live steps.

/** A deadline row this replica claimed: its id and the step it holds, as claimed. */
export interface ClaimedDeadline {
  id: string;
  projectId: string;
  nextStep: string;
  nextStepAt: Date;
}

/**
 * Claims due deadline rows with SELECT … FOR UPDATE SKIP LOCKED and, in the same transaction, takes a lease on them
 * by pushing nextStepAt forward; the rows are processed after commit, outside this transaction, because processing
 * goes through applyEvent, which opens its own transaction on the same rows.
 */
export async function claimDueDeadlines(
  prisma: PrismaClient,
  now: Date,
  limit: number = SCHEDULER_POLICY.batchSize,
  leaseMs: number = SCHEDULER_POLICY.leaseMs,
): Promise<ClaimedDeadline[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<ClaimedDeadline[]>(CLAIM_DEADLINES_SQL, now, limit);
    if (rows.length === 0) return [];
    await tx.$executeRawUnsafe(
      `UPDATE "Deadline" SET "nextStepAt" = $2 WHERE id = ANY($1::uuid[])`,
      rows.map((r) => r.id),
      leaseUntil,
    );
    return rows;
  });
}
