import { DEADLINES } from '../../machines/catalog.ts';
import type { CancelDeadlineParams, ScheduleDeadlineParams } from '../../machines/shared/settings.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import { computeDeadline } from './compute-deadline.ts';
import {
  type Db,
  deadlineByKey,
  insertDeadline,
  runningDeadlines,
  updateDeadline,
  updateDeadlines,
} from './repository.ts';
import { nextPlannedStep, planSteps } from './steps.ts';

/** A deadline effect the machine returned from a transition. */
export type DeadlineEffect =
  | { type: 'scheduleDeadline'; params: ScheduleDeadlineParams }
  | { type: 'cancelDeadline'; params: CancelDeadlineParams }
  | { type: 'cancelAllDeadlines'; params: { reason: string } };

/** What happened to a deadline row, for the audit trail and for telling people a due date moved. */
export interface DeadlineChange {
  key: string;
  kind: string;
  change: 'created' | 'moved' | 'unchanged' | 'met' | 'metLate' | 'cancelled';
  dueAt?: string;
  /** The last day (YYYY-MM-DD, Shanghai), for people; dueAt is the instant it ends. */
  dueDate?: string;
  previousDueDate?: string;
}

/**
 * Creates, moves or closes the project's deadline rows inside the transaction that changes the project, so the
 * rows always agree with the snapshot. Closing an open deadline before its due instant counts as met, after it as
 * met late; cancelAllDeadlines (the project ends) cancels whatever is still open.
 */
export async function syncDeadlines(
  tx: Db,
  project: { id: string; ownerId: string },
  effects: readonly DeadlineEffect[],
  calendar: WorkingCalendar,
  now: Date,
  /** The change is the scheduler delivering a period's end (notice closes, coaching expires): that is on time. */
  byScheduler = false,
): Promise<DeadlineChange[]> {
  const changes: DeadlineChange[] = [];
  for (const effect of effects) {
    if (effect.type === 'scheduleDeadline') {
      changes.push(await schedule(tx, project, effect.params, calendar));
    } else if (effect.type === 'cancelDeadline') {
      const row = await deadlineByKey(tx, project.id, effect.params.key);
      if (!row || (row.status !== 'open' && row.status !== 'missed')) continue;
      const late = !byScheduler && (row.status === 'missed' || row.dueAt <= now);
      const status = late ? 'metLate' : 'met';
      await updateDeadline(tx, row.id, { status, nextStep: null, nextStepAt: null, closedAt: now });
      changes.push({ key: row.key, kind: row.kind, change: status });
    } else {
      const open = await runningDeadlines(tx, project.id);
      await updateDeadlines(
        tx,
        open.map((r) => r.id),
        { status: 'cancelled', nextStep: null, nextStepAt: null, closedAt: now },
      );
      for (const row of open) changes.push({ key: row.key, kind: row.kind, change: 'cancelled' });
    }
  }
  return changes;
}

async function schedule(
  tx: Db,
  project: { id: string; ownerId: string },
  params: ScheduleDeadlineParams,
  calendar: WorkingCalendar,
): Promise<DeadlineChange> {
  const spec = DEADLINES[params.kind];
  const computed = computeDeadline(params, calendar);
  const plan = planSteps(
    {
      kind: params.kind,
      clock: spec.clock,
      dueDate: computed.dueDate,
      dueAt: computed.dueAt,
      hourly: isHourly(computed),
    },
    calendar,
  );
  const first = nextPlannedStep(plan, []);
  const data = {
    kind: params.kind,
    rule: params.rule,
    clock: spec.clock,
    responsible: spec.responsible,
    responsibleUserId: spec.responsible === 'reviewer' ? (params.userId ?? null) : project.ownerId,
    basis: params.basis,
    spec: {
      periods: computed.periods,
      explicitDueDate: computed.explicitDueDate,
      occurrence: params.occurrence ?? null,
    },
    dueDate: new Date(`${computed.dueDate}T00:00:00Z`),
    dueAt: new Date(computed.dueAt),
    explanation: computed.explanations,
    unknownYears: computed.unknownYears,
    status: 'open',
    nextStep: first?.step ?? null,
    nextStepAt: first ? new Date(first.at) : null,
    stepsDone: [],
    snoozedUntil: null,
    closedAt: null,
  };
  const existing = await deadlineByKey(tx, project.id, params.key);
  if (!existing) {
    await insertDeadline(tx, { ...data, projectId: project.id, key: params.key });
    return { key: params.key, kind: params.kind, change: 'created', dueAt: computed.dueAt, dueDate: computed.dueDate };
  }
  const moved = existing.dueAt.getTime() !== data.dueAt.getTime();
  await updateDeadline(tx, existing.id, data);
  return {
    key: params.key,
    kind: params.kind,
    change: moved ? 'moved' : 'unchanged',
    dueAt: computed.dueAt,
    dueDate: computed.dueDate,
    ...(moved ? { previousDueDate: existing.dueDate.toISOString().slice(0, 10) } : {}),
  };
}

/** Hour-counted periods (incidents) run day and night; everything else steps at 09:00 on working days. */
export function isHourly(computed: { periods: { unit: string }[] }): boolean {
  return computed.periods.some((p) => p.unit === 'hours');
}
