import { DEADLINES, DEFAULT_SETTINGS } from '../../machines/catalog.ts';
import type { Period, ScheduleDeadlineParams } from '../../machines/shared/settings.ts';
import { computeDue, type Explanation, shanghaiInstant, type WorkingCalendar } from '../calendar/index.ts';

/** How a deadline's due instant was reached: each period counted in turn, or a date set with a decision. */
export interface DeadlineComputation {
  dueDate: string;
  dueAt: string;
  /** One explanation per period applied, in order; empty when the date was set explicitly. */
  explanations: Explanation[];
  explicitDueDate: string | null;
  unknownYears: number[];
  periods: Period[];
}

/** The settings a deadline kind counts with (RULES.md defaults unless overridden). */
export type DeadlineSettings = typeof DEFAULT_SETTINGS;

/**
 * Computes when a deadline the machine scheduled falls due: from its basis (the fact's date), through each period
 * of its kind in turn, on the working-day calendar. A repeating deadline's nth occurrence applies the first period
 * n times (the nth quarterly report is due 3n months, then 10 working days, after the start).
 */
export function computeDeadline(
  params: ScheduleDeadlineParams,
  calendar: WorkingCalendar,
  settings: DeadlineSettings = DEFAULT_SETTINGS,
): DeadlineComputation {
  const spec = DEADLINES[params.kind];
  const periods = spec.after.map((name, i) => {
    const period = settings[name] as Period;
    return i === 0 && params.occurrence ? { ...period, amount: period.amount * params.occurrence } : period;
  });
  if (params.dueDate) {
    return {
      dueDate: params.dueDate,
      dueAt: endOfDay(params.dueDate),
      explanations: [],
      explicitDueDate: params.dueDate,
      unknownYears: [],
      periods,
    };
  }
  if (periods.length === 0) {
    // Nothing to count (an inspection scheduled for a day): the basis is the day itself.
    return {
      dueDate: params.basis,
      dueAt: endOfDay(params.basis),
      explanations: [],
      explicitDueDate: null,
      unknownYears: [],
      periods,
    };
  }
  const explanations: Explanation[] = [];
  let from = params.basis;
  for (const period of periods) {
    const explanation = computeDue({ ...period, rule: spec.rule }, from, calendar);
    explanations.push(explanation);
    from = explanation.dueDate;
  }
  const last = explanations.at(-1)!;
  return {
    dueDate: last.dueDate,
    dueAt: last.dueAt,
    explanations,
    explicitDueDate: null,
    unknownYears: [...new Set(explanations.flatMap((e) => e.unknownYears))].sort(),
    periods,
  };
}

function endOfDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return shanghaiInstant(next.toISOString().slice(0, 10), 0);
}
