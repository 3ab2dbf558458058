import { describe, expect, it } from 'vitest';
import { periodLabel } from '../../src/i18n/period-label.ts';
import { horizonOf, periodName, periodStatus, periodsOf } from '../../src/reports/periods.ts';

describe('report periods (pure)', () => {
  it('R-SUP-1: quarterly periods run from the launch date, each counted from the anchor so month ends do not drift', () => {
    const plan = { intervalMonths: 3, anchorOn: '2026-01-01', anchorSeq: 1 };
    expect(periodsOf(plan, 1, '2026-12-31')).toEqual([
      { seq: 1, startsOn: '2026-01-01', endsOn: '2026-03-31' },
      { seq: 2, startsOn: '2026-04-01', endsOn: '2026-06-30' },
      { seq: 3, startsOn: '2026-07-01', endsOn: '2026-09-30' },
      { seq: 4, startsOn: '2026-10-01', endsOn: '2026-12-31' },
    ]);
    // 30 November + 3 months is 28 February (art. 202), and the next period is counted from 30 November again.
    const monthEnd = periodsOf({ intervalMonths: 3, anchorOn: '2026-11-30', anchorSeq: 1 }, 1, '2027-06-01');
    expect(monthEnd.map((p) => [p.startsOn, p.endsOn])).toEqual([
      ['2026-11-30', '2027-02-27'],
      ['2027-02-28', '2027-05-29'],
      ['2027-05-30', '2027-08-29'],
    ]);
    // A re-anchored plan (after an interval change) numbers on from its anchor period.
    expect(periodsOf({ intervalMonths: 6, anchorOn: '2026-07-01', anchorSeq: 6 }, 6, '2027-01-01')).toEqual([
      { seq: 6, startsOn: '2026-07-01', endsOn: '2026-12-31' },
      { seq: 7, startsOn: '2027-01-01', endsOn: '2027-06-30' },
    ]);
    expect(horizonOf('2026-01-05')).toBe('2027-01-05');
  });

  it('R-SUP-1: a period is named as a calendar quarter, half, year or month when it is one, otherwise by its dates', () => {
    expect(periodName({ startsOn: '2027-01-01', endsOn: '2027-03-31' })).toEqual({ kind: 'quarter', year: 2027, n: 1 });
    expect(periodLabel({ startsOn: '2027-01-01', endsOn: '2027-03-31' }, 'zh-CN')).toBe('2027年第一季度');
    expect(periodLabel({ startsOn: '2027-01-01', endsOn: '2027-03-31' }, 'en')).toBe('Q1 2027');
    expect(periodLabel({ startsOn: '2026-10-01', endsOn: '2026-12-31' }, 'zh-CN')).toBe('2026年第四季度');
    expect(periodLabel({ startsOn: '2026-07-01', endsOn: '2026-12-31' }, 'zh-CN')).toBe('2026年下半年');
    expect(periodLabel({ startsOn: '2026-07-01', endsOn: '2026-12-31' }, 'en')).toBe('H2 2026');
    expect(periodLabel({ startsOn: '2026-01-01', endsOn: '2026-12-31' }, 'en')).toBe('Year 2026');
    expect(periodLabel({ startsOn: '2026-02-01', endsOn: '2026-02-28' }, 'en')).toBe('Feb 2026');
    expect(periodLabel({ startsOn: '2026-02-01', endsOn: '2026-02-28' }, 'zh-CN')).toBe('2026年2月');
    // Three months not starting on a quarter (February–April) and a launch mid-month are named by their dates.
    expect(periodLabel({ startsOn: '2026-02-01', endsOn: '2026-04-30' }, 'en')).toBe('2026-02-01 – 2026-04-30');
    expect(periodLabel({ startsOn: '2026-01-15', endsOn: '2026-04-14' }, 'zh-CN')).toBe('2026-01-15 至 2026-04-14');
  });

  it('R-SUP-1: on time, late, missed, open, upcoming — a missed period stays missed until a report arrives', () => {
    const p = { startsOn: '2026-04-01', dueDate: '2026-07-14', state: 'planned', receivedOn: null };
    expect(periodStatus(p, '2026-03-31')).toBe('upcoming');
    expect(periodStatus(p, '2026-04-01')).toBe('open');
    expect(periodStatus(p, '2026-07-14')).toBe('open');
    expect(periodStatus(p, '2026-07-15')).toBe('missed');
    expect(periodStatus(p, '2027-07-15')).toBe('missed');
    expect(periodStatus({ ...p, receivedOn: '2026-07-14' }, '2026-08-01')).toBe('onTime');
    expect(periodStatus({ ...p, receivedOn: '2026-07-15' }, '2026-08-01')).toBe('late');
    expect(periodStatus({ ...p, state: 'superseded' }, '2026-08-01')).toBe('superseded');
    expect(periodStatus({ ...p, state: 'closed' }, '2026-05-01')).toBe('closed');
  });
});
