import { acknowledgeEscalation } from '../deadlines/acknowledge-escalation.ts';
import { explainProjectDeadlines } from '../deadlines/explain-project-deadlines.ts';
import { extendDeadline } from '../deadlines/extend-deadline.ts';
import { type CalendarYearLoaded, loadCalendarYear } from '../deadlines/load-calendar-year.ts';
import { reassignDeadline } from '../deadlines/reassign-deadline.ts';
import { snoozeReminder } from '../deadlines/snooze-reminder.ts';
import type { Lang } from '../i18n/index.ts';
import { listDeadMessages, retryDeadMessage } from '../outbox/admin-outbox.ts';
import type { SlackMessage } from '../slack/message.ts';
import { projectDeadlinesMessage } from '../views/deadlines/why-message.ts';
import { deadMessagesMessage } from '../views/outbox/dead-messages.ts';
import type { WiringContext } from './context.ts';

/** The deadline and outbox-admin use cases, as listeners call them. */
export interface DeadlinesWiring {
  deadlines: {
    extend(
      userId: string,
      deadlineId: string,
      newDueDate: string,
      reason: string,
    ): Promise<{ ref: string; to: string }>;
    reassign(userId: string, deadlineId: string, newUserId: string): Promise<void>;
    acknowledge(userId: string, deadlineId: string): Promise<void>;
    snooze(userId: string, deadlineId: string): Promise<void>;
    loadCalendar(userId: string, file: string, lang: Lang, source?: string): Promise<CalendarYearLoaded>;
    deadMessages(userId: string, lang: Lang): Promise<SlackMessage>;
    retryMessage(userId: string, outboxId: string): Promise<void>;
    /** `/pilot why`: every open deadline of a project explained. */
    why(projectRefOrId: string, lang: Lang): Promise<SlackMessage>;
  };
}

/**
 * Binds the deadline use cases; what they enqueued is sent at once instead of at the next tick. What a listener shows
 * (`/pilot why`, the dead messages) the use cases return as data and the views render here.
 */
export function deadlinesWiring(ctx: WiringContext): DeadlinesWiring {
  const { prisma, clock, actorOf } = ctx;
  const base = { prisma, clock };
  const done = <T>(value: T): T => {
    void ctx.flushOutbox();
    return value;
  };
  return {
    deadlines: {
      extend: async (userId, deadlineId, newDueDate, reason) =>
        done(await extendDeadline(base, { deadlineId, newDueDate, reason, actor: await actorOf(userId) })),
      reassign: async (userId, deadlineId, newUserId) => {
        done(await reassignDeadline(base, { deadlineId, userId: newUserId, actor: await actorOf(userId) }));
      },
      acknowledge: async (userId, deadlineId) => {
        await acknowledgeEscalation(base, { deadlineId, actor: await actorOf(userId) });
      },
      snooze: async (userId, deadlineId) => {
        await snoozeReminder(base, { deadlineId, actor: await actorOf(userId) });
      },
      loadCalendar: async (userId, file, lang, source) =>
        done(await loadCalendarYear(base, { file, ...(source ? { source } : {}), actor: await actorOf(userId), lang })),
      deadMessages: async (userId, lang) =>
        deadMessagesMessage(await listDeadMessages(prisma, await actorOf(userId)), lang),
      retryMessage: async (userId, outboxId) => {
        done(await retryDeadMessage(prisma, clock, { outboxId, actor: await actorOf(userId) }));
      },
      why: async (ref, lang) => projectDeadlinesMessage(await explainProjectDeadlines(prisma, ref, lang), lang),
    },
  };
}
