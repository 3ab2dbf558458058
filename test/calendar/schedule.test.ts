import { describe, expect, it } from 'vitest';
import {
  type CalendarError,
  calendarMessages,
  formatCalendarError,
  parseScheduleFile,
  validateSchedule,
} from '../../src/calendar/index.ts';
import { schedule2027 } from './fixtures.ts';

function errorsOf(input: unknown): CalendarError[] {
  const result = validateSchedule(input);
  if (result.ok) throw new Error('expected the schedule to be rejected');
  return result.errors;
}

describe('validateSchedule', () => {
  it('accepts a well-formed 2027 schedule and sorts its dates', () => {
    const result = validateSchedule(schedule2027);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.schedule.adjustedWorkingDays).toEqual(['2027-01-31', '2027-02-20']);
  });

  it('rejects a date outside the schedule year, in zh-CN and en', () => {
    const [error, ...rest] = errorsOf({ ...schedule2027, holidays: ['2026-12-31', '2027-01-01'] });
    expect(rest).toEqual([]);
    expect(error).toEqual({
      key: 'schedule.dateOutsideYear',
      params: { field: 'holidays', date: '2026-12-31', year: 2027 },
    });
    expect(formatCalendarError(error!, 'zh-CN')).toBe('放假日中的 2026-12-31 不在 2027 年内');
    expect(formatCalendarError(error!, 'en')).toBe('2026-12-31 in holidays is not in 2027');
  });

  it('rejects an adjusted working day that is not a Saturday or Sunday', () => {
    const errors = errorsOf({ ...schedule2027, adjustedWorkingDays: ['2027-02-08'] });
    expect(errors).toContainEqual({ key: 'schedule.adjustedNotWeekend', params: { date: '2027-02-08', weekday: 1 } });
    const adjusted = errors.find((e) => e.key === 'schedule.adjustedNotWeekend')!;
    expect(formatCalendarError(adjusted, 'zh-CN')).toBe('2027-02-08 是周一，调休上班日只能是周六或周日');
    expect(formatCalendarError(adjusted, 'en')).toContain('is a Monday; an adjusted working day can only be');
  });

  it('rejects a day that is both a holiday and an adjusted working day', () => {
    const errors = errorsOf({ ...schedule2027, adjustedWorkingDays: ['2027-01-02'] });
    expect(errors).toEqual([{ key: 'schedule.dayInBothLists', params: { date: '2027-01-02' } }]);
    expect(formatCalendarError(errors[0]!, 'zh-CN')).toBe('2027-01-02 不能同时是放假日和调休上班日');
  });

  it('rejects impossible dates, duplicates and an empty holiday list, reporting all problems at once', () => {
    const errors = errorsOf({
      year: 2027,
      holidays: [],
      adjustedWorkingDays: ['2027-02-30', '2027-02-20', '2027-02-20'],
    });
    expect(errors.map((e) => e.key).sort()).toEqual([
      'schedule.dateInvalid',
      'schedule.duplicateDate',
      'schedule.noHolidays',
    ]);
    const invalid = errors.find((e) => e.key === 'schedule.dateInvalid')!;
    expect(formatCalendarError(invalid, 'zh-CN')).toBe(
      '调休上班日中的 2027-02-30 不是有效日期，应写作 YYYY-MM-DD（如 2027-01-01）',
    );
  });

  it('rejects a bad year and missing fields without leaking zod English', () => {
    expect(errorsOf({ ...schedule2027, year: 27 })).toEqual([{ key: 'schedule.yearInvalid', params: { value: '27' } }]);
    const missing = errorsOf({ year: 2027, holidays: ['2027-01-01'] });
    expect(missing).toEqual([{ key: 'schedule.fieldInvalid', params: { field: 'adjustedWorkingDays' } }]);
    expect(formatCalendarError(missing[0]!, 'zh-CN')).toBe('日程数据的字段 调休上班日 缺失或格式不正确');
    expect(errorsOf(null)[0]?.key).toBe('schedule.fieldInvalid');
  });

  it('has the same message keys and the same placeholders in zh-CN and en', () => {
    expect(Object.keys(calendarMessages['zh-CN']).sort()).toEqual(Object.keys(calendarMessages.en).sort());
    const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, zh] of Object.entries(calendarMessages['zh-CN'])) {
      expect(placeholders(zh), key).toEqual(placeholders(calendarMessages.en[key as keyof typeof calendarMessages.en]));
    }
  });
});

describe('parseScheduleFile', () => {
  it('parses plain lines like 2027-01-01,holiday,元旦 / 2027-02-20,workday,春节调休', () => {
    const text = '2027-01-01,holiday,元旦\n2027-01-02,holiday,元旦\n2027-02-20,workday,春节调休\n';
    const result = parseScheduleFile(text, { source: '国办发明电〔2026〕X号' });
    expect(result).toEqual({
      ok: true,
      schedule: {
        year: 2027,
        holidays: ['2027-01-01', '2027-01-02'],
        adjustedWorkingDays: ['2027-02-20'],
        source: '国办发明电〔2026〕X号',
        names: { '2027-01-01': '元旦', '2027-01-02': '元旦', '2027-02-20': '春节调休' },
      },
    });
  });

  it('reads a spreadsheet CSV: BOM, CRLF, header, comments, quoted names with commas, Chinese kinds', () => {
    const text =
      '\uFEFFdate,kind,name\r\n# 2027 安排\r\n\r\n"2027-01-01","holiday","元旦, New Year"\r\n2027-01-31，班，春节调休\r\n2027-02-06\t休\t春节';
    const result = parseScheduleFile(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.schedule.holidays).toEqual(['2027-01-01', '2027-02-06']);
    expect(result.schedule.adjustedWorkingDays).toEqual(['2027-01-31']);
    expect(result.schedule.names?.['2027-01-01']).toBe('元旦, New Year');
  });

  it('reports malformed lines with their line numbers', () => {
    const result = parseScheduleFile('2027-01-01,holiday,元旦\n2027-13-01,holiday\nnonsense\n2027-02-20,maybe,x');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { key: 'file.dateInvalid', params: { line: 2, value: '2027-13-01' } },
      { key: 'file.lineInvalid', params: { line: 3, content: 'nonsense' } },
      { key: 'file.kindInvalid', params: { line: 4, value: 'maybe' } },
    ]);
    expect(formatCalendarError(result.errors[2]!, 'zh-CN')).toBe(
      '第 4 行的类型 maybe 无法识别，应为 holiday（放假）或 workday（调休上班）',
    );
  });

  it('refuses a file spanning several years, or with no dates', () => {
    const several = parseScheduleFile('2026-12-31,holiday\n2027-01-01,holiday');
    expect(several).toEqual({ ok: false, errors: [{ key: 'file.severalYears', params: { years: '2026, 2027' } }] });
    expect(parseScheduleFile('# nothing\n')).toEqual({ ok: false, errors: [{ key: 'file.empty', params: {} }] });
  });

  it('validates the parsed days like any schedule (a weekday workday is rejected)', () => {
    const result = parseScheduleFile('2027-01-01,holiday,元旦\n2027-01-04,workday,调休', { year: 2027 });
    expect(result).toEqual({
      ok: false,
      errors: [{ key: 'schedule.adjustedNotWeekend', params: { date: '2027-01-04', weekday: 1 } }],
    });
  });
});
