import type { PrismaClient } from '../db/client.ts';
import type { OutboxItem } from '../outbox/enqueue-messages.ts';

/** One deadline step taken: the row as the batch read it, what to record, where the ladder goes, what to send. */
export interface StepWrite {
  row: { id: string; nextStep: string | null; dueAt: Date; snoozedUntil: Date | null };
  /** Appended to stepsDone (the step, `late:`/`dropped:` marks). */
  marks: string[];
  /** The ladder's next step, or null when nothing is left to send. */
  next: { step: string; at: string } | null;
  /** The `due` step: an open row becomes missed. */
  missed: boolean;
  messages: OutboxItem[];
}

// Each step's guard is the one the scheduler always had: the row still holds the step it was claimed with and is
// unchanged since the batch was read (no extension, snooze or close meanwhile); otherwise the step is not taken and
// none of its messages are written. Messages keep their order (n) and a key already there is skipped (idempotent),
// exactly as enqueueMessages writes them.
const ADVANCE_SQL = `WITH v AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb)
      AS v(id uuid, step text, "dueAt" timestamptz, snoozed timestamptz, marks text[], next text, "nextAt" timestamptz,
           missed boolean)
  ), moved AS (
    UPDATE "Deadline" d
       SET "stepsDone" = d."stepsDone" || v.marks, "nextStep" = v.next, "nextStepAt" = v."nextAt",
           status = CASE WHEN v.missed AND d.status = 'open' THEN 'missed' ELSE d.status END, "updatedAt" = now()
      FROM v
     WHERE d.id = v.id AND d."nextStep" = v.step AND d.status IN ('open', 'missed') AND d."dueAt" = v."dueAt"
       AND d."snoozedUntil" IS NOT DISTINCT FROM v.snoozed
    RETURNING d.id
  ), queued AS (
    INSERT INTO "OutboxMessage" (key, method, args, "projectId", "nextAttemptAt")
    SELECT m.key, m.method, m.args, m."projectId", coalesce(m."notBefore", now())
      FROM jsonb_to_recordset($2::jsonb)
        AS m(n int, deadline uuid, key text, method text, args jsonb, "projectId" uuid, "notBefore" timestamptz)
      JOIN moved ON moved.id = m.deadline
     ORDER BY m.n
    ON CONFLICT (key) DO NOTHING
  )
  SELECT id::text AS id FROM moved`;

/**
 * Takes a batch of steps in one statement, so it is atomic on its own: each step's row moves on together with its
 * outbox messages, or (when the row changed under it) neither happens. Returns the ids of the rows that moved.
 */
export async function advanceSteps(prisma: PrismaClient, writes: readonly StepWrite[]): Promise<Set<string>> {
  if (writes.length === 0) return new Set();
  const steps = writes.map((w) => ({
    id: w.row.id,
    step: w.row.nextStep,
    dueAt: w.row.dueAt.toISOString(),
    snoozed: w.row.snoozedUntil?.toISOString() ?? null,
    marks: w.marks,
    next: w.next?.step ?? null,
    nextAt: w.next?.at ?? null,
    missed: w.missed,
  }));
  let n = 0;
  const messages = writes.flatMap((w) =>
    w.messages.map((m) => ({
      n: n++,
      deadline: w.row.id,
      key: m.key,
      method: m.method,
      args: m.args,
      projectId: m.projectId ?? null,
      notBefore: m.notBefore?.toISOString() ?? null,
    })),
  );
  const moved = await prisma.$queryRawUnsafe<{ id: string }[]>(
    ADVANCE_SQL,
    JSON.stringify(steps),
    JSON.stringify(messages),
  );
  return new Set(moved.map((r) => r.id));
}
