import { createWorkingCalendar, type WorkingCalendar } from '../calendar/index.ts';
import { calendarYears, type Db } from './repository.ts';

/** The working-day calendar: the package's official data plus every year an admin loaded (those win). */
export async function loadCalendar(db: Db): Promise<WorkingCalendar> {
  const years = await calendarYears(db);
  return createWorkingCalendar(
    years.map((y) => ({
      year: y.year,
      holidays: y.holidays,
      adjustedWorkingDays: y.adjustedWorkingDays,
      source: y.source,
    })),
  );
}
