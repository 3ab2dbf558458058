import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { eachDay } from '../../src/calendar/dates.ts';
import { createWorkingCalendar, PACKAGE_KNOWN_YEARS } from '../../src/calendar/index.ts';

// The package's own functions, only to cross-check our reading of its data (the module itself never calls them).
const chineseDays = createRequire(import.meta.url)('chinese-days') as {
  isWorkday(date: string): boolean;
  isHoliday(date: string): boolean;
};

const calendar = createWorkingCalendar();

describe('which years chinese-days truly knows', () => {
  it('knows 2026 but not 2027, computed from its data', () => {
    expect(PACKAGE_KNOWN_YEARS).toContain(2026);
    expect(PACKAGE_KNOWN_YEARS).not.toContain(2027);
    expect(calendar.isKnownYear(2026)).toBe(true);
    expect(calendar.isKnownYear(2027)).toBe(false);
  });

  it('is exactly the contiguous years 2004–2026 for chinese-days 1.5.7', () => {
    expect(PACKAGE_KNOWN_YEARS).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });

  it('exists because the package guesses unknown years: it calls 2027-01-01 (元旦) a working day', () => {
    expect(chineseDays.isWorkday('2027-01-01')).toBe(true);
    expect(calendar.isHoliday('2027-01-01')).toBe(false);
    expect(calendar.dayInfo('2027-01-01').known).toBe(false);
  });

  it('agrees with chinese-days on every day of every known year', () => {
    const first = `${PACKAGE_KNOWN_YEARS[0]}-01-01`;
    const last = `${PACKAGE_KNOWN_YEARS.at(-1)}-12-31`;
    const disagreements = eachDay(first, last).filter((d) => calendar.isWorkingDay(d) !== chineseDays.isWorkday(d));
    expect(disagreements).toEqual([]);
  });
});

describe('2026 official schedule as chinese-days holds it', () => {
  it('has the adjusted working days 2026-01-04, 02-14, 02-28, 05-09, 09-20, 10-10 and no others', () => {
    const adjusted = eachDay('2026-01-01', '2026-12-31').filter(
      (d) => calendar.dayInfo(d).kind === 'adjustedWorkingDay',
    );
    expect(adjusted).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    for (const d of adjusted) expect(calendar.isWorkingDay(d)).toBe(true);
  });

  it('has the Spring Festival off from 2026-02-15 to 02-23 (9 days)', () => {
    const off = eachDay('2026-02-10', '2026-02-28').filter((d) => calendar.isHoliday(d));
    expect(off).toEqual(eachDay('2026-02-15', '2026-02-23'));
    expect(calendar.dayInfo('2026-02-16').label).toEqual({ 'zh-CN': '春节', en: 'Spring Festival' });
  });

  it('has National Day off from 2026-10-01 to 10-07, and 10-08 (Thursday) is a working day', () => {
    const off = eachDay('2026-09-28', '2026-10-12').filter((d) => calendar.isHoliday(d));
    expect(off).toEqual(eachDay('2026-10-01', '2026-10-07'));
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
  });
});
