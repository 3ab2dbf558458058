import type { ChecklistParams, NotifyParams } from '../../machines/settings.ts';
import type { Prisma } from '../db/client.ts';
import type { DeadlineChange } from '../deadlines/sync-deadlines.ts';
import type { Lang } from '../i18n/index.ts';
import type { OutboxItem } from '../outbox/enqueue-messages.ts';
import { buildInvitation } from '../review/build-invitation.ts';
import { checklistMessage, deadlineMovedMessage, notifyMessage } from './notify-messages.ts';

/** A custom action as XState's transition() returns it: its type and resolved params. */
export interface MachineAction {
  type: string;
  params?: unknown;
}

interface ProjectForMessages {
  id: string;
  ref: string;
  title: string;
  ownerId: string;
  channelId: string | null;
  version: number;
}

// Channel messages default to zh-CN; per-channel language comes with the Slack experience.
const CHANNEL_LANG: Lang = 'zh-CN';

/**
 * Turns a transition's notify and checklist effects, and any deadline whose due date moved, into outbox rows with
 * idempotency keys tied to the project version, so a retried write can never send a message twice.
 */
export async function effectMessages(
  tx: Prisma.TransactionClient,
  project: ProjectForMessages,
  effects: readonly MachineAction[],
  deadlines: readonly DeadlineChange[],
): Promise<OutboxItem[]> {
  const items: OutboxItem[] = [];
  const base = `p:${project.id}:v${project.version}`;
  let managerChannels: string[] | undefined;
  for (const [i, effect] of effects.entries()) {
    if (effect.type === 'notify') {
      const params = effect.params as NotifyParams;
      const channels = await audienceChannels(params, project, async () => {
        managerChannels ??= (await tx.digestSubscription.findMany({ select: { channelId: true } })).map(
          (s) => s.channelId,
        );
        return managerChannels;
      });
      // The reviewer's invitation is a message of its own (issue 6): summary, materials, dates and the answer buttons.
      const message =
        params.template === 'review.assignment'
          ? await buildInvitation(tx, project, params, deadlines, CHANNEL_LANG)
          : notifyMessage(params, project, CHANNEL_LANG);
      for (const channel of channels)
        items.push({
          key: `${base}:notify:${i}:${channel}`,
          method: 'chat.postMessage',
          projectId: project.id,
          args: { channel, ...message },
        });
    } else if (effect.type === 'produceChecklist') {
      const params = effect.params as ChecklistParams;
      items.push({
        key: `${base}:checklist:${params.kind}`,
        method: 'chat.postMessage',
        projectId: project.id,
        args: { channel: project.channelId ?? project.ownerId, ...checklistMessage(params, project, CHANNEL_LANG) },
      });
    }
  }
  for (const change of deadlines.filter((d) => d.change === 'moved'))
    items.push({
      key: `${base}:moved:${change.key}`,
      method: 'chat.postMessage',
      projectId: project.id,
      args: { channel: project.ownerId, ...deadlineMovedMessage(change, project, CHANNEL_LANG) },
    });
  return items;
}

async function audienceChannels(
  params: NotifyParams,
  project: ProjectForMessages,
  managers: () => Promise<string[]>,
): Promise<string[]> {
  switch (params.audience) {
    case 'owner':
      return [project.ownerId];
    case 'user':
      return params.userId ? [params.userId] : [project.ownerId];
    case 'staff':
      return [project.channelId ?? project.ownerId];
    case 'managers': {
      // Managers read the channels subscribed to the digest; without one, the project's own channel.
      const channels = await managers();
      return channels.length > 0 ? channels : [project.channelId ?? project.ownerId];
    }
  }
}
