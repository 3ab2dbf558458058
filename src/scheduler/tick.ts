import { checkAuditDaily, type DailyCheck } from '../audit/daily-check.ts';
import { fixedClock } from '../clock.ts';
import type { PrismaClient } from '../db/client.ts';
import { loadCalendar } from '../deadlines/load-calendar.ts';
import { remindCalendarUpkeep } from '../deadlines/remind-calendar-upkeep.ts';
import { enqueueDailyDigests } from '../digests/enqueue-daily-digests.ts';
import type { Lang } from '../i18n/index.ts';
import { type DeliveryReport, deliverOutbox } from '../outbox/deliver-outbox.ts';
import { extendReportCalendars } from '../reports/extend-report-calendars.ts';
import type { RuntimeHooks } from '../runtime/types.ts';
import type { SlackCaller } from '../slack/web-api.ts';
import { type DeadlineReport, processDueDeadlines } from './process-deadlines.ts';

/** What one tick needs: the database and the Slack caller; languages and error reporting are optional. */
/** How often the bot's scheduler ticks unless told otherwise; `npm run tick` quotes it when it refuses. */
export const DEFAULT_TICK_MS = 30_000;

export interface TickDeps {
  prisma: PrismaClient;
  slack: SlackCaller;
  /** The areas' hooks for the changes the scheduler makes (src/wiring). */
  hooks: RuntimeHooks;
  langFor?(recipient: string): Promise<Lang>;
  onError?(error: unknown): void;
  /** PILOTDESK_ADMINS, told when Slack refuses a channel the scheduler posts to (admins with a role row are read). */
  admins?: readonly string[];
  /** How long claimed outbox rows and deadline steps stay this process's (PILOTDESK_CLAIM_LEASE_MS). */
  leaseMs?: number;
}

/** What one tick did. */
export interface TickReport {
  at: string;
  digests: number;
  /** The daily audit-chain check (issue 14): run on this tick, and with what outcome. */
  audit: DailyCheck;
  deadlines: DeadlineReport;
  outbox: DeliveryReport;
  /** Report periods planned ahead on this tick (R-SUP-1: a year of periods is always planned). */
  reportPeriods: number;
  /** Admins prompted to load next year's official calendar (issue 13; once a week from 1 November). */
  calendarUpkeep: number;
}

/**
 * One pass of the scheduler as of `now`: enqueue the day's digests, check the audit log once a day, process the
 * deadline steps that are due, then deliver the outbox. Stateless between calls (everything lives in the database),
 * so the server's interval, `npm run tick` and tests run the same code and any number of replicas can run it at once.
 */
export async function runTick(deps: TickDeps, now: Date): Promise<TickReport> {
  const clock = fixedClock(now);
  const calendar = await loadCalendar(deps.prisma);
  const digests = await enqueueDailyDigests(
    deps.prisma,
    clock,
    calendar,
    deps.langFor ? { langFor: deps.langFor } : {},
  );
  // The daily check must never stop the deadlines: a failure is reported and the next tick tries again.
  const audit = await checkAuditDaily(deps.prisma, clock, {
    ...(deps.admins ? { admins: deps.admins } : {}),
    ...(deps.langFor ? { langFor: deps.langFor } : {}),
  }).catch((error: unknown): DailyCheck => {
    deps.onError?.(error);
    return 'failed';
  });
  // Like the daily check, planning ahead and the upkeep prompt never stop the deadlines: failures are reported.
  const reportPeriods = await extendReportCalendars(deps.prisma, calendar, now).catch((error: unknown) => {
    deps.onError?.(error);
    return 0;
  });
  const calendarUpkeep = await remindCalendarUpkeep(
    {
      prisma: deps.prisma,
      ...(deps.admins ? { admins: deps.admins } : {}),
      ...(deps.langFor ? { langFor: deps.langFor } : {}),
    },
    calendar,
    now,
  ).catch((error: unknown) => {
    deps.onError?.(error);
    return 0;
  });
  const deadlines = await processDueDeadlines(
    {
      prisma: deps.prisma,
      calendar,
      hooks: deps.hooks,
      ...(deps.langFor ? { langFor: deps.langFor } : {}),
      ...(deps.onError ? { onError: deps.onError } : {}),
      ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}),
    },
    now,
  );
  const outbox = await deliverOutbox(deps.prisma, deps.slack, clock, {
    resolver: deps.hooks.resolver(deps.prisma, clock),
    ...(deps.admins ? { admins: deps.admins } : {}),
    ...(deps.langFor ? { langFor: deps.langFor } : {}),
    ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}),
  });
  return { at: now.toISOString(), digests, audit, deadlines, outbox, reportPeriods, calendarUpkeep };
}
