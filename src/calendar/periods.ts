import {
  addDays,
  addMonthsClamped,
  assertIsoDate,
  eachDay,
  type IsoDate,
  type IsoInstant,
  parseInstant,
  shanghaiInstant,
  shanghaiWallClock,
  yearOf,
} from './dates.ts';
import type { Lang } from './messages.ts';
import type { HolidayLabel } from './official-data.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/** How a period is measured. */
export type PeriodUnit = 'workingDays' | 'calendarDays' | 'months' | 'years' | 'hours';

/** A period as a setting states it, e.g. `{ amount: 10, unit: 'workingDays', rule: 'R-APP-5' }`. */
export interface PeriodSpec {
  amount: number;
  unit: PeriodUnit;
  /** The rule it comes from (RULES.md id), carried into the explanation. */
  rule?: string;
  /** What the period is called, e.g. { 'zh-CN': '公示期', en: 'Public notice period' }. */
  label?: Partial<Record<Lang, string>>;
  /** What the fact date is, e.g. { 'zh-CN': '发布日', en: 'publication date' }. */
  factLabel?: Partial<Record<Lang, string>>;
}

/** One step of the counting, as data; `explainDue` turns the steps into sentences. */
export type ExplanationStep =
  | { kind: 'start'; factDate: string; counted: false }
  | { kind: 'count'; unit: PeriodUnit; amount: number; lastDay: IsoDate }
  | { kind: 'monthEnd'; lastDay: IsoDate }
  | { kind: 'skipHolidays'; from: IsoDate; to: IsoDate; label?: HolidayLabel }
  | { kind: 'adjustedWorkingDayCounted'; date: IsoDate; label?: HolidayLabel }
  | { kind: 'rollForward'; from: IsoDate; to: IsoDate; reason: 'holiday' | 'restDay' }
  | { kind: 'unknownYear'; year: number }
  | { kind: 'end'; dueDate: IsoDate; dueAt: IsoInstant; endsAtMidnight: boolean };

/** Why a due date is what it is: enough for `/pilot why` without recomputing anything. */
export interface Explanation {
  /** The last day of the period (Asia/Shanghai). */
  dueDate: IsoDate;
  /** The instant the period ends, UTC: 00:00 Shanghai after the last day, or the exact hour for hour periods. */
  dueAt: IsoInstant;
  factDate: string;
  spec: PeriodSpec;
  steps: ExplanationStep[];
  skipped: { holidays: IsoDate[]; weekends: IsoDate[]; adjustedWorkingDaysCounted: IsoDate[] };
  /** Years whose official schedule is unknown and that the counting touched (counted Monday–Friday). */
  unknownYears: number[];
  rolledForward?: { from: IsoDate; to: IsoDate; reason: 'holiday' | 'restDay' };
}

function assertSpec(spec: PeriodSpec): void {
  if (!Number.isInteger(spec.amount) || spec.amount < 1) {
    throw new RangeError(`period amount must be a whole number ≥ 1, got ${spec.amount}`);
  }
  if (!['workingDays', 'calendarDays', 'months', 'years', 'hours'].includes(spec.unit)) {
    throw new RangeError(`unknown period unit ${String(spec.unit)}`);
  }
}

/** Midnight ending the last day: a period ends at 24:00 of its last day (Civil Code art. 203). */
function endOfDay(date: IsoDate): IsoInstant {
  return shanghaiInstant(addDays(date, 1), 0);
}

// Walks the consulted days once and records what was skipped or counted, grouping holiday days into blocks.
function describeDays(days: IsoDate[], calendar: WorkingCalendar, explanation: Explanation): void {
  let block: Extract<ExplanationStep, { kind: 'skipHolidays' }> | undefined;
  for (const date of days) {
    const info = calendar.dayInfo(date);
    if (!info.known && !explanation.unknownYears.includes(yearOf(date))) explanation.unknownYears.push(yearOf(date));
    if (info.kind === 'holiday') {
      explanation.skipped.holidays.push(date);
      const sameName = block?.label?.['zh-CN'] === info.label?.['zh-CN'];
      if (block && block.to === addDays(date, -1) && sameName) block.to = date;
      else {
        block = { kind: 'skipHolidays', from: date, to: date, ...(info.label ? { label: info.label } : {}) };
        explanation.steps.push(block);
      }
      continue;
    }
    if (info.kind === 'weekend') explanation.skipped.weekends.push(date);
    if (info.kind === 'adjustedWorkingDay') {
      explanation.skipped.adjustedWorkingDaysCounted.push(date);
      explanation.steps.push({ kind: 'adjustedWorkingDayCounted', date, ...(info.label ? { label: info.label } : {}) });
    }
  }
}

