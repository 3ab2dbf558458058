import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The programme's clock: every date the calendar speaks of is a day in Shanghai. */
export const PROGRAMME_TIME_ZONE = 'Asia/Shanghai';

/** A calendar day written `YYYY-MM-DD`, always meant as a day in Asia/Shanghai. */
export type IsoDate = string;
/** An instant written as ISO-8601 with an offset; the module always returns UTC (`…Z`). */
export type IsoInstant = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;

/** True for a real calendar day written `YYYY-MM-DD` (rejects 2026-02-30, which Date would silently roll). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** Throws on anything but a real `YYYY-MM-DD` day, so bad input fails loudly instead of shifting a deadline. */
export function assertIsoDate(value: string, what = 'date'): IsoDate {
  if (!isIsoDate(value))
    throw new RangeError(`${what} must be a real day written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

// Day arithmetic happens in UTC on purpose: a calendar day has no time zone, and UTC has no DST surprises.
function toUtcDay(date: IsoDate): dayjs.Dayjs {
  return dayjs.utc(`${date}T00:00:00Z`);
}

/** The day `n` calendar days after (or before, when negative) `date`. */
export function addDays(date: IsoDate, n: number): IsoDate {
  return toUtcDay(date).add(n, 'day').format('YYYY-MM-DD');
}

/** Adds months per Civil Code art. 202: the corresponding day, or the month's last day when there is none. */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  // dayjs clamps 01-31 + 1 month to 02-28/29, which is exactly art. 202's "没有对应日的，月末日".
  return toUtcDay(date).add(months, 'month').format('YYYY-MM-DD');
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return toUtcDay(date).day();
}

/** True on Saturdays and Sundays, the ordinary weekly rest days. */
export function isWeekend(date: IsoDate): boolean {
  const day = weekdayOf(date);
  return day === 0 || day === 6;
}

/** The year of a `YYYY-MM-DD` day. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The UTC instant of `hour:minute` on `date` in Shanghai. */
export function shanghaiInstant(date: IsoDate, hour: number, minute = 0): IsoInstant {
  const hh = String(hour).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return dayjs.tz(`${date} ${hh}:${mm}`, PROGRAMME_TIME_ZONE).utc().toISOString();
}

/** Parses an instant; a date-time without offset is read as Shanghai wall-clock time, as staff would mean it. */
export function parseInstant(value: string | Date): dayjs.Dayjs {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('instant is an invalid Date');
    return dayjs.utc(value);
  }
  if (ISO_INSTANT_WITH_OFFSET.test(value)) {
    const parsed = dayjs.utc(value);
    if (parsed.isValid()) return parsed;
  }
  if (ISO_LOCAL_DATE_TIME.test(value)) {
    const parsed = dayjs.tz(value, PROGRAMME_TIME_ZONE);
    if (parsed.isValid()) return parsed.utc();
  }
  throw new RangeError(`instant must be ISO-8601 (e.g. 2026-10-01T22:30:00+08:00), got ${JSON.stringify(value)}`);
}

/** Normalises an instant to a UTC ISO string. */
export function toIsoInstant(value: string | Date): IsoInstant {
  return parseInstant(value).toISOString();
}

/** The Shanghai calendar day and wall-clock time of an instant. */
export function shanghaiWallClock(value: string | Date): { date: IsoDate; hour: number; minute: number } {
  const local = parseInstant(value).tz(PROGRAMME_TIME_ZONE);
  return { date: local.format('YYYY-MM-DD'), hour: local.hour(), minute: local.minute() };
}
