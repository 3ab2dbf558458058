import { addDays, nextDeliveryInstant, shanghaiWallClock, type WorkingCalendar } from '../calendar/index.ts';
import type { Lang } from '../i18n/index.ts';
import { enqueueMessages, type OutboxItem } from '../outbox/enqueue-messages.ts';
import { renderedMessage } from '../outbox/rendered.ts';
import { adminIds } from '../roles/admin-ids.ts';
import type { PrismaClient } from './repository.ts';

declare module '../outbox/rendered.ts' {
  /** The calendar upkeep prompt, kept as data in the outbox and rendered when sent (decision 020). */
  interface MessageData {
    'calendar.upkeep': { year: number };
  }
}

/** From this month on, next year's official schedule is asked for (the State Council publishes it in late autumn). */
export const UPKEEP_FROM_MONTH = 11;
const PROMPT_HOUR = 9;

/**
 * Calendar upkeep (issue 13): from 1 November, while next year's official schedule is not known (neither in the
 * calendar package nor loaded with `/pilot calendar`), every admin gets a DM on the first working day of each week at
 * or after 09:00, through the outbox. The key names the year, the week's Monday and the admin, so it is sent once a
 * week however often the scheduler ticks. Returns how many prompts were enqueued (0 when none was due).
 */
export async function remindCalendarUpkeep(
  deps: { prisma: PrismaClient; admins?: readonly string[]; langFor?(recipient: string): Promise<Lang> },
  calendar: WorkingCalendar,
  now: Date,
): Promise<number> {
  const wall = shanghaiWallClock(now);
  const [year, month] = wall.date.split('-').map(Number) as [number, number];
  const next = year + 1;
  if (month < UPKEEP_FROM_MONTH || calendar.isKnownYear(next)) return 0;
  if (!calendar.isWorkingDay(wall.date) || wall.hour < PROMPT_HOUR) return 0;
  const recipients = await adminIds(deps.prisma, deps.admins ?? []);
  if (recipients.length === 0) return 0;
  const weekday = new Date(`${wall.date}T00:00:00Z`).getUTCDay();
  const monday = addDays(wall.date, -((weekday + 6) % 7));
  const items: OutboxItem[] = [];
  for (const admin of recipients) {
    const lang = (await deps.langFor?.(admin)) ?? 'zh-CN';
    items.push({
      key: `calendar-upkeep:${next}:${monday}:${admin}`,
      ...renderedMessage(admin, 'calendar.upkeep', { year: next }, lang),
      notBefore: new Date(nextDeliveryInstant(now, calendar)),
    });
  }
  await deps.prisma.$transaction((tx) => enqueueMessages(tx, items));
  return items.length;
}
