// Why a tiny line parser instead of a CSV library: the format has three fixed columns where only the last (the name)
// may contain a comma or quotes, and package.json is not ours to change. Splitting at the first two separators and
// taking the rest as the name handles every file admins produce (Excel/WPS CSV with BOM and CRLF, quoted cells,
// plain pasted lines) without the general quoting rules a full CSV parser exists for.
import { type IsoDate, isIsoDate, yearOf } from './dates.ts';
import type { CalendarError } from './messages.ts';
import { type OfficialSchedule, type ScheduleResult, validateSchedule } from './schedule.ts';

const HOLIDAY_WORDS = new Set(['holiday', 'off', '休', '假', '放假', '休息']);
const WORKDAY_WORDS = new Set(['workday', 'work', '班', '上班', '调休上班', '工作日']);
const SEPARATOR = /[,\t，]/;

function unquote(cell: string): string {
  const trimmed = cell.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/""/g, '"').trim();
  }
  return trimmed;
}

function splitLine(line: string): string[] {
  const cells: string[] = [];
  let rest = line;
  for (let i = 0; i < 2; i++) {
    const at = rest.search(SEPARATOR);
    if (at < 0) break;
    cells.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  cells.push(rest);
  return cells.map(unquote);
}

function isHeader(cells: string[]): boolean {
  return /^(date|日期)$/i.test(cells[0] ?? '');
}

/**
 * Parses an uploaded schedule (`2027-01-01,holiday,元旦` / `2027-02-07,workday,春节调休`, one day a line; blank
 * lines, `#` comments and a `date,kind,name` header are ignored) and validates it like any loaded schedule.
 */
export function parseScheduleFile(text: string, options: { year?: number; source?: string } = {}): ScheduleResult {
  const errors: CalendarError[] = [];
  const holidays: IsoDate[] = [];
  const adjustedWorkingDays: IsoDate[] = [];
  const names: Record<IsoDate, string> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    const lineNo = index + 1;
    if (line === '' || line.startsWith('#')) continue;
    const cells = splitLine(line);
    if (isHeader(cells)) continue;
    const [date = '', kind = '', name = ''] = cells;
    const kindWord = kind.toLowerCase();
    if (cells.length < 2) errors.push({ key: 'file.lineInvalid', params: { line: lineNo, content: line } });
    else if (!isIsoDate(date)) errors.push({ key: 'file.dateInvalid', params: { line: lineNo, value: date } });
    else if (HOLIDAY_WORDS.has(kindWord)) holidays.push(date);
    else if (WORKDAY_WORDS.has(kindWord)) adjustedWorkingDays.push(date);
    else errors.push({ key: 'file.kindInvalid', params: { line: lineNo, value: kind } });
    if (name !== '' && isIsoDate(date)) names[date] = name;
  }
  if (errors.length > 0) return { ok: false, errors };
  const years = [...new Set([...holidays, ...adjustedWorkingDays].map(yearOf))].sort();
  if (years.length === 0 && options.year === undefined)
    return { ok: false, errors: [{ key: 'file.empty', params: {} }] };
  if (options.year === undefined && years.length > 1) {
    return { ok: false, errors: [{ key: 'file.severalYears', params: { years: years.join(', ') } }] };
  }
  const schedule: OfficialSchedule = { year: options.year ?? years[0]!, holidays, adjustedWorkingDays, names };
  if (options.source !== undefined) schedule.source = options.source;
  return validateSchedule(schedule);
}
