import {
  addDays,
  assertIsoDate,
  type IsoDate,
  type IsoInstant,
  shanghaiInstant,
  shanghaiWallClock,
  toIsoInstant,
} from './dates.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/** RULES.md: a reminder or escalation step fires at 09:00 Shanghai on its day. */
export const STEP_HOUR = 9;
/** Quiet hours for people: nothing between 20:00 and 08:00 Shanghai, nor on a non-working day. */
export const QUIET_HOURS = { from: 20, until: 8 } as const;

/** A scheduled reminder: which offset it serves, the Shanghai day, and the instant (UTC). */
export interface ReminderInstant {
  offsetWorkingDays: number;
  date: IsoDate;
  at: IsoInstant;
}

/** A step of the escalation ladder after a missed due date. */
export interface EscalationInstant {
  step: 'owner' | 'managers';
  workingDaysAfter: number;
  date: IsoDate;
  at: IsoInstant;
}

/** A coaching expiry warning; `date` may be later than the nominal day when that was not a working day. */
export interface ExpiryWarning {
  daysBefore: number;
  nominalDate: IsoDate;
  date: IsoDate;
  at: IsoInstant;
}

/**
 * Reminder instants N working days before the due date (0 = the due day), at `hour` Shanghai. When the due day is not
 * a working day (only hour periods can end on one) the last working day before it stands in for the due day, so the
 * "on the day" reminder still reaches people at work and the others count back from there.
 */
export function reminderInstants(
  dueDate: IsoDate,
  offsetsWorkingDays: readonly number[] = [3, 1, 0],
  calendar: WorkingCalendar,
  hour = STEP_HOUR,
): ReminderInstant[] {
  assertIsoDate(dueDate, 'dueDate');
  const anchor = calendar.isWorkingDay(dueDate) ? dueDate : calendar.previousWorkingDay(dueDate);
  const byDate = new Map<IsoDate, ReminderInstant>();
  for (const offset of [...offsetsWorkingDays].sort((a, b) => a - b)) {
    if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`reminder offset must be ≥ 0, got ${offset}`);
    const date = calendar.addWorkingDays(anchor, -offset);
    // Smallest offset wins a shared day, so the nearer (more urgent) wording is used.
    if (!byDate.has(date)) byDate.set(date, { offsetWorkingDays: offset, date, at: shanghaiInstant(date, hour) });
  }
  return [...byDate.values()].sort((a, b) => a.at.localeCompare(b.at));
}

/** The escalation ladder after a miss: next working day to the owner, 3 working days after to managers, at 09:00. */
export function escalationInstants(dueDate: IsoDate, calendar: WorkingCalendar, hour = STEP_HOUR): EscalationInstant[] {
  assertIsoDate(dueDate, 'dueDate');
  return [
    { step: 'owner' as const, workingDaysAfter: 1 },
    { step: 'managers' as const, workingDaysAfter: 3 },
  ].map(({ step, workingDaysAfter }) => {
    const date = calendar.addWorkingDays(dueDate, workingDaysAfter);
    return { step, workingDaysAfter, date, at: shanghaiInstant(date, hour) };
  });
}

/**
 * Coaching expiry warnings N calendar days before the expiry date, at 09:00; one falling on a non-working day moves to
 * the next working morning. A warning that would move past the expiry day is dropped (the expiry itself is told).
 */
export function coachingExpiryWarnings(
  expiryDate: IsoDate,
  daysBefore: readonly number[] = [90, 30, 7],
  calendar: WorkingCalendar,
  hour = STEP_HOUR,
): ExpiryWarning[] {
  assertIsoDate(expiryDate, 'expiryDate');
  const byDate = new Map<IsoDate, ExpiryWarning>();
  for (const n of [...daysBefore].sort((a, b) => a - b)) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`warning days must be ≥ 1, got ${n}`);
    const nominalDate = addDays(expiryDate, -n);
    const date = calendar.isWorkingDay(nominalDate) ? nominalDate : calendar.nextWorkingDay(nominalDate);
    if (date > expiryDate || byDate.has(date)) continue;
    byDate.set(date, { daysBefore: n, nominalDate, date, at: shanghaiInstant(date, hour) });
  }
  return [...byDate.values()].sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * When a message may reach a person: at once on a working day between 08:00 and 20:00 Shanghai; otherwise at 09:00
 * of the next working morning (the hour steps and digests use, so deferred messages join them rather than arriving
 * before office hours). `urgent` (incidents) bypasses quiet hours entirely.
 */
export function nextDeliveryInstant(
  instant: string | Date,
  calendar: WorkingCalendar,
  options: { urgent?: boolean; morningHour?: number } = {},
): IsoInstant {
  const at = shanghaiWallClock(instant);
  const exact = toIsoInstant(instant);
  if (options.urgent) return exact;
  const morning = options.morningHour ?? STEP_HOUR;
  const working = calendar.isWorkingDay(at.date);
  if (working && at.hour >= QUIET_HOURS.until && at.hour < QUIET_HOURS.from) return exact;
  const day = working && at.hour < QUIET_HOURS.until ? at.date : calendar.nextWorkingDay(at.date);
  return shanghaiInstant(day, morning);
}
