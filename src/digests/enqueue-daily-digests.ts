import { QUIET_HOURS, STEP_HOUR, shanghaiWallClock, type WorkingCalendar } from '../calendar/index.ts';
import type { Clock } from '../clock.ts';
import type { Lang } from '../i18n/index.ts';
import { enqueueMessages } from '../outbox/enqueue-messages.ts';
import { renderedMessage } from '../outbox/rendered.ts';
import { buildDigest } from './build-digest.ts';
import { readFilters } from './filters.ts';
import { type PrismaClient, subscriptions, writtenKeys } from './repository.ts';

/** The idempotency key of a channel's digest for a Shanghai day: one per channel per working day. */
export function digestKey(channelId: string, date: string): string {
  return `digest:${channelId}:${date}`;
}

/**
 * On a working day from 09:00 Shanghai, enqueues one digest per subscribed channel. The key digest:<channel>:<day>
 * is unique, so replicas and restarts racing here write it once. After 20:00 a missed day's digest is not sent: it
 * would land in the next morning beside that day's own.
 */
export async function enqueueDailyDigests(
  prisma: PrismaClient,
  clock: Clock,
  calendar: WorkingCalendar,
  options: { langFor?(channelId: string): Promise<Lang> } = {},
): Promise<number> {
  const now = clock.now();
  const local = shanghaiWallClock(now);
  if (!calendar.isWorkingDay(local.date) || local.hour < STEP_HOUR || local.hour >= QUIET_HOURS.from) return 0;
  const subs = await subscriptions(prisma);
  if (subs.length === 0) return 0;
  const existing = await writtenKeys(
    prisma,
    subs.map((s) => digestKey(s.channelId, local.date)),
  );
  let enqueued = 0;
  for (const sub of subs) {
    const key = digestKey(sub.channelId, local.date);
    if (existing.has(key)) continue;
    const lang = (await options.langFor?.(sub.channelId)) ?? 'zh-CN';
    const digest = await buildDigest(prisma, now, readFilters(sub.filters));
    await prisma.$transaction((tx) =>
      enqueueMessages(tx, [{ key, ...renderedMessage(sub.channelId, 'digest.daily', digest, lang), notBefore: now }]),
    );
    enqueued++;
  }
  return enqueued;
}
