import type { PrismaClient } from '../db/client.ts';
import { type Lang, t } from '../i18n/index.ts';
import { noticeLang } from '../preferences/languages.ts';
import { adminIds } from '../roles/admin-ids.ts';
import { enqueueMessages, type OutboxItem } from './enqueue-messages.ts';

/** Slack's refusals that mean the bot is not where it was asked to post: people can fix these, so they are told. */
export const CHANNEL_PROBLEMS = ['not_in_channel', 'channel_not_found'] as const;
export type ChannelProblem = (typeof CHANNEL_PROBLEMS)[number];

/** Who else hears about a refused channel, and in which language. */
export interface RefusalOptions {
  /** PILOTDESK_ADMINS; admins granted with `/pilot roles` are read from the database. */
  admins?: readonly string[];
  langFor?(recipient: string): Promise<Lang>;
}

/** The message Slack refused: its channel, the project it was about, and whether it was a project card or thread. */
export interface RefusedMessage {
  channel: string;
  projectId: string | null;
  /** A `pilotdesk.card`/`pilotdesk.thread` row: the project's own presence in its channel. */
  projectPresence: boolean;
}

/** Whether a permanent failure's detail is a channel problem worth telling people about. */
export function channelProblemOf(detail: string, channel: unknown): ChannelProblem | null {
  if (typeof channel !== 'string' || !/^[CG]/.test(channel)) return null;
  return (CHANNEL_PROBLEMS as readonly string[]).includes(detail) ? (detail as ChannelProblem) : null;
}

/**
 * Tells the people who can fix it that Slack refused a channel: for a project's card or thread, its owner and
 * creator; for anything else the scheduler sends (escalations, digests), the project's owner, the digest's subscriber
 * and the admins. Each person is told once per channel and problem — the outbox key makes a second notice a no-op,
 * so later cards, retries and other replicas add nothing. DMs always reach a person, so the notice cannot fail the
 * same way. Returns the keys enqueued, for a caller that sends only given keys.
 */
export async function noticeChannelRefusal(
  prisma: PrismaClient,
  refused: RefusedMessage,
  problem: ChannelProblem,
  options: RefusalOptions,
  now: Date,
): Promise<string[]> {
  const project = refused.projectId
    ? await prisma.project.findUnique({
        where: { id: refused.projectId },
        select: { ref: true, ownerId: true, createdById: true },
      })
    : null;
  const recipients = new Set<string>();
  if (project) recipients.add(project.ownerId);
  if (refused.projectPresence && project) recipients.add(project.createdById);
  if (!refused.projectPresence) {
    const subscription = await prisma.digestSubscription.findUnique({ where: { channelId: refused.channel } });
    if (subscription) recipients.add(subscription.createdById);
    for (const admin of await adminIds(prisma, options.admins ?? [])) recipients.add(admin);
  }
  const items: OutboxItem[] = [];
  for (const userId of recipients) {
    if (!/^[UW]/.test(userId)) continue;
    const lang = await noticeLang(prisma, userId, options.langFor);
    const what =
      refused.projectPresence && project
        ? t(lang, 'edges.what.card', { ref: project.ref })
        : t(lang, 'edges.what.message');
    const key: 'edges.notInChannel' | 'edges.channelNotFound' =
      problem === 'not_in_channel' ? 'edges.notInChannel' : 'edges.channelNotFound';
    items.push({
      key: `channel-refused:${refused.channel}:${problem}:${userId}`,
      method: 'chat.postMessage',
      args: { channel: userId, text: t(lang, key, { channel: `<#${refused.channel}>`, what }) },
      // Due on the sender's clock, not the database's, so the same pass (or a simulated one) sends it.
      notBefore: now,
    });
  }
  await prisma.$transaction((tx) => enqueueMessages(tx, items));
  return items.map((i) => i.key);
}
