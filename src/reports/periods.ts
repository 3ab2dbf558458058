import { addDays, addMonthsClamped } from '../calendar/index.ts';

/** How far ahead the report calendar is planned: every period that begins within a year of today (R-SUP-1). */
export const PLAN_HORIZON_MONTHS = 12;
/** The interval an admin or staff member may set, in months (1 = monthly … 12 = yearly). */
export const INTERVAL_MONTHS = { min: 1, max: 12 } as const;

/** A project's report schedule: periods of `intervalMonths` from `anchorOn`, the anchor being period `anchorSeq`. */
export interface PlanShape {
  intervalMonths: number;
  anchorOn: string;
  anchorSeq: number;
}

/** One reporting period's dates: it runs from startsOn to endsOn, both days included. */
export interface PeriodDates {
  seq: number;
  startsOn: string;
  endsOn: string;
}

/**
 * The periods of a plan from period `fromSeq` on, for every period that begins on or before `through`. Each period is
 * counted from the anchor (start = anchor + k·interval months, Civil Code art. 202 for missing days), not from the
 * previous period, so 31 January stays the 31st (or the month's last day) instead of drifting.
 */
export function periodsOf(plan: PlanShape, fromSeq: number, through: string): PeriodDates[] {
  const out: PeriodDates[] = [];
  const startOf = (seq: number) => addMonthsClamped(plan.anchorOn, (seq - plan.anchorSeq) * plan.intervalMonths);
  for (let seq = Math.max(fromSeq, plan.anchorSeq); ; seq++) {
    const startsOn = startOf(seq);
    if (startsOn > through) return out;
    out.push({ seq, startsOn, endsOn: addDays(startOf(seq + 1), -1) });
  }
}

/** The last day the calendar is planned through, as of `today`. */
export function horizonOf(today: string): string {
  return addMonthsClamped(today, PLAN_HORIZON_MONTHS);
}

/** How a period is named: a calendar quarter, half, year or month when it is one, otherwise by its dates. */
export type PeriodName =
  | { kind: 'quarter'; year: number; n: number }
  | { kind: 'half'; year: number; n: number }
  | { kind: 'year'; year: number }
  | { kind: 'month'; year: number; n: number }
  | { kind: 'dates'; startsOn: string; endsOn: string };

/** Names a period: "2027年第一季度" when it is exactly Q1 2027, else its dates (launches rarely fall on the 1st). */
export function periodName(p: { startsOn: string; endsOn: string }): PeriodName {
  const [y, m, d] = p.startsOn.split('-').map(Number) as [number, number, number];
  const months = monthsSpanned(p);
  if (d === 1 && months !== null) {
    if (months === 3 && (m - 1) % 3 === 0) return { kind: 'quarter', year: y, n: (m + 2) / 3 };
    if (months === 6 && (m === 1 || m === 7)) return { kind: 'half', year: y, n: m === 1 ? 1 : 2 };
    if (months === 12 && m === 1) return { kind: 'year', year: y };
    if (months === 1) return { kind: 'month', year: y, n: m };
  }
  return { kind: 'dates', startsOn: p.startsOn, endsOn: p.endsOn };
}

// Whole calendar months from the 1st to the day before a 1st, else null.
function monthsSpanned(p: { startsOn: string; endsOn: string }): number | null {
  const next = addDays(p.endsOn, 1);
  if (!next.endsWith('-01')) return null;
  const [y1, m1] = p.startsOn.split('-').map(Number) as [number, number];
  const [y2, m2] = next.split('-').map(Number) as [number, number];
  return (y2 - y1) * 12 + (m2 - m1);
}

/** Where a period stands for people: received on time or late, missed, open (due not passed), upcoming, or neither. */
export type PeriodStatus = 'onTime' | 'late' | 'missed' | 'open' | 'upcoming' | 'superseded' | 'closed';

/**
 * A period's status as of `today`: a report received by the due date is on time, after it late; without one, a
 * period whose due date has passed is missed (and stays so, visibly), one that has begun is open, a later one upcoming.
 */
export function periodStatus(
  p: { startsOn: string; dueDate: string; state: string; receivedOn: string | null },
  today: string,
): PeriodStatus {
  if (p.receivedOn !== null) return p.receivedOn <= p.dueDate ? 'onTime' : 'late';
  if (p.state === 'superseded' || p.state === 'closed') return p.state;
  if (p.dueDate < today) return 'missed';
  return p.startsOn <= today ? 'open' : 'upcoming';
}
