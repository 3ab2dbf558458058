import { shanghaiWallClock } from '../calendar/index.ts';
import { type Clock, shanghaiDate } from '../clock.ts';
import { type Lang, t } from '../i18n/index.ts';
import { enqueueMessages, type OutboxItem } from '../outbox/enqueue-messages.ts';
import { noticeLang } from '../preferences/languages.ts';
import { adminIds } from '../roles/admin-ids.ts';
import type { PrismaClient } from './repository.ts';
import { latestVerification } from './repository.ts';
import { describeBreak, verifyAuditChains } from './verify-audit-chains.ts';

// Quiet hours: the check reads every audit row, so it runs when nobody is pressing buttons.
const CHECK_FROM_HOUR = 3;

/** What the daily check did on this tick. */
export type DailyCheck = 'notDue' | 'intact' | 'broken' | 'failed';

/**
 * Once per Shanghai day, from 03:00, the scheduler verifies every audit chain (issue 14); on a break every admin is
 * told by DM, once per day (the outbox key). Replicas racing here may both verify: harmless, both runs are recorded.
 */
export async function checkAuditDaily(
  prisma: PrismaClient,
  clock: Clock,
  options: { admins?: readonly string[]; langFor?(userId: string): Promise<Lang> } = {},
): Promise<DailyCheck> {
  const now = clock.now();
  const { date: today, hour } = shanghaiWallClock(now);
  if (hour < CHECK_FROM_HOUR) return 'notDue';
  const last = await latestVerification(prisma);
  if (last && shanghaiDate(last.ranAt) === today) return 'notDue';
  const result = await verifyAuditChains(prisma, clock);
  if (result.ok) return 'intact';
  const items: OutboxItem[] = [];
  for (const admin of await adminIds(prisma, options.admins ?? [])) {
    if (!/^[UW]/.test(admin)) continue;
    const lang = await noticeLang(prisma, admin, options.langFor);
    items.push({
      key: `audit.broken:${today}:${admin}`,
      method: 'chat.postMessage',
      args: {
        channel: admin,
        text: t(lang, 'audit.broken', {
          date: today,
          count: result.breaks.length,
          first: describeBreak(result.breaks[0]!),
        }),
      },
      notBefore: now,
    });
  }
  // One statement (createMany): no interactive transaction to wait for on a busy database.
  await enqueueMessages(prisma, items);
  return 'broken';
}
