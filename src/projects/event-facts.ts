import { isCoachingValid } from '../../machines/coaching.machine.ts';
import { shanghaiDate } from '../clock.ts';
import { listBatchOptions, openBatchOn } from '../batches/batches.ts';
import type { PrismaClient } from '../db/client.ts';
import { restoreSnapshot } from '../runtime/machines.ts';

/**
 * Event fields the system fills from other tables instead of asking the person: which batch is open on the
 * submission day (R-APP-1), whether a linked coaching project is valid that day (R-COA-7), the next comment id.
 * The machine's guards stay pure because these facts arrive in the event.
 */
export const SYSTEM_FIELDS: Record<string, readonly string[]> = {
  'intake.submit': ['openBatchId', 'coachingValidOnSubmission'],
  'notice.commentLogged': ['commentId'],
};

/** Fields whose choices come from the database (the batches), as value/label pairs for a select. */
export const BATCH_FIELDS: Record<string, string> = {
  'batch.assigned': 'batchId',
  'screening.deferToLaterBatch': 'laterBatchId',
};

/** The system-filled values for an event about to be applied. */
export async function systemFacts(
  prisma: PrismaClient,
  project: { machine: string; machineVersion: number; snapshot: unknown },
  type: string,
  values: Record<string, unknown>,
  now: Date,
): Promise<Record<string, unknown>> {
  const context = restoreSnapshot(project.machine, project.machineVersion, project.snapshot).context as {
    applicants?: Array<{ coachingRef?: string }>;
    comments?: Record<string, unknown>;
  };
  if (type === 'intake.submit') {
    const day = typeof values.factDate === 'string' ? values.factDate : shanghaiDate(now);
    const batch = await openBatchOn(prisma, day);
    const facts: Record<string, unknown> = { openBatchId: batch?.id ?? null };
    const coachingRefs = (context.applicants ?? []).map((a) => a.coachingRef).filter((r): r is string => Boolean(r));
    if (coachingRefs.length > 0) {
      const coached = await prisma.project.findMany({ where: { ref: { in: coachingRefs }, machine: 'coaching' } });
      // R-COA-7: judged on the day of submission; the pilot machine keeps the answer even if coaching ends later.
      facts.coachingValidOnSubmission = coached.some((c) =>
        isCoachingValid(restoreSnapshot(c.machine, c.machineVersion, c.snapshot)),
      );
    }
    return facts;
  }
  if (type === 'notice.commentLogged') return { commentId: `c${Object.keys(context.comments ?? {}).length + 1}` };
  return {};
}

/** Choices for database-backed fields of an action's form, e.g. the batches a project can be placed in. */
export async function fieldChoices(
  prisma: PrismaClient,
  type: string,
  today: string,
): Promise<Record<string, Array<{ value: string; label: string }>>> {
  const field = BATCH_FIELDS[type];
  return field ? { [field]: await listBatchOptions(prisma, today) } : {};
}
