import type { WorkingCalendar } from '../calendar/index.ts';
import { shanghaiDate } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import { storedSpec } from '../deadlines/replan.ts';
import { deadlineByKey } from '../deadlines/repository.ts';
import { restoreSnapshot } from '../runtime/machines.ts';
import { DEFAULT_INTERVAL_MONTHS } from './keep-report-calendar.ts';
import { cancelPeriodDeadline, planPeriodRows, schedulePeriodDeadline } from './period-rows.ts';
import { horizonOf, periodsOf as plannedDates } from './periods.ts';
import { calendarsOf, type PrismaClient, periodsToSchedule, piloting, savePlan } from './repository.ts';

/** The single chained deadline row of the old schedule (before decision 023), replaced by the report calendar. */
const LEGACY_KEY = 'periodicReport';

/**
 * The scheduler's pass over the report calendars (R-SUP-1): every piloting project keeps a year of periods ahead, so
 * a missed report never stops the schedule. A project launched before the calendar existed gets one from its launch
 * date, starting at the period its old chained deadline was waiting for (the earlier ones were received); that old
 * row is cancelled. Each project's new periods are written in one transaction with their audit row; then every period
 * that has begun gets its deadline row. Returns how many periods were planned.
 */
export async function extendReportCalendars(
  prisma: PrismaClient,
  calendar: WorkingCalendar,
  now: Date,
): Promise<number> {
  const today = shanghaiDate(now);
  const horizon = horizonOf(today);
  let planned = 0;
  const projects = await piloting(prisma);
  const calendars = await calendarsOf(
    prisma,
    projects.map((p) => p.id),
  );
  for (const project of projects) {
    const known = calendars.get(project.id);
    const plan = known?.plan ?? null;
    const nextSeq = (known?.maxSeq ?? 0) + 1;
    const launchDate = plan ? null : launchDateOf(project);
    if (!plan && !launchDate) continue;
    const shape = plan ?? { intervalMonths: DEFAULT_INTERVAL_MONTHS, anchorOn: launchDate!, anchorSeq: 1 };
    // Cheap test first: most ticks find every calendar already planned through the horizon.
    if (plan && plannedDates(shape, nextSeq, horizon).length === 0) continue;
    planned += await prisma.$transaction(async (tx) => {
      let fromSeq = nextSeq;
      if (!plan) {
        const legacy = await deadlineByKey(tx, project.id, LEGACY_KEY);
        fromSeq = legacy ? (storedSpec(legacy).occurrence ?? 1) : 1;
        await cancelPeriodDeadline(tx, project.id, LEGACY_KEY, now);
        await savePlan(tx, project.id, shape, null);
      }
      const periods = await planPeriodRows(tx, project, shape, fromSeq, today, { calendar, now });
      await recordAudit(tx, {
        projectId: project.id,
        actorKind: 'scheduler',
        actorId: null,
        eventType: 'reports.planned',
        payload: {
          rule: 'R-SUP-1',
          intervalMonths: shape.intervalMonths,
          periods,
          ...(plan ? {} : { from: 'legacy' }),
        },
        recordedAt: now,
      });
      return periods.length;
    });
  }
  // Then each period that has begun gets its deadline row, with its reminders and escalation.
  for (const period of await periodsToSchedule(prisma, today))
    await prisma.$transaction((tx) =>
      schedulePeriodDeadline(tx, { id: period.projectId, ownerId: period.ownerId }, period, { calendar, now }),
    );
  return planned;
}

function launchDateOf(project: { machine: string; machineVersion: number; snapshot: unknown }): string | null {
  const context = restoreSnapshot(project.machine, project.machineVersion, project.snapshot).context as {
    launchDate?: string | null;
  };
  return context.launchDate ?? null;
}
