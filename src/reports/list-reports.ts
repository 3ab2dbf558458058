import type { WorkingCalendar } from '../calendar/index.ts';
import { type Clock, shanghaiDate } from '../clock.ts';
import { loadCalendar } from '../deadlines/load-calendar.ts';
import { NotFoundError } from '../errors.ts';
import { dueOf } from './period-rows.ts';
import { type PeriodStatus, periodStatus } from './periods.ts';
import {
  adHocReportsOf,
  type PeriodRow,
  type PrismaClient,
  periodsOf,
  projectForReports,
  reportPlan,
} from './repository.ts';

/** One period as people see it: its number among the periods still asked for, dates, status and review. */
export interface PeriodView {
  /** 1, 2, … among the periods not replanned away; null for a superseded one. */
  n: number | null;
  seq: number;
  startsOn: string;
  endsOn: string;
  dueDate: string;
  status: PeriodStatus;
  receivedOn: string | null;
  reviewStatus: string | null;
  reviewNote: string | null;
  /** Years counted without the official schedule (the due date carries ※). */
  unknownYears: number[];
}

/** An ad-hoc report as listed: A1, A2 … in the order received. */
export interface AdHocView {
  id: string;
  receivedOn: string;
  summary: string;
  reviewStatus: string | null;
  reviewNote: string | null;
}

/** A project's report calendar, for `/pilot reports <ref>`. */
export interface ReportCalendarView {
  projectId: string;
  ref: string;
  title: string;
  intervalMonths: number | null;
  periods: PeriodView[];
  adHoc: AdHocView[];
}

/** Numbers the periods and works out each one's status as of `today`. */
export function periodViews(rows: readonly PeriodRow[], today: string, calendar: WorkingCalendar): PeriodView[] {
  let n = 0;
  return rows.map((row) => {
    const p = { ...row, ...dueOf(row, calendar) };
    const status = periodStatus({ ...p, receivedOn: p.report?.receivedOn ?? null }, today);
    return {
      n: status === 'superseded' ? null : ++n,
      seq: p.seq,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      dueDate: p.dueDate,
      status,
      receivedOn: p.report?.receivedOn ?? null,
      reviewStatus: p.report?.reviewStatus ?? null,
      reviewNote: p.report?.reviewNote ?? null,
      unknownYears: p.unknownYears,
    };
  });
}

/** `/pilot reports <ref>`: every period with its status, received date and review, then the ad-hoc reports. */
export async function listReports(
  deps: { prisma: PrismaClient; clock: Clock },
  ref: string,
): Promise<ReportCalendarView> {
  const project = await projectForReports(deps.prisma, ref);
  if (!project) throw new NotFoundError('error.projectNotFound', { ref });
  const [plan, rows, adHoc, calendar] = await Promise.all([
    reportPlan(deps.prisma, project.id),
    periodsOf(deps.prisma, project.id),
    adHocReportsOf(deps.prisma, project.id),
    loadCalendar(deps.prisma),
  ]);
  return {
    projectId: project.id,
    ref: project.ref,
    title: project.title,
    intervalMonths: plan?.intervalMonths ?? null,
    periods: periodViews(rows, shanghaiDate(deps.clock.now()), calendar),
    adHoc: adHoc.map((r, i) => ({
      id: `A${i + 1}`,
      receivedOn: r.receivedOn,
      summary: r.summary,
      reviewStatus: r.reviewStatus,
      reviewNote: r.reviewNote,
    })),
  };
}
