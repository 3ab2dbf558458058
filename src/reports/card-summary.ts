import { loadCalendar } from '../deadlines/load-calendar.ts';
import { dueOf } from './period-rows.ts';
import { type Db, periodsOf } from './repository.ts';

/** A period as the project card names it. */
export interface CardPeriod {
  startsOn: string;
  endsOn: string;
  dueDate: string;
  status: 'open' | 'missed' | 'late';
  /** Years its due date was counted in without the official schedule (shown with ※). */
  unknownYears: number[];
}

/** What the card says about the report calendar: the next period due, and any missing or late ones. */
export interface ReportsCardSummary {
  next: CardPeriod | null;
  overdue: CardPeriod[];
}

/** How many late or missing periods the card lists; `/pilot reports` lists them all. */
const CARD_OVERDUE = 4;

/**
 * The card's report lines, from the period rows (due dates on today's calendar) and their running deadline rows
 * (which the scheduler marks missed at the due instant, so the card needs no clock): the next open period, then the missing ones and those received late.
 */
export async function reportsCardSummary(
  db: Db,
  projectId: string,
  running: ReadonlyArray<{ key: string; status: string }>,
): Promise<ReportsCardSummary | null> {
  const stored = await periodsOf(db, projectId);
  if (stored.length === 0) return null;
  const calendar = await loadCalendar(db);
  const rows = stored.map((p) => ({ ...p, ...dueOf(p, calendar) }));
  const byKey = new Map(running.map((d) => [d.key, d]));
  const asCard = (p: (typeof rows)[number], status: CardPeriod['status']): CardPeriod => ({
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    dueDate: p.dueDate,
    status,
    unknownYears: p.unknownYears,
  });
  const waiting = rows.filter((p) => p.state === 'planned' && p.report === null);
  // Not yet begun, a period has no deadline row: it is the next one unless an earlier one is still open.
  const next = waiting.find((p) => !p.scheduled || byKey.get(p.deadlineKey)?.status === 'open');
  const missed = waiting.filter((p) => byKey.get(p.deadlineKey)?.status === 'missed').map((p) => asCard(p, 'missed'));
  const late = rows.filter((p) => p.report && p.report.receivedOn > p.dueDate).map((p) => asCard(p, 'late'));
  return { next: next ? asCard(next, 'open') : null, overdue: [...missed, ...late].slice(0, CARD_OVERDUE) };
}
