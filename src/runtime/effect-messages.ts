import type { ChecklistParams, NotifyParams } from '../../machines/shared/settings.ts';
import { nextDeliveryInstant, type WorkingCalendar } from '../calendar/index.ts';
import type { Prisma } from '../db/client.ts';
import type { DeadlineChange } from '../deadlines/sync-deadlines.ts';
import type { Lang } from '../i18n/index.ts';
import type { OutboxItem } from '../outbox/enqueue-messages.ts';
import { bodyMessage, renderedMessage } from '../outbox/rendered.ts';
import type { HookProject, RuntimeHooks } from './types.ts';

/** A custom action as XState's transition() returns it: its type and resolved params. */
export interface MachineAction {
  type: string;
  params?: unknown;
}

/** Incidents count in clock hours, day and night (R-SUP-5): their messages ignore quiet hours. */
const URGENT_TEMPLATES = new Set(['incident.occurred']);

/** When and in which language a message reaches a person or a channel. */
export interface Delivery {
  now: Date;
  /** The working calendar, read only when a message to a person needs it (most changes send none). */
  calendar(): Promise<WorkingCalendar>;
}

/**
 * The language of a recipient as far as the database knows it: a person's `/pilot lang` choice or a channel's
 * setting; otherwise zh-CN, the working group's language.
 */
async function recipientLang(
  tx: Prisma.TransactionClient,
  recipient: string,
  cache: Map<string, Lang>,
  hooks: RuntimeHooks,
): Promise<Lang> {
  const known = cache.get(recipient);
  if (known) return known;
  const lang = (await hooks.recipientLang(tx, recipient)) ?? 'zh-CN';
  cache.set(recipient, lang);
  return lang;
}

/** A message to a person waits for the next working morning in quiet hours (20:00–08:00, non-working days). */
async function notBefore(recipient: string, urgent: boolean, delivery: Delivery): Promise<Date> {
  if (urgent || !/^[UW]/.test(recipient)) return delivery.now;
  return new Date(nextDeliveryInstant(delivery.now, await delivery.calendar()));
}

/**
 * Turns a transition's notify and checklist effects, and any deadline whose due date moved, into outbox rows with
 * idempotency keys tied to the project version, so a retried write can never send a message twice.
 */
export async function effectMessages(
  tx: Prisma.TransactionClient,
  project: HookProject,
  effects: readonly MachineAction[],
  deadlines: readonly DeadlineChange[],
  delivery: Delivery,
  hooks: RuntimeHooks,
): Promise<OutboxItem[]> {
  const items: OutboxItem[] = [];
  const langs = new Map<string, Lang>();
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
      for (const channel of channels) {
        const lang = await recipientLang(tx, channel, langs, hooks);
        // Some templates are messages of their own area (the reviewer's invitation, issue 6).
        const own = hooks.notifyMessages[params.template];
        const body = own
          ? await own(tx, project, params, deadlines)
          : { view: 'notify' as const, data: { params, project: { ref: project.ref, title: project.title } } };
        items.push({
          key: `${base}:notify:${i}:${channel}`,
          ...bodyMessage(channel, body, lang),
          projectId: project.id,
          notBefore: await notBefore(channel, URGENT_TEMPLATES.has(params.template), delivery),
        });
      }
    } else if (effect.type === 'produceChecklist') {
      const params = effect.params as ChecklistParams;
      const channel = project.channelId ?? project.ownerId;
      items.push({
        key: `${base}:checklist:${params.kind}`,
        ...renderedMessage(
          channel,
          'checklist',
          { params, project: { ref: project.ref } },
          await recipientLang(tx, channel, langs, hooks),
        ),
        projectId: project.id,
      });
    }
  }
  for (const change of deadlines.filter((d) => d.change === 'moved'))
    items.push({
      key: `${base}:moved:${change.key}`,
      ...renderedMessage(
        project.ownerId,
        'deadline.moved',
        { change, project: { ref: project.ref } },
        await recipientLang(tx, project.ownerId, langs, hooks),
      ),
      projectId: project.id,
      notBefore: await notBefore(project.ownerId, false, delivery),
    });
  return items;
}

async function audienceChannels(
  params: NotifyParams,
  project: HookProject,
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