function computeHours(spec: PeriodSpec, factDate: string): Explanation {
  const start = parseInstant(factDate);
  const dueAt = start.add(spec.amount, 'hour').toISOString();
  const dueDate = shanghaiWallClock(dueAt).date;
  return {
    dueDate,
    dueAt,
    factDate: start.toISOString(),
    spec,
    steps: [
      { kind: 'start', factDate: start.toISOString(), counted: false },
      { kind: 'count', unit: 'hours', amount: spec.amount, lastDay: dueDate },
      { kind: 'end', dueDate, dueAt, endsAtMidnight: false },
    ],
    skipped: { holidays: [], weekends: [], adjustedWorkingDaysCounted: [] },
    unknownYears: [],
  };
}

function nominalLastDay(spec: PeriodSpec, factDate: IsoDate): IsoDate {
  if (spec.unit === 'calendarDays') return addDays(factDate, spec.amount);
  return addMonthsClamped(factDate, spec.unit === 'years' ? spec.amount * 12 : spec.amount);
}

/**
 * Computes when a period ends, per RULES.md "How periods are counted" (Civil Code arts. 201–203): the fact day is
 * not counted; the period ends at 24:00 of its last day; a calendar-day, month or year period whose last day is not a
 * working day (statutory holiday or weekly rest day, the 法定休假日 of art. 203) ends on the next working day;
 * hour periods run in clock hours, day and night, from the instant of the fact.
 */
export function computeDue(spec: PeriodSpec, factDate: string, calendar: WorkingCalendar): Explanation {
  assertSpec(spec);
  if (spec.unit === 'hours') return computeHours(spec, factDate);
  assertIsoDate(factDate, 'factDate');
  const explanation: Explanation = {
    dueDate: factDate,
    dueAt: '',
    factDate,
    spec,
    steps: [{ kind: 'start', factDate, counted: false }],
    skipped: { holidays: [], weekends: [], adjustedWorkingDaysCounted: [] },
    unknownYears: [],
  };
  let dueDate: IsoDate;
  if (spec.unit === 'workingDays') {
    dueDate = calendar.addWorkingDays(factDate, spec.amount);
    explanation.steps.push({ kind: 'count', unit: spec.unit, amount: spec.amount, lastDay: dueDate });
    describeDays(eachDay(addDays(factDate, 1), dueDate), calendar, explanation);
  } else {
    const lastDay = nominalLastDay(spec, factDate);
    explanation.steps.push({ kind: 'count', unit: spec.unit, amount: spec.amount, lastDay });
    // Art. 202: with no corresponding day (31 Jan + 1 month, 29 Feb + 1 year) the month's last day is the last day.
    if (spec.unit !== 'calendarDays' && lastDay.slice(8) !== factDate.slice(8)) {
      explanation.steps.push({ kind: 'monthEnd', lastDay });
    }
    dueDate = lastDay;
    const lastInfo = calendar.dayInfo(lastDay);
    if (!lastInfo.working) {
      dueDate = calendar.nextWorkingDay(lastDay);
      const reason = lastInfo.kind === 'holiday' ? 'holiday' : 'restDay';
      describeDays(eachDay(lastDay, addDays(dueDate, -1)), calendar, explanation);
      explanation.rolledForward = { from: lastDay, to: dueDate, reason };
      explanation.steps.push({ kind: 'rollForward', from: lastDay, to: dueDate, reason });
    }
    // The last day itself is consulted even when it is a working day, so its year's status is reported.
    describeUnknown(calendar, [lastDay, dueDate], explanation);
  }
  explanation.unknownYears.sort((a, b) => a - b);
  for (const year of explanation.unknownYears) explanation.steps.push({ kind: 'unknownYear', year });
  explanation.dueDate = dueDate;
  explanation.dueAt = endOfDay(dueDate);
  explanation.steps.push({ kind: 'end', dueDate, dueAt: explanation.dueAt, endsAtMidnight: true });
  return explanation;
}

function describeUnknown(calendar: WorkingCalendar, days: IsoDate[], explanation: Explanation): void {
  for (const date of days) {
    const year = yearOf(date);
    if (!calendar.isKnownYear(year) && !explanation.unknownYears.includes(year)) explanation.unknownYears.push(year);
  }
}
