import { createWorkingCalendar, type WorkingCalendar } from '../calendar/index.ts';
import type { PrismaClient } from '../db/client.ts';

/** The working-day calendar: the package's official data plus every year an admin loaded (those win). */
export async function loadCalendar(db: Pick<PrismaClient, 'calendarYear'>): Promise<WorkingCalendar> {
  const years = await db.calendarYear.findMany({ orderBy: { year: 'asc' } });
  return createWorkingCalendar(
    years.map((y) => ({
      year: y.year,
      holidays: y.holidays,
      adjustedWorkingDays: y.adjustedWorkingDays,
      source: y.source,
    })),
  );
}
