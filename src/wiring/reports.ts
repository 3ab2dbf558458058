import { changeReportInterval, type IntervalChanged } from '../reports/change-report-interval.ts';
import { listReports, type ReportCalendarView } from '../reports/list-reports.ts';
import { type ReportReviewed, reviewReport } from '../reports/review-report.ts';
import type { WiringContext } from './context.ts';

export type { IntervalChanged, ReportCalendarView, ReportReviewed };

/** The report calendar's use cases (R-SUP-1), as listeners call them. */
export interface ReportsWiring {
  reports: {
    list(ref: string): Promise<ReportCalendarView>;
    changeInterval(userId: string, ref: string, months: number): Promise<IntervalChanged>;
    review(
      userId: string,
      command: { ref: string; which: string; status: 'accepted' | 'followUp'; note: string | null },
    ): Promise<ReportReviewed>;
  };
}

/** Binds the report calendar's use cases; the card refreshes they enqueue are sent at once. */
export function reportsWiring(ctx: WiringContext): ReportsWiring {
  const deps = { prisma: ctx.prisma, clock: ctx.clock, afterCommit: ctx.afterCommit };
  return {
    reports: {
      list: (ref) => listReports(deps, ref),
      changeInterval: async (userId, ref, months) =>
        changeReportInterval(deps, await ctx.actorOf(userId), { ref, months }),
      review: async (userId, command) => reviewReport(deps, await ctx.actorOf(userId), command),
    },
  };
}
