import type { Actor } from '../machines/shared/actor.ts';
import type { Clock } from './clock.ts';
import type { PrismaClient } from './db/client.ts';
import { acknowledgeEscalation } from './deadlines/acknowledge-escalation.ts';
import { extendDeadline } from './deadlines/extend-deadline.ts';
import { type CalendarYearLoaded, loadCalendarYear } from './deadlines/load-calendar-year.ts';
import { reassignDeadline } from './deadlines/reassign-deadline.ts';
import { snoozeReminder } from './deadlines/snooze-reminder.ts';
import type { Lang } from './i18n/index.ts';
import { deadMessagesMessage, listDeadMessages, retryDeadMessage } from './outbox/admin-outbox.ts';

/** The deadline and admin use cases listeners call, with the acting person's roles resolved. */
export interface DeadlineServices {
  extend(userId: string, deadlineId: string, newDueDate: string, reason: string): Promise<{ ref: string; to: string }>;
  reassign(userId: string, deadlineId: string, newUserId: string): Promise<void>;
  acknowledge(userId: string, deadlineId: string): Promise<void>;
  snooze(userId: string, deadlineId: string): Promise<void>;
  loadCalendar(userId: string, file: string, lang: Lang, source?: string): Promise<CalendarYearLoaded>;
  deadMessages(userId: string, lang: Lang): Promise<{ text: string; blocks: unknown[] }>;
  retryMessage(userId: string, outboxId: string): Promise<void>;
}

/** Binds the deadline use cases; `afterChange` sends what they enqueued without waiting for the next tick. */
export function createDeadlineServices(deps: {
  prisma: PrismaClient;
  clock: Clock;
  actorOf(userId: string): Promise<Actor>;
  afterChange(): void;
}): DeadlineServices {
  const base = { prisma: deps.prisma, clock: deps.clock };
  const done = <T>(value: T): T => {
    deps.afterChange();
    return value;
  };
  return {
    extend: async (userId, deadlineId, newDueDate, reason) =>
      done(await extendDeadline(base, { deadlineId, newDueDate, reason, actor: await deps.actorOf(userId) })),
    reassign: async (userId, deadlineId, newUserId) => {
      done(await reassignDeadline(base, { deadlineId, userId: newUserId, actor: await deps.actorOf(userId) }));
    },
    acknowledge: async (userId, deadlineId) => {
      await acknowledgeEscalation(base, { deadlineId, actor: await deps.actorOf(userId) });
    },
    snooze: async (userId, deadlineId) => {
      await snoozeReminder(base, { deadlineId, actor: await deps.actorOf(userId) });
    },
    loadCalendar: async (userId, file, lang, source) =>
      done(
        await loadCalendarYear(base, { file, ...(source ? { source } : {}), actor: await deps.actorOf(userId), lang }),
      ),
    deadMessages: async (userId, lang) =>
      deadMessagesMessage(await listDeadMessages(deps.prisma, await deps.actorOf(userId)), lang),
    retryMessage: async (userId, outboxId) => {
      done(await retryDeadMessage(deps.prisma, deps.clock, { outboxId, actor: await deps.actorOf(userId) }));
    },
  };
}
