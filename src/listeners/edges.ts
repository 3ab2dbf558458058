import type { App, Logger } from '@slack/bolt';
import type { ReceiverEvent } from '@slack/bolt/dist/types/receiver.js';
import { z } from 'zod';
import { type Lang, type MessageKey, t } from '../i18n/index.ts';
import { noticeWithCard } from '../views/projects/notice-with-card.ts';
import type { Wiring } from '../wiring/index.ts';
import { answerPerson } from './answer-person.ts';
import { type Asker, readEnvelope } from './envelope.ts';

/** How long an event id is remembered: Slack retries an event three times within about five minutes. */
const EVENT_MEMORY_MS = 60 * 60 * 1000;
const EVENT_MEMORY_LIMIT = 50_000;

/** Any button value or private_metadata that names a project (card buttons, action modals). */
const NamesProjectSchema = z.looseObject({ p: z.uuid() });

/** What the guard needs besides the app: the use cases, a way to post to response URLs, and the bot token. */
export interface EdgeDeps {
  services: Wiring;
  logger: Logger;
  botToken: string;
  post?: typeof fetch;
  now?: () => number;
}

type Ctx = EdgeDeps & { app: App };

/** Bodies whose listener failed; the error handler has answered the person, so they must not hear "out of date". */
const failed = new WeakSet<object>();

/** Marks a request whose listener threw: the error handler answered it; the guard only acknowledges it. */
export function markFailed(body: unknown): void {
  if (body !== null && typeof body === 'object') failed.add(body);
}

/**
 * Wraps Bolt's dispatch (`app.processEvent`, which every receiver calls) so that every request gets an answer:
 * bodies Slack would never send are answered without running anything, types the app does not use
 * (`app_rate_limited`, unsubscribed events) are acknowledged, redelivered events run once, and a request no
 * listener acknowledged — an old card's button, an old modal — is acknowledged and the person told it is out of date.
 */
export function guardDispatch(app: App, deps: EdgeDeps): void {
  const dispatch = app.processEvent.bind(app);
  const seenEvents = new Map<string, number>();
  const now = deps.now ?? Date.now;
  const { logger } = deps;
  const ctx: Ctx = { ...deps, app };

  app.processEvent = async (event: ReceiverEvent): Promise<void> => {
    let acked = false;
    const ack = async (response?: unknown) => {
      acked = true;
      await event.ack(response as never);
    };
    const envelope = readEnvelope(event.body);
    if (envelope.kind === 'ignored') {
      // app_rate_limited says Slack is dropping events for a minute; there is nothing to do but note it.
      const level = envelope.type === 'app_rate_limited' ? 'warn' : 'info';
      logger[level](`acknowledged a ${envelope.type} request the app does not use`);
      await ack();
      return;
    }
    if (envelope.kind === 'unreadable') {
      logger.warn(`answered a ${envelope.route} request that is not shaped as Slack sends it (${envelope.problem})`);
      await ack();
      await tell(ctx, envelope.asker, 'edges.unreadable');
      return;
    }
    if (envelope.eventId !== undefined) {
      const at = now();
      const seen = seenEvents.get(envelope.eventId);
      if (seen !== undefined && at - seen < EVENT_MEMORY_MS) {
        logger.info(`event ${envelope.eventId} was delivered again (retry ${event.retryNum ?? '?'}); not run twice`);
        await ack();
        return;
      }
      remember(seenEvents, envelope.eventId, at, EVENT_MEMORY_MS, EVENT_MEMORY_LIMIT);
    }
    try {
      await dispatch({ ...event, ack });
    } catch (error) {
      // Bolt's own routing failed before any listener ran; the error handler never saw it.
      logger.error('dispatch failed:', error);
      if (!acked) await ack();
      return;
    }
    if (acked) return;
    await ack(envelope.route === 'options' ? { options: [] } : undefined);
    if (failed.has(event.body)) return;
    await answerUnhandled(ctx, event.body, envelope.route);
  };
}

/** Keeps `key` with its time in a bounded map, dropping expired and then oldest entries first. */
export function remember(map: Map<string, number>, key: string, at: number, ttlMs: number, limit: number): void {
  if (map.size >= limit) {
    for (const [k, seenAt] of map) if (at - seenAt >= ttlMs) map.delete(k);
    while (map.size >= limit) map.delete(map.keys().next().value as string);
  }
  map.set(key, at);
}

type Body = Record<string, unknown> & {
  type?: string;
  user?: { id: string };
  actions?: { action_id: string; value?: string }[];
  view?: { callback_id: string; private_metadata: string };
  callback_id?: string;
  response_url?: string;
};

/** Nobody handled a validated request: says what it was and, when it names a project, shows the current card. */
async function answerUnhandled(deps: Ctx, raw: unknown, route: string): Promise<void> {
  const body = raw as Body;
  const userId = body.user?.id;
  if (route === 'options' || route === 'event' || route === 'command' || body.type === 'view_closed') {
    // Closing a form loses nothing and needs no answer; events and commands the app does not register are not
    // subscribed in the manifest, so only a misconfigured app gets them.
    deps.logger.info(`acknowledged a ${body.type ?? route} request no listener handles`);
    return;
  }
  const [key, reference]: [MessageKey, string | undefined] =
    body.type === 'block_actions'
      ? ['edges.staleButton', body.actions?.[0]?.value]
      : body.type === 'view_submission'
        ? ['edges.staleForm', body.view?.private_metadata]
        : ['edges.staleShortcut', undefined];
  const name = body.actions?.[0]?.action_id ?? body.view?.callback_id ?? body.callback_id ?? '';
  deps.logger.info(`answered an out-of-date ${body.type} (${name.slice(0, 100)})`);
  await tell(deps, { userId, responseUrl: body.response_url }, key, reference);
}

/** The project a button value or private_metadata names, if it is valid JSON naming one. */
function projectNamedBy(reference: string | undefined): string | undefined {
  if (!reference) return undefined;
  try {
    const parsed = NamesProjectSchema.safeParse(JSON.parse(reference));
    return parsed.success ? parsed.data.p : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Tells the person, in their language, what happened: ephemerally through the response URL when there is one,
 * else in a DM. With a project reference, the current card follows so they can carry on from it.
 */
async function tell(deps: Ctx, asker: Asker, key: MessageKey, reference?: string): Promise<void> {
  const { services, logger } = deps;
  if (!asker.userId && !asker.responseUrl) return;
  try {
    const lang: Lang = asker.userId ? await services.langFor(asker.userId) : 'zh-CN';
    const text = t(lang, key);
    const projectId = projectNamedBy(reference);
    const userId = asker.userId;
    const card = projectId && userId ? await services.projects.card(projectId, userId).catch(() => null) : null;
    await answerPerson(
      { client: deps.app.client, botToken: deps.botToken, ...(deps.post ? { post: deps.post } : {}) },
      asker,
      noticeWithCard(text, card, lang, card && userId ? await services.tzFor(userId) : undefined),
    );
  } catch (error) {
    // Telling is best effort: the request itself has been answered already.
    logger.warn(`could not tell ${asker.userId ?? 'the sender'} about a ${key} request: ${String(error)}`);
  }
}
