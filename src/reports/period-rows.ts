import type { WorkingCalendar } from '../calendar/index.ts';
import { computeDeadline } from '../deadlines/compute-deadline.ts';
import { deadlineByKey, updateDeadline } from '../deadlines/repository.ts';
import { syncDeadlines } from '../deadlines/sync-deadlines.ts';
import { horizonOf, type PlanShape, periodsOf } from './periods.ts';
import { type Db, insertPeriod, markScheduled } from './repository.ts';

/** The deadline row of a period: one per period, so each has its own due date, reminders and escalation. */
export function periodDeadlineKey(seq: number): string {
  return `periodicReport:${seq}`;
}

/** A period just planned, for the audit trail. */
export interface PlannedPeriod {
  seq: number;
  startsOn: string;
  endsOn: string;
  dueDate: string;
}

/** A period's deadline as the engine schedules it: 10 working days after its last day (R-SUP-1). */
function periodParams(seq: number, endsOn: string) {
  return { kind: 'periodicReport' as const, key: periodDeadlineKey(seq), rule: 'R-SUP-1', basis: endsOn };
}

/**
 * Plans the periods of `plan` from period `fromSeq` through a year after `today`, in the caller's transaction: a
 * period row each with its due date (counted as its deadline will be). A period that has already begun gets its
 * deadline row at once (the institution's clock, the project owner reminded) unless already past due; later ones get
 * theirs when they begin
 * (`scheduleBegunPeriods`), so reminders, `/pilot why` and App Home are not filled a year ahead.
 */
export async function planPeriodRows(
  tx: Db,
  project: { id: string; ownerId: string },
  plan: PlanShape,
  fromSeq: number,
  today: string,
  context: { calendar: WorkingCalendar; now: Date },
): Promise<PlannedPeriod[]> {
  const planned: PlannedPeriod[] = [];
  for (const p of periodsOf(plan, fromSeq, horizonOf(today))) {
    const params = periodParams(p.seq, p.endsOn);
    const computed = computeDeadline(params, context.calendar);
    const begun = p.startsOn <= today;
    // A period already past its due date when planned (a launch recorded long after, a calendar taken over from
    // before decision 023) is missed at once: it shows so, without a burst of stale reminders and escalations.
    if (begun && computed.dueDate >= today)
      await syncDeadlines(tx, project, [{ type: 'scheduleDeadline', params }], context.calendar, context.now);
    await insertPeriod(tx, {
      projectId: project.id,
      ...p,
      dueDate: computed.dueDate,
      deadlineKey: params.key,
      unknownYears: computed.unknownYears,
      scheduledAt: begun ? context.now : null,
    });
    planned.push({ ...p, dueDate: computed.dueDate });
  }
  return planned;
}

/**
 * A period's due date and unknown years on today's calendar: recounted on read, so a year's official schedule loaded
 * after planning (which recomputes the deadline rows) moves the not-yet-begun periods too.
 */
export function dueOf(period: { seq: number; endsOn: string }, calendar: WorkingCalendar) {
  const computed = computeDeadline(periodParams(period.seq, period.endsOn), calendar);
  return { dueDate: computed.dueDate, unknownYears: computed.unknownYears };
}

/** Creates the deadline row of a period that has begun, in the caller's transaction. */
export async function schedulePeriodDeadline(
  tx: Db,
  project: { id: string; ownerId: string },
  period: { id: string; seq: number; endsOn: string },
  context: { calendar: WorkingCalendar; now: Date },
): Promise<void> {
  const params = periodParams(period.seq, period.endsOn);
  await syncDeadlines(tx, project, [{ type: 'scheduleDeadline', params }], context.calendar, context.now);
  await markScheduled(tx, period.id, context.now);
}

/** Stops a period's reminders and escalations (replanned away, or the project left piloting): the row is cancelled. */
export async function cancelPeriodDeadline(tx: Db, projectId: string, key: string, now: Date): Promise<void> {
  const row = await deadlineByKey(tx, projectId, key);
  if (!row || (row.status !== 'open' && row.status !== 'missed')) return;
  await updateDeadline(tx, row.id, { status: 'cancelled', nextStep: null, nextStepAt: null, closedAt: now });
}

/** A received report closes its period's deadline: met before the due instant, met late after it (or once missed). */
export async function closePeriodDeadline(
  tx: Db,
  project: { id: string; ownerId: string },
  key: string,
  context: { calendar: WorkingCalendar; now: Date },
): Promise<void> {
  await syncDeadlines(
    tx,
    project,
    [{ type: 'cancelDeadline', params: { kind: 'periodicReport', key } }],
    context.calendar,
    context.now,
  );
}
