import { describe, expect, it } from 'vitest';
import { computeDue, createWorkingCalendar, explainDue, type PeriodSpec } from '../../src/calendar/index.ts';
import { schedule2027 } from './fixtures.ts';

const calendar = createWorkingCalendar();

const noticePeriod: PeriodSpec = {
  amount: 10,
  unit: 'workingDays',
  rule: 'R-APP-5',
  label: { 'zh-CN': '公示期', en: 'Public notice period' },
  factLabel: { 'zh-CN': '发布日', en: 'publication date' },
};

describe('working-day periods', () => {
  it('R-APP-5: notice period of 10 working days skips the 2026 Mid-autumn and National Day holidays', () => {
    const e = computeDue(noticePeriod, '2026-09-25', calendar);
    expect(e.dueDate).toBe('2026-10-15');
    expect(e.dueAt).toBe('2026-10-15T16:00:00.000Z');
    expect(e.skipped.holidays).toEqual(['2026-09-26', '2026-09-27', ...days('2026-10-01', 7)]);
    expect(e.skipped.adjustedWorkingDaysCounted).toEqual(['2026-10-10']);
    expect(e.skipped.weekends).toEqual(['2026-10-11']);
    expect(e.unknownYears).toEqual([]);
    expect(e.rolledForward).toBeUndefined();
    expect(explainDue(e, 'zh-CN')).toEqual([
      '公示期：自 2026年9月25日（发布日，不计入）起 10 个工作日，跳过中秋假期 9月26日–9月27日、国庆节假期 10月1日–10月7日，' +
        '10月10日（周六）为调休工作日计入，截止 2026年10月15日 24:00。',
    ]);
    expect(explainDue(e, 'en')).toEqual([
      'Public notice period: 10 working days from 25 September 2026 (publication date, not counted), skipping the ' +
        'Mid-autumn Festival holiday 26–27 September, the National Day holiday 1–7 October, counting Saturday ' +
        '10 October (adjusted working day), ends at 24:00 on 15 October 2026.',
    ]);
  });

  it('R-APP-5: 10 working days over the 2026 Spring Festival count both 调休 Saturdays (02-14, 02-28)', () => {
    const e = computeDue(noticePeriod, '2026-02-10', calendar);
    expect(e.dueDate).toBe('2026-03-02');
    expect(e.skipped.holidays).toEqual(days('2026-02-15', 9));
    expect(e.skipped.adjustedWorkingDaysCounted).toEqual(['2026-02-14', '2026-02-28']);
    expect(e.skipped.weekends).toEqual(['2026-03-01']);
    expect(explainDue(e, 'zh-CN')[0]).toContain(
      '跳过春节假期 2月15日–2月23日，2月14日（周六）、2月28日（周六）为调休工作日计入',
    );
  });

  it('R-SUP-4: a complaint acknowledged within 2 working days does not count the day it arrived', () => {
    expect(computeDue({ amount: 2, unit: 'workingDays' }, '2026-03-02', calendar).dueDate).toBe('2026-03-04');
    expect(computeDue({ amount: 2, unit: 'workingDays' }, '2026-03-06', calendar).dueDate).toBe('2026-03-10');
  });

  it('2026-01-04 (Sunday) is an adjusted working day after the New Year holiday', () => {
    const e = computeDue({ amount: 1, unit: 'workingDays' }, '2025-12-31', calendar);
    expect(e.dueDate).toBe('2026-01-04');
    expect(e.skipped.holidays).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
  });

  it('the 2026 Labour Day block is skipped and 05-09 (Saturday) counts', () => {
    const e = computeDue({ amount: 4, unit: 'workingDays' }, '2026-04-30', calendar);
    expect(e.skipped.holidays).toEqual(days('2026-05-01', 5));
    expect(e.dueDate).toBe('2026-05-09');
    expect(e.skipped.adjustedWorkingDaysCounted).toEqual(['2026-05-09']);
  });

  it('2026-09-20 (Sunday) is an adjusted working day before the Mid-autumn holiday', () => {
    expect(computeDue({ amount: 1, unit: 'workingDays' }, '2026-09-18', calendar).dueDate).toBe('2026-09-20');
  });
});

describe('unknown years', () => {
  it('counts 2027 Monday–Friday (2027-01-01 as a working day) and says so in both languages', () => {
    const e = computeDue({ amount: 10, unit: 'workingDays' }, '2026-12-24', calendar);
    expect(e.dueDate).toBe('2027-01-07');
    expect(e.unknownYears).toEqual([2027]);
    expect(e.steps).toContainEqual({ kind: 'unknownYear', year: 2027 });
    expect(explainDue(e, 'zh-CN')).toContain('2027 年的官方节假日安排尚未载入，按周一至周五计算。');
    expect(explainDue(e, 'en')).toContain(
      'The official holiday schedule for 2027 has not been loaded; counted as Monday to Friday.',
    );
  });

  it('loading the 2027 schedule moves the due date and clears the warning', () => {
    const before = computeDue({ amount: 10, unit: 'workingDays' }, '2026-12-24', calendar);
    const after = computeDue({ amount: 10, unit: 'workingDays' }, '2026-12-24', calendar.withSchedule(schedule2027));
    expect(after.dueDate).toBe('2027-01-08');
    expect(after.dueDate).not.toBe(before.dueDate);
    expect(after.unknownYears).toEqual([]);
    expect(explainDue(after, 'zh-CN')).toEqual([
      '期间：自 2026年12月24日（起算日，不计入）起 10 个工作日，跳过元旦假期 2027年1月1日–1月3日，截止 2027年1月8日 24:00。',
    ]);
  });

  it('flags an unknown year when only the last day of a calendar-day period falls in it', () => {
    const e = computeDue({ amount: 30, unit: 'calendarDays' }, '2026-12-15', calendar);
    expect(e.dueDate).toBe('2027-01-14');
    expect(e.unknownYears).toEqual([2027]);
  });
});

