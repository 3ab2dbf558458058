import type { WorkingCalendar } from '../calendar/index.ts';
import { deadlineByKey, updateDeadline } from '../deadlines/repository.ts';
import { syncDeadlines } from '../deadlines/sync-deadlines.ts';
import { horizonOf, type PlanShape, periodsOf } from './periods.ts';
import { type Db, insertPeriod } from './repository.ts';

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

/**
 * Plans the periods of `plan` from period `fromSeq` through a year after `today`: a period row each and its deadline
 * row through the deadline engine (due 10 working days after the period's last day, R-SUP-1; the institution's
 * clock, the project owner reminded), in the caller's transaction.
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
    const key = periodDeadlineKey(p.seq);
    const [change] = await syncDeadlines(
      tx,
      project,
      [{ type: 'scheduleDeadline', params: { kind: 'periodicReport', key, rule: 'R-SUP-1', basis: p.endsOn } }],
      context.calendar,
      context.now,
    );
    const dueDate = change?.dueDate ?? p.endsOn;
    await insertPeriod(tx, { projectId: project.id, ...p, dueDate, deadlineKey: key });
    planned.push({ ...p, dueDate });
  }
  return planned;
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
