import type { Lang } from '../i18n/index.ts';
import type { SlackMessage } from '../slack/message.ts';
import type { OutboxResolver } from './deliver-outbox.ts';

/** The virtual outbox method of a workflow message kept as data and rendered by its view when sent (decision 020). */
export const MESSAGE_METHOD = 'pilotdesk.message';

/**
 * Every workflow message by its view's name → the data that view renders. Empty here: each area adds its own
 * entries beside the use cases that enqueue them (`declare module '../outbox/rendered.ts'`), so the outbox knows no
 * area, and the wiring's table of views must name a view for every entry with exactly that data.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the areas' declarations (declaration merging).
export interface MessageData {}

/** The name of a workflow message's view. */
export type MessageView = keyof MessageData & string;

/** A message's view and data, without its recipient (what an area hands the runtime for a notify effect). */
export type MessageBody = { [V in MessageView]: { view: V; data: MessageData[V] } }[MessageView];

/** The stored arguments of a `pilotdesk.message` row: the recipient, the language chosen when it was written. */
export type MessageArgs = MessageBody & { channel: string; lang: Lang };

/** The views that render the workflow messages, one per name (bound in src/wiring). */
export type MessageViews = { [V in MessageView]: (data: MessageData[V], lang: Lang) => SlackMessage };

/** The outbox call of a workflow message: its data now, its blocks when it is sent. */
export function renderedMessage<V extends MessageView>(
  channel: string,
  view: V,
  data: MessageData[V],
  lang: Lang,
): { method: typeof MESSAGE_METHOD; args: Record<string, unknown> } {
  return { method: MESSAGE_METHOD, args: { channel, view, data, lang } };
}

/** The outbox call of a message body (a view and its data) for one recipient. */
export function bodyMessage(
  channel: string,
  body: MessageBody,
  lang: Lang,
): { method: typeof MESSAGE_METHOD; args: Record<string, unknown> } {
  return { method: MESSAGE_METHOD, args: { channel, ...body, lang } };
}

/**
 * Renders `pilotdesk.message` rows with their views into chat.postMessage at send time. A row naming no known view
 * (written by a newer version during a rolling deploy) is left for later, like a card that is not ready yet.
 */
export function createMessageResolver(views: MessageViews): OutboxResolver {
  return async (method, args) => {
    if (method !== MESSAGE_METHOD) return null;
    const { channel, view, data, lang } = args as MessageArgs;
    const render = views[view] as ((data: unknown, lang: Lang) => SlackMessage) | undefined;
    if (!render) return null;
    return { method: 'chat.postMessage', args: { channel, ...render(data, lang) }, projectPresence: false };
  };
}

/** One resolver from several, each asked in turn until one knows the method. */
export function firstResolver(...resolvers: readonly OutboxResolver[]): OutboxResolver {
  return async (method, args) => {
    for (const resolve of resolvers) {
      const call = await resolve(method, args);
      if (call) return call;
    }
    return null;
  };
}
