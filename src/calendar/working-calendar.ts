import { addDays, assertIsoDate, type IsoDate, isWeekend, yearOf } from './dates.ts';
import { type CalendarError, formatCalendarError } from './messages.ts';
import { type HolidayLabel, PACKAGE_KNOWN_YEARS, packageYearData, type YearData } from './official-data.ts';
import { type OfficialSchedule, validateSchedule } from './schedule.ts';

/** What a day is: a normal working day, a weekly rest day, a statutory day off, or a 调休 Saturday/Sunday at work. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjustedWorkingDay';

/** Everything the calendar knows about one day, so explanations never re-derive it. */
export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  working: boolean;
  /** False when the year's official schedule is not known and the day was judged Monday–Friday. */
  known: boolean;
  label?: HolidayLabel;
}

/** Thrown when a schedule handed to the calendar is invalid; carries the message keys for the admin. */
export class ScheduleValidationError extends Error {
  constructor(readonly errors: CalendarError[]) {
    super(errors.map((e) => formatCalendarError(e, 'en')).join('; '));
    this.name = 'ScheduleValidationError';
  }
}

function loadedYearData(schedule: OfficialSchedule): YearData {
  const label = (date: IsoDate): HolidayLabel | undefined => {
    const name = schedule.names?.[date];
    return name === undefined ? undefined : { 'zh-CN': name, en: name };
  };
  return {
    year: schedule.year,
    holidays: new Map(schedule.holidays.map((d) => [d, label(d)])),
    adjustedWorkingDays: new Map(schedule.adjustedWorkingDays.map((d) => [d, label(d)])),
    source: schedule.source ?? 'loaded',
  };
}

/**
 * Mainland China's working-day calendar: chinese-days' data for the years it truly knows, overridden year by year by
 * schedules admins load. Immutable: loading a schedule returns a new calendar, so a computation never sees a year
 * change under it.
 */
export class WorkingCalendar {
  private constructor(private readonly loaded: ReadonlyMap<number, YearData>) {}

  /** Builds a calendar from chinese-days plus loaded schedules (validated; throws ScheduleValidationError). */
  static create(schedules: readonly OfficialSchedule[] = []): WorkingCalendar {
    return schedules.reduce((calendar, s) => calendar.withSchedule(s), new WorkingCalendar(new Map()));
  }

  /** A new calendar where this schedule replaces whatever was known for its year. */
  withSchedule(schedule: OfficialSchedule): WorkingCalendar {
    const result = validateSchedule(schedule);
    if (!result.ok) throw new ScheduleValidationError(result.errors);
    const loaded = new Map(this.loaded);
    loaded.set(result.schedule.year, loadedYearData(result.schedule));
    return new WorkingCalendar(loaded);
  }

  /** Years with an official schedule, from chinese-days or loaded, ascending. */
  knownYears(): number[] {
    return [...new Set([...PACKAGE_KNOWN_YEARS, ...this.loaded.keys()])].sort((a, b) => a - b);
  }

  /** True when the year's official schedule is known (not guessed as Monday–Friday). */
  isKnownYear(year: number): boolean {
    return this.loaded.has(year) || PACKAGE_KNOWN_YEARS.includes(year);
  }

  /** Where the year's schedule comes from ("chinese-days x.y.z", a loaded notice's source), or undefined if unknown. */
  yearSource(year: number): string | undefined {
    return this.yearData(year)?.source;
  }

  private yearData(year: number): YearData | undefined {
    return this.loaded.get(year) ?? packageYearData(year);
  }

  /** Classifies a day; an unknown year falls back to Monday–Friday working, Saturday/Sunday rest. */
  dayInfo(date: IsoDate): DayInfo {
    assertIsoDate(date);
    const data = this.yearData(yearOf(date));
    const weekend = isWeekend(date);
    if (!data) return { date, kind: weekend ? 'weekend' : 'workday', working: !weekend, known: false };
    if (data.holidays.has(date))
      return withLabel({ date, kind: 'holiday', working: false, known: true }, data.holidays.get(date));
    if (data.adjustedWorkingDays.has(date)) {
      return withLabel(
        { date, kind: 'adjustedWorkingDay', working: true, known: true },
        data.adjustedWorkingDays.get(date),
      );
    }
    return { date, kind: weekend ? 'weekend' : 'workday', working: !weekend, known: true };
  }

  /** True on days people work: Monday–Friday outside holidays, plus 调休 Saturdays/Sundays. */
  isWorkingDay(date: IsoDate): boolean {
    return this.dayInfo(date).working;
  }

  /** True on a statutory day off (放假) from the official schedule; never true in an unknown year. */
  isHoliday(date: IsoDate): boolean {
    return this.dayInfo(date).kind === 'holiday';
  }

  /** First working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, 1);
  }

  /** Last working day strictly before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, -1);
  }

  /** The n-th working day after `date`, the start day not counted (n < 0 counts backwards; n = 0 returns `date`). */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    assertIsoDate(date);
    if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let day = date;
    for (let left = Math.abs(n); left > 0; ) {
      day = addDays(day, step);
      if (this.isWorkingDay(day)) left--;
    }
    return day;
  }

  /** Working days in (a, b] — the start day not counted — negative when b is before a. */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    assertIsoDate(a);
    assertIsoDate(b);
    if (b < a) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }
}

function withLabel(info: DayInfo, label: HolidayLabel | undefined): DayInfo {
  return label === undefined ? info : { ...info, label };
}

/** Builds the programme's working calendar: chinese-days plus any loaded official schedules. */
export function createWorkingCalendar(schedules: readonly OfficialSchedule[] = []): WorkingCalendar {
  return WorkingCalendar.create(schedules);
}
