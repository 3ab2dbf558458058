import { z } from 'zod';
import { type IsoDate, isIsoDate, weekdayOf, yearOf } from './dates.ts';
import type { CalendarError, CalendarMessageKey } from './messages.ts';

/** A year's official schedule as the State Council publishes it, loaded by an admin. */
export interface OfficialSchedule {
  year: number;
  /** Statutory days off (放假), including the weekend days inside a holiday block. */
  holidays: IsoDate[];
  /** Saturdays/Sundays declared working days (调休上班). */
  adjustedWorkingDays: IsoDate[];
  /** Where it came from, e.g. "国办发明电〔2026〕X号"; shown in explanations. */
  source?: string;
  /** Optional names per date (e.g. 元旦, 春节调休), used in explanations. */
  names?: Record<IsoDate, string>;
}

/** Outcome of validating or parsing a schedule: the clean schedule, or every problem found, as message keys. */
export type ScheduleResult = { ok: true; schedule: OfficialSchedule } | { ok: false; errors: CalendarError[] };

type ListField = 'holidays' | 'adjustedWorkingDays';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

// The custom issues carry our message key and params, so zod's own English text never reaches a user.
function issue(
  ctx: z.RefinementCtx,
  path: (string | number)[],
  key: CalendarMessageKey,
  params: CalendarError['params'],
) {
  ctx.addIssue({ code: 'custom', path, message: key, params: { key, values: params } });
}

const scheduleSchema = z
  .object({
    year: z.number().int().min(MIN_YEAR).max(MAX_YEAR),
    holidays: z.array(z.string()),
    adjustedWorkingDays: z.array(z.string()),
    source: z.string().optional(),
    names: z.record(z.string(), z.string()).optional(),
  })
  .superRefine((value, ctx) => {
    const seen: Record<ListField, Set<string>> = { holidays: new Set(), adjustedWorkingDays: new Set() };
    // zod 4 still runs refinements after a non-fatal year error; one bad year should not flag every date.
    const yearValid = Number.isInteger(value.year) && value.year >= MIN_YEAR && value.year <= MAX_YEAR;
    for (const field of ['holidays', 'adjustedWorkingDays'] as const) {
      for (const [index, date] of value[field].entries()) {
        const path = [field, index];
        if (!isIsoDate(date)) issue(ctx, path, 'schedule.dateInvalid', { field, value: date });
        else if (yearValid && yearOf(date) !== value.year) {
          issue(ctx, path, 'schedule.dateOutsideYear', { field, date, year: value.year });
        } else if (seen[field].has(date)) issue(ctx, path, 'schedule.duplicateDate', { field, date });
        else {
          seen[field].add(date);
          const weekday = weekdayOf(date);
          if (field === 'adjustedWorkingDays' && weekday !== 0 && weekday !== 6) {
            issue(ctx, path, 'schedule.adjustedNotWeekend', { date, weekday });
          }
        }
      }
    }
    for (const date of seen.adjustedWorkingDays) {
      if (seen.holidays.has(date)) issue(ctx, ['adjustedWorkingDays'], 'schedule.dayInBothLists', { date });
    }
    if (yearValid && value.holidays.length === 0) issue(ctx, ['holidays'], 'schedule.noHolidays', { year: value.year });
  });

function toCalendarError(zodIssue: z.core.$ZodIssue, input: unknown): CalendarError {
  if (zodIssue.code === 'custom' && zodIssue.params) {
    const { key, values } = zodIssue.params as { key: CalendarMessageKey; values: CalendarError['params'] };
    return { key, params: values };
  }
  if (zodIssue.path[0] === 'year') {
    const year = (input as { year?: unknown } | null)?.year;
    return { key: 'schedule.yearInvalid', params: { value: String(year) } };
  }
  return { key: 'schedule.fieldInvalid', params: { field: zodIssue.path.map(String).join('.') || '(root)' } };
}

/** Validates a schedule an admin loads; returns all problems at once so they can be fixed in one go. */
export function validateSchedule(input: unknown): ScheduleResult {
  const parsed = scheduleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => toCalendarError(i, input)) };
  const { year, holidays, adjustedWorkingDays, source, names } = parsed.data;
  const schedule: OfficialSchedule = {
    year,
    holidays: [...holidays].sort(),
    adjustedWorkingDays: [...adjustedWorkingDays].sort(),
  };
  if (source !== undefined) schedule.source = source;
  if (names !== undefined) schedule.names = names;
  return { ok: true, schedule };
}
