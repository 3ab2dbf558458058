import { describe, expect, it } from 'vitest';
import {
  CHINESE_DAYS_SOURCE,
  createWorkingCalendar,
  ScheduleValidationError,
  WorkingCalendar,
} from '../../src/calendar/index.ts';
import { schedule2027 } from './fixtures.ts';

const calendar = createWorkingCalendar();

describe('WorkingCalendar: classifying days', () => {
  it('treats a 调休 Saturday (2026-02-14) as a working day and a Spring Festival weekday (02-16) as a holiday', () => {
    expect(calendar.dayInfo('2026-02-14')).toMatchObject({ kind: 'adjustedWorkingDay', working: true, known: true });
    expect(calendar.dayInfo('2026-02-16')).toMatchObject({ kind: 'holiday', working: false, known: true });
    expect(calendar.isHoliday('2026-02-16')).toBe(true);
  });

  it('treats an ordinary Saturday as rest but not as a statutory holiday', () => {
    expect(calendar.dayInfo('2026-03-07')).toMatchObject({ kind: 'weekend', working: false });
    expect(calendar.isHoliday('2026-03-07')).toBe(false);
  });

  it('counts an unknown year (2027) Monday–Friday and marks the days as not known', () => {
    expect(calendar.dayInfo('2027-01-01')).toEqual({
      date: '2027-01-01',
      kind: 'workday',
      working: true,
      known: false,
    });
    expect(calendar.dayInfo('2027-01-02')).toMatchObject({ kind: 'weekend', working: false, known: false });
    expect(calendar.yearSource(2027)).toBeUndefined();
    expect(calendar.yearSource(2026)).toBe(CHINESE_DAYS_SOURCE);
  });

  it('rejects a date that is not a real YYYY-MM-DD day', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2026/02/03')).toThrow(RangeError);
  });
});

describe('WorkingCalendar: stepping over working days', () => {
  it('does not count the start day: 1 working day after Monday 2026-03-02 is Tuesday', () => {
    expect(calendar.addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
    expect(calendar.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(calendar.addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
  });

  it('steps over the 2026 Spring Festival onto the adjusted working days', () => {
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-14');
    expect(calendar.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
    expect(calendar.addWorkingDays('2026-02-24', 4)).toBe('2026-02-28');
    expect(calendar.previousWorkingDay('2026-02-24')).toBe('2026-02-14');
  });

  it('counts backwards with a negative n', () => {
    expect(calendar.addWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
    expect(calendar.addWorkingDays('2026-10-12', -1)).toBe('2026-10-10');
  });

  it('counts working days in (a, b] and negatively when b is before a', () => {
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(calendar.workingDaysBetween('2026-10-10', '2026-09-30')).toBe(-3);
    expect(calendar.workingDaysBetween('2026-10-01', '2026-10-01')).toBe(0);
  });
});

describe('WorkingCalendar: loaded official schedules', () => {
  it('makes 2027 known once its schedule is loaded, without changing the original calendar', () => {
    const loaded = calendar.withSchedule(schedule2027);
    expect(loaded.isKnownYear(2027)).toBe(true);
    expect(loaded.knownYears()).toContain(2027);
    expect(loaded.isHoliday('2027-01-01')).toBe(true);
    expect(loaded.dayInfo('2027-01-01').label).toEqual({ 'zh-CN': '元旦', en: '元旦' });
    expect(loaded.isWorkingDay('2027-01-31')).toBe(true);
    expect(loaded.yearSource(2027)).toBe('test fixture');
    expect(calendar.isKnownYear(2027)).toBe(false);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true);
  });

  it("overrides the package's data for a year it already knows", () => {
    const amended = calendar.withSchedule({
      year: 2026,
      holidays: ['2026-01-01', '2026-10-01', '2026-10-08'],
      adjustedWorkingDays: [],
    });
    expect(amended.isHoliday('2026-10-08')).toBe(true);
    expect(amended.isHoliday('2026-02-16')).toBe(false);
    expect(amended.isWorkingDay('2026-02-14')).toBe(false);
  });

  it('refuses an invalid schedule with its message keys', () => {
    const bad = { ...schedule2027, adjustedWorkingDays: ['2027-01-04'] };
    expect(() => WorkingCalendar.create([bad])).toThrow(ScheduleValidationError);
    try {
      calendar.withSchedule(bad);
    } catch (error) {
      expect((error as ScheduleValidationError).errors.map((e) => e.key)).toEqual(['schedule.adjustedNotWeekend']);
    }
  });
});