describe('calendar-day, month and year periods (Civil Code arts. 201–203)', () => {
  it('a calendar-day period whose last day is a statutory holiday (2026-10-01) ends on the first working day after', () => {
    const e = computeDue({ amount: 10, unit: 'calendarDays' }, '2026-09-21', calendar);
    expect(e.dueDate).toBe('2026-10-08');
    expect(e.rolledForward).toEqual({ from: '2026-10-01', to: '2026-10-08', reason: 'holiday' });
    expect(e.skipped.holidays).toEqual(days('2026-10-01', 7));
    expect(explainDue(e, 'zh-CN')[0]).toContain('最后一日 10月1日 为法定节假日，顺延至其后第一个工作日 10月8日');
  });

  it('a calendar-day period ending on an ordinary Sunday moves to Monday (weekly rest days are 法定休假日)', () => {
    const e = computeDue({ amount: 5, unit: 'calendarDays' }, '2026-02-24', calendar);
    expect(e.rolledForward).toEqual({ from: '2026-03-01', to: '2026-03-02', reason: 'restDay' });
    expect(e.dueDate).toBe('2026-03-02');
  });

  it('a calendar-day period ending on an adjusted working Saturday (2026-10-10) does not move', () => {
    const e = computeDue({ amount: 10, unit: 'calendarDays' }, '2026-09-30', calendar);
    expect(e.dueDate).toBe('2026-10-10');
    expect(e.rolledForward).toBeUndefined();
  });

  it('R-COA-4: one year from the notice date 2025-11-03 ends on 2026-11-03 at 24:00', () => {
    const e = computeDue({ amount: 1, unit: 'years', rule: 'R-COA-4' }, '2025-11-03', calendar);
    expect(e.dueDate).toBe('2026-11-03');
    expect(e.dueAt).toBe('2026-11-03T16:00:00.000Z');
  });

  it('R-COA-4: one year from 2024-02-29 ends on 2025-02-28, the month-end (art. 202 has no corresponding day)', () => {
    const e = computeDue({ amount: 1, unit: 'years' }, '2024-02-29', calendar);
    expect(e.dueDate).toBe('2025-02-28');
    expect(e.steps).toContainEqual({ kind: 'monthEnd', lastDay: '2025-02-28' });
    expect(explainDue(e, 'zh-CN')[0]).toContain('到期月没有对应日，以月末日 2025年2月28日 为最后一日');
  });

  it('one year from 2023-03-01 ends on 2024-03-01 (a leap year in between changes nothing)', () => {
    expect(computeDue({ amount: 1, unit: 'years' }, '2023-03-01', calendar).dueDate).toBe('2024-03-01');
  });

  it('one month from 2026-01-31 ends on 2026-02-28, a 调休 Saturday that does not move', () => {
    const e = computeDue({ amount: 1, unit: 'months' }, '2026-01-31', calendar);
    expect(e.dueDate).toBe('2026-02-28');
    expect(e.rolledForward).toBeUndefined();
  });

  it('R-EXIT-1: 12 months from launch on 2025-10-01 ends 2026-10-01, a holiday, so 2026-10-08', () => {
    const e = computeDue({ amount: 12, unit: 'months', rule: 'R-EXIT-1' }, '2025-10-01', calendar);
    expect(e.rolledForward).toEqual({ from: '2026-10-01', to: '2026-10-08', reason: 'holiday' });
  });
});

describe('hour periods', () => {
  it('R-SUP-5: the incident first report is due 24 clock hours later, day and night, even on a holiday', () => {
    const e = computeDue({ amount: 24, unit: 'hours', rule: 'R-SUP-5' }, '2026-10-01T22:30:00+08:00', calendar);
    expect(e.dueAt).toBe('2026-10-02T14:30:00.000Z');
    expect(e.dueDate).toBe('2026-10-02');
    expect(e.rolledForward).toBeUndefined();
    expect(explainDue(e, 'zh-CN')).toEqual([
      '期间：自 2026年10月1日 22:30（起算时刻）起 24 小时（昼夜连续计算），截止 2026年10月2日 22:30。',
    ]);
  });

  it('R-SUP-5: reads an instant without offset as Shanghai time', () => {
    const e = computeDue({ amount: 24, unit: 'hours' }, '2026-10-01T22:30', calendar);
    expect(e.dueAt).toBe('2026-10-02T14:30:00.000Z');
  });
});

describe('bad input', () => {
  it('refuses a non-positive or fractional amount, a date for hours and an instant for days', () => {
    expect(() => computeDue({ amount: 0, unit: 'workingDays' }, '2026-03-02', calendar)).toThrow(RangeError);
    expect(() => computeDue({ amount: 1.5, unit: 'calendarDays' }, '2026-03-02', calendar)).toThrow(RangeError);
    expect(() => computeDue({ amount: 24, unit: 'hours' }, '2026-03-02', calendar)).toThrow(RangeError);
    expect(() => computeDue({ amount: 2, unit: 'workingDays' }, '2026-03-02T10:00:00Z', calendar)).toThrow(RangeError);
  });
});

function days(from: string, count: number): string[] {
  const start = new Date(`${from}T00:00:00Z`).getTime();
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}
