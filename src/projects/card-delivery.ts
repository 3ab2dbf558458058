import { z } from 'zod';
import type { Lang } from '../i18n/index.ts';
import type { OutboxResolver, ResolvedCall } from '../outbox/deliver-outbox.ts';
import { storedLang } from '../preferences/languages.ts';
import { workingGroupChannel } from '../settings/working-group.ts';
import type { SlackMessage } from '../slack/message.ts';
import { initialCardItem } from './card-items.ts';
import { getProjectCard, type ProjectCardData } from './get-project-card.ts';
import { CARD_METHOD, THREAD_METHOD } from './ids.ts';
import { outboxStatus, type PrismaClient, recordCardPosted, requireProject } from './repository.ts';

const CardArgsSchema = z.object({ projectId: z.uuid(), initial: z.boolean().optional() });
const ThreadArgsSchema = z.object({
  projectId: z.uuid(),
  eventType: z.string(),
  actorId: z.string().nullable(),
  stage: z.string(),
});

async function channelLang(prisma: PrismaClient, channelId: string): Promise<Lang> {
  return (await storedLang(prisma, channelId)) ?? 'zh-CN';
}

/** How a card and a thread line read (src/views, bound in src/wiring): this area gathers the data, never the blocks. */
export interface CardViews {
  card(card: ProjectCardData, lang: Lang): SlackMessage;
  threadEntry(entry: { eventType: string; actorId: string | null; stage: string }, machine: string, lang: Lang): string;
}

/** Resolves the card and thread methods into chat.postMessage / chat.update calls against the current project. */
export function createCardResolver(prisma: PrismaClient, views: CardViews): OutboxResolver {
  return async (method, args): Promise<ResolvedCall | null> => {
    if (method === CARD_METHOD) {
      const { projectId, initial } = CardArgsSchema.parse(args);
      const project = await requireProject(prisma, projectId);
      const channel = project.channelId ?? project.ownerId;
      const lang = await channelLang(prisma, channel);
      // The channel card is for everyone in the channel: it carries what working-group staff may do (each press is
      // re-checked for the person who pressed, so nobody gains anything by seeing a button); reviewers' names and
      // progress only in the channel an admin named as the working group's own.
      const card = await getProjectCard(prisma, projectId, {
        kind: 'channel',
        channelId: channel,
        workingGroup: channel === (await workingGroupChannel(prisma)),
      });
      const message = views.card(card, lang);
      if (project.cardTs && project.channelId)
        return { method: 'chat.update', args: { channel: project.channelId, ts: project.cardTs, ...message } };
      // Later refreshes wait while the first card is still on its way (rows go out in order); when there is no first
      // card to wait for (it failed for good, or the project was made another way), the refresh posts the card.
      if (!initial) {
        const first = await outboxStatus(prisma, initialCardItem(projectId).key);
        if (first === 'pending' || first === 'sending') return null;
      }
      return {
        method: 'chat.postMessage',
        args: { channel, ...message },
        onSent: (result) =>
          recordCardPosted(prisma, projectId, {
            ts: String(result.ts ?? ''),
            channelId: typeof result.channel === 'string' ? result.channel : null,
          }),
      };
    }
    if (method === THREAD_METHOD) {
      const entry = ThreadArgsSchema.parse(args);
      const project = await requireProject(prisma, entry.projectId);
      if (!project.threadTs || !project.channelId) return null;
      const lang = await channelLang(prisma, project.channelId);
      const text = views.threadEntry(entry, project.machine, lang);
      return { method: 'chat.postMessage', args: { channel: project.channelId, thread_ts: project.threadTs, text } };
    }
    return null;
  };
}
