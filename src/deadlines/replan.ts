import { DEADLINES } from '../../machines/catalog.ts';
import type { DeadlineKind, ScheduleDeadlineParams } from '../../machines/shared/settings.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import { computeDeadline, type DeadlineComputation } from './compute-deadline.ts';
import type { Deadline, StoredJson } from './repository.ts';
import { nextPlannedStep, type PlannedStep, planSteps } from './steps.ts';
import { isHourly } from './sync-deadlines.ts';

/** What a deadline row stores about how it was computed (Deadline.spec). */
export interface StoredSpec {
  periods: { amount: number; unit: string }[];
  explicitDueDate: string | null;
  occurrence: number | null;
  /** Set by an extension: the due date before it, for the record. */
  extendedFrom?: string;
  extendedReason?: string;
}

/** The row's stored spec, tolerant of rows written before a field existed. */
export function storedSpec(row: Pick<Deadline, 'spec'>): StoredSpec {
  const s = (row.spec ?? {}) as Partial<StoredSpec>;
  return {
    periods: s.periods ?? [],
    explicitDueDate: s.explicitDueDate ?? null,
    occurrence: s.occurrence ?? null,
    ...(s.extendedFrom ? { extendedFrom: s.extendedFrom } : {}),
    ...(s.extendedReason ? { extendedReason: s.extendedReason } : {}),
  };
}

/** The YYYY-MM-DD of a @db.Date column. */
export function dateOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The machine's scheduleDeadline params a stored row came from, so it can be recomputed the same way. */
export function paramsOf(row: Deadline): ScheduleDeadlineParams {
  const spec = storedSpec(row);
  return {
    kind: row.kind as DeadlineKind,
    key: row.key,
    rule: row.rule,
    basis: row.basis,
    ...(spec.explicitDueDate ? { dueDate: spec.explicitDueDate } : {}),
    ...(spec.occurrence ? { occurrence: spec.occurrence } : {}),
  };
}

/** Recomputes a stored deadline through the same computeDeadline the runtime used when it was scheduled. */
export function recompute(row: Deadline, calendar: WorkingCalendar): DeadlineComputation {
  return computeDeadline(paramsOf(row), calendar);
}

/** The ladder of a stored row (or of a row with a new due date), planned on the calendar. */
export function planOf(
  row: Pick<Deadline, 'kind' | 'clock'> & { spec: StoredJson },
  due: { dueDate: string; dueAt: string },
  calendar: WorkingCalendar,
): PlannedStep[] {
  const clock = DEADLINES[row.kind as DeadlineKind]?.clock ?? row.clock;
  return planSteps(
    { kind: row.kind, clock, dueDate: due.dueDate, dueAt: due.dueAt, hourly: isHourly(storedSpec(row)) },
    calendar,
  );
}

/** The stored row's own plan, from its current due date. */
export function currentPlan(row: Deadline, calendar: WorkingCalendar): PlannedStep[] {
  return planOf(row, { dueDate: dateOf(row.dueDate), dueAt: row.dueAt.toISOString() }, calendar);
}

/** A pre-due step: a reminder or an expiry warning, worth nothing once the due instant has passed. */
export function isPreDue(step: string): boolean {
  return step.startsWith('reminder:') || step.startsWith('warning:');
}

/** The ladder's position after a change: steps already done and the next step to take. */
export interface LadderPosition {
  stepsDone: string[];
  nextStep: string | null;
  nextStepAt: Date | null;
}

/**
 * Where the ladder stands on a new plan. When the due date stayed, the steps done stay done. When it moved, the
 * ladder starts again, except the reminders whose instant has already passed: they are not sent late.
 */
export function ladderPosition(
  plan: readonly PlannedStep[],
  previouslyDone: readonly string[] | null,
  now: Date,
): LadderPosition {
  const done =
    previouslyDone === null
      ? plan.filter((s) => isPreDue(s.step) && Date.parse(s.at) <= now.getTime()).map((s) => s.step)
      : [...previouslyDone];
  const next = nextPlannedStep(plan, done);
  return { stepsDone: done, nextStep: next?.step ?? null, nextStepAt: next ? new Date(next.at) : null };
}
