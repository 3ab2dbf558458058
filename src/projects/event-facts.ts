import type { CoachingContext } from '../../machines/coaching/events.ts';
import { coachingValidOn } from '../../machines/coaching/machine.ts';
import { listBatchOptions, openBatchOn } from '../batches/batch-options.ts';
import { shanghaiDate } from '../clock.ts';
import { reportPeriodChoices } from '../reports/period-choices.ts';
import { restoreSnapshot } from '../runtime/machines.ts';
import { coachingProjectsByRef, type PrismaClient } from './repository.ts';

/**
 * Event fields the system fills from other tables instead of asking the person: which batch is open on the
 * submission day (R-APP-1), whether a linked coaching project is valid that day (R-COA-7), the next comment id.
 * The machine's guards stay pure because these facts arrive in the event.
 */
export const SYSTEM_FIELDS: Record<string, readonly string[]> = {
  'intake.submit': ['openBatchId', 'coachingValidOnSubmission'],
  'review.assigned': ['basis'],
  'notice.commentLogged': ['commentId'],
  'complaint.logged': ['complaintId'],
  'incident.occurred': ['incidentId'],
  'inspection.scheduled': ['inspectionId'],
  // Applicants and materials have forms of their own (the applicant and materials modals).
  'intake.update': ['applicants', 'materials'],
  'coaching.update': ['applicants', 'materials'],
};

/**
 * A decision whose form would hold nothing required (propose "screening passed", withdraw a proposal) is taken from
 * its button after a confirm dialog: a modal with one optional note was a needless step. A note goes in the thread.
 */
export function isDirectDecision(action: { type: string; fields: ReadonlyArray<{ name: string; required: boolean }> }) {
  if (action.type !== 'decision.propose' && action.type !== 'decision.withdraw') return false;
  const system = SYSTEM_FIELDS[action.type] ?? [];
  return action.fields.every((f) => !f.required || system.includes(f.name));
}

/** New records get the next id of their kind on the project (c1, c2 …), so nobody has to invent one. */
const NEW_IDS: Record<string, { field: string; collection: string; prefix: string }> = {
  'notice.commentLogged': { field: 'commentId', collection: 'comments', prefix: 'c' },
  'complaint.logged': { field: 'complaintId', collection: 'complaints', prefix: 'q' },
  'incident.occurred': { field: 'incidentId', collection: 'incidents', prefix: 'i' },
  'inspection.scheduled': { field: 'inspectionId', collection: 'inspections', prefix: 'n' },
};

/** Events about an existing record offer that project's records as choices (open ones first). */
const RECORD_CHOICES: Record<string, { field: string; collection: string; open?: string }> = {
  'notice.commentDisposed': { field: 'commentId', collection: 'comments', open: 'disposition' },
  'complaint.acknowledged': { field: 'complaintId', collection: 'complaints', open: 'acknowledgedOn' },
  'complaint.resolved': { field: 'complaintId', collection: 'complaints', open: 'resolvedOn' },
  'incident.reportReceived': { field: 'incidentId', collection: 'incidents' },
  'incident.faultToleranceAssessed': { field: 'incidentId', collection: 'incidents' },
  'inspection.findingsRecorded': { field: 'inspectionId', collection: 'inspections', open: 'findingsOn' },
};

/** A choice of a select backed by data; `labels` when it reads differently per language, `initial` the default. */
export interface FieldChoice {
  value: string;
  label: string;
  labels?: Partial<Record<'zh-CN' | 'en', string>>;
  initial?: boolean;
}

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
      const coached = await coachingProjectsByRef(prisma, coachingRefs);
      // R-COA-7: judged on the submission day (the fact date staff give, not the day they record it); the pilot
      // machine keeps the answer even if coaching ends later.
      facts.coachingValidOnSubmission = coached.some((c) => {
        const coaching = restoreSnapshot(c.machine, c.machineVersion, c.snapshot);
        return coachingValidOn({ value: coaching.value, context: coaching.context as CoachingContext }, day);
      });
    }
    return facts;
  }
  const fresh = NEW_IDS[type];
  if (fresh) {
    const taken = (context as Record<string, Record<string, unknown> | undefined>)[fresh.collection] ?? {};
    return { [fresh.field]: `${fresh.prefix}${Object.keys(taken).length + 1}` };
  }
  return {};
}

/**
 * Choices for fields backed by data rather than typed: the batches a project can be placed in, or the project's
 * own comments, complaints, incidents and inspections an event is about (still-open ones only where that matters).
 */
export async function fieldChoices(
  prisma: PrismaClient,
  type: string,
  today: string,
  context: Record<string, unknown>,
  projectId?: string,
): Promise<Record<string, FieldChoice[]>> {
  // R-SUP-1: a report names its period from the report calendar's rows (the oldest open one by default).
  if (type === 'report.received' && projectId) return { periodId: await reportPeriodChoices(prisma, projectId, today) };
  const batchField = BATCH_FIELDS[type];
  if (batchField) return { [batchField]: await listBatchOptions(prisma, today) };
  const record = RECORD_CHOICES[type];
  if (!record) return {};
  const entries = Object.entries((context[record.collection] ?? {}) as Record<string, Record<string, unknown>>);
  const open = entries.filter(([, r]) => !record.open || r[record.open] === null || r[record.open] === undefined);
  return {
    [record.field]: open.map(([id, r]) => ({
      value: id,
      label: `${id}${typeof r.summary === 'string' ? ` · ${r.summary}` : ''}`,
    })),
  };
}
