import type { PrismaClient } from '../db/client.ts';

/** How the scheduler walks deadlines: a short lease per claimed row, a batch at a time. */
export const SCHEDULER_POLICY = {
  /**
   * A claimed row is pushed this far ahead; if the claimer dies, another replica takes it after that. The default of
   * PILOTDESK_CLAIM_LEASE_MS, which the server passes in.
   */
  leaseMs: 120_000,
  batchSize: 50,
  /** How many projects of a claimed batch have their consequences applied at once (each project's steps in order). */
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

/**
 * The claim and its lease as one statement ($1: now, $2: limit, $3: lease until): the rows CLAIM_DEADLINES_SQL
 * locks get their nextStepAt pushed to the lease, and each comes back with the step and instant it held.
 */
export const CLAIM_AND_LEASE_SQL = `WITH c AS (${CLAIM_DEADLINES_SQL})
  UPDATE "Deadline" d SET "nextStepAt" = $3 FROM c WHERE d.id = c.id::uuid
  RETURNING c.id, c."projectId", c."nextStep", c."nextStepAt"`;
// One statement, not an interactive transaction: nothing waits for a connection or the embedded database's
// transaction lock between the SELECT and the UPDATE, and a busy bot cannot time the claim out halfway (decision 015).

/** A deadline row this replica claimed: its id and the step it holds, as claimed. */
export interface ClaimedDeadline {
  id: string;
  projectId: string;
  nextStep: string;
  nextStepAt: Date;
}

/**
 * Claims due deadline rows (FOR UPDATE SKIP LOCKED, so replicas share them) and takes a lease on them by pushing
 * nextStepAt forward, in one statement; returns them in claim order (due instant, then id). They are processed after
 * that statement committed, because a step's consequence goes through applyEvent, which opens its own transaction.
 */
export async function claimDueDeadlines(
  prisma: PrismaClient,
  now: Date,
  limit: number = SCHEDULER_POLICY.batchSize,
  leaseMs: number = SCHEDULER_POLICY.leaseMs,
): Promise<ClaimedDeadline[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const rows = await prisma.$queryRawUnsafe<ClaimedDeadline[]>(CLAIM_AND_LEASE_SQL, now, limit, leaseUntil);
  // RETURNING keeps no order; the claim's own order is put back (ids are lower-case uuids, so text order is theirs).
  return rows.sort(
    (a, b) => a.nextStepAt.getTime() - b.nextStepAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * Gives claimed rows back at once (their nextStepAt returns to the instant they were claimed at) when a step failed
 * for a passing reason, so the next tick retries them instead of waiting out the lease; rows someone else moved since
 * are left alone. Best effort: when this fails too, the lease still runs out.
 */
export async function releaseDeadlines(
  prisma: PrismaClient,
  claimed: readonly ClaimedDeadline[],
  now: Date,
  leaseMs: number = SCHEDULER_POLICY.leaseMs,
): Promise<void> {
  if (claimed.length === 0) return;
  await prisma.$executeRawUnsafe(
    `UPDATE "Deadline" d SET "nextStepAt" = c.at
       FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, step text, at timestamptz)
      WHERE d.id = c.id AND d."nextStep" = c.step AND d."nextStepAt" = $2`,
    JSON.stringify(claimed.map((c) => ({ id: c.id, step: c.nextStep, at: c.nextStepAt.toISOString() }))),
    new Date(now.getTime() + leaseMs),
  );
}
