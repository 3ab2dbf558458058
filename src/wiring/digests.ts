import type { DigestFilters } from '../digests/filters.ts';
import { previewDigest, subscribeDigest, unsubscribeDigest } from '../digests/subscribe-digest.ts';
import type { Lang } from '../i18n/index.ts';
import type { SlackMessage } from '../slack/message.ts';
import { digestMessage } from '../views/digests/digest-message.ts';
import type { WiringContext } from './context.ts';

/** Channel digests as listeners call them. */
export interface DigestsWiring {
  digests: {
    preview(channelId: string, lang: Lang): Promise<SlackMessage>;
    subscribe(userId: string, channelId: string, filters: DigestFilters): Promise<void>;
    unsubscribe(userId: string, channelId: string): Promise<void>;
  };
}

/** Binds the digest use cases; the preview is rendered here, the use case returns data. */
export function digestsWiring(ctx: WiringContext): DigestsWiring {
  const { prisma, clock, actorOf } = ctx;
  return {
    digests: {
      preview: async (channelId, lang) => digestMessage(await previewDigest(prisma, clock, { channelId }), lang),
      subscribe: async (userId, channelId, filters) => {
        await subscribeDigest(prisma, channelId, filters, await actorOf(userId), clock);
      },
      unsubscribe: async (userId, channelId) => {
        await unsubscribeDigest(prisma, channelId, await actorOf(userId), clock);
      },
    },
  };
}
