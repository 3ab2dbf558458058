import { newViewHash } from './slack-ids.ts';
import {
  type ApiAnswer,
  type Args,
  asView,
  fail,
  newView,
  noContent,
  ok,
  type SandboxConversation,
  type SandboxMessage,
  type SandboxView,
  truthy,
  wireMessage,
  wireView,
} from './slack-wire.ts';
import type { SandboxUploads } from './uploads.ts';
import { dmChannelOf, SANDBOX_TEAM, type SandboxPerson } from './workspace.ts';

/** What the Web API methods read and change in the sandbox's Slack (SandboxSlack implements it). */
export interface SlackStore {
  readonly conversations: Map<string, SandboxConversation>;
  person(userId: string): SandboxPerson | undefined;
  message(channel: string, ts: string): SandboxMessage | undefined;
  view(viewId: string): SandboxView | undefined;
  home(userId: string): SandboxView | undefined;
  modalStack(userId: string): SandboxView[];
  /** Keeps a new message (and tells the page). */
  add(message: SandboxMessage): void;
  /** Drops the messages `drop` picks (and tells the page). */
  remove(drop: (m: SandboxMessage) => boolean): void;
  /** A message from the bot, not yet kept. */
  botMessage(channel: string, args: { text?: unknown; blocks?: unknown; thread_ts?: unknown }): SandboxMessage;
  /** The person a live trigger_id was handed to; each trigger opens one view, within Slack's time limit. */
  takeTrigger(trigger: unknown): string | undefined;
  setModals(userId: string, stack: SandboxView[]): void;
  setHome(userId: string, view: SandboxView): void;
  viewByExternalId(externalId: string): SandboxView | undefined;
  /** Tells the page that something it shows changed. */
  changed(): void;
  /** Files shared through Slack's external upload flow (upload URLs, their bytes, download links). */
  readonly uploads: SandboxUploads;
}

/** The largest file the sandbox accepts: exports are small, and the bytes live in the sandbox's memory. */
export const SANDBOX_MAX_UPLOAD = 50 * 1024 * 1024;

type Method = (store: SlackStore, args: Args) => ApiAnswer;

/** Answers one Web API call as Slack would, refusing what Slack refuses; `unknown_method` for one it lacks. */
export function callMethod(store: SlackStore, method: string, args: Args): ApiAnswer {
  const handler = METHODS[method];
  return handler ? handler(store, args) : fail('unknown_method');
}

/** Whether the sandbox answers this Web API method. */
export function knowsMethod(method: string): boolean {
  return METHODS[method] !== undefined;
}

/** A person's id (U…) means their DM with the bot, as chat.postMessage allows. */
function resolveChannel(store: SlackStore, channel: string): string {
  return /^[UW]/.test(channel) && store.person(channel) ? dmChannelOf(channel) : channel;
}

/** Slack's refusal for posting in a conversation, if any: unknown, or a channel the bot was not invited to. */
function cannotPost(store: SlackStore, channel: string): string | undefined {
  const c = store.conversations.get(channel);
  if (!c) return 'channel_not_found';
  return c.botMember ? undefined : 'not_in_channel';
}

const METHODS: Record<string, Method> = {
  'auth.test': () =>
    ok({
      url: `https://${SANDBOX_TEAM.teamDomain}.slack.com/`,
      team: SANDBOX_TEAM.teamName,
      user: 'pilot_desk',
      team_id: SANDBOX_TEAM.teamId,
      user_id: SANDBOX_TEAM.botUserId,
      bot_id: SANDBOX_TEAM.botId,
      is_enterprise_install: false,
    }),
  'users.info': (store, args) => {
    const p = store.person(String(args.user ?? ''));
    if (!p) return fail('user_not_found');
    return ok({
      user: {
        id: p.id,
        team_id: SANDBOX_TEAM.teamId,
        name: p.name,
        real_name: p.realName,
        deleted: false,
        tz: p.tz,
        tz_label: p.tz,
        tz_offset: 8 * 3600,
        profile: { real_name: p.realName, display_name: p.realName, team: SANDBOX_TEAM.teamId },
        is_admin: p.role === 'admin',
        is_owner: false,
        is_bot: false,
        // Slack includes the locale only when asked, as here.
        ...(truthy(args.include_locale) ? { locale: p.locale } : {}),
      },
    });
  },
  'conversations.open': (store, args) => {
    const users = String(args.users ?? '').split(',');
    const p = users.length === 1 ? store.person(users[0]!) : undefined;
    if (!p) return fail('user_not_found');
    return ok({ channel: { id: dmChannelOf(p.id) } });
  },
  'conversations.info': (store, args) => {
    const c = store.conversations.get(resolveChannel(store, String(args.channel ?? '')));
    if (!c) return fail('channel_not_found');
    return ok({ channel: { id: c.id, name: c.name, is_im: c.kind === 'dm', is_member: c.botMember } });
  },
  'chat.postMessage': (store, args) => {
    const channel = resolveChannel(store, String(args.channel ?? ''));
    const refusal = cannotPost(store, channel) ?? noContent(args);
    if (refusal) return fail(refusal);
    const threadTs = typeof args.thread_ts === 'string' && args.thread_ts !== '' ? args.thread_ts : undefined;
    if (threadTs && !store.message(channel, threadTs)) return fail('thread_not_found');
    const m = store.botMessage(channel, { text: args.text, blocks: args.blocks, thread_ts: threadTs });
    if (args.metadata !== undefined) m.metadata = args.metadata;
    store.add(m);
    return ok({ channel, ts: m.ts, message: wireMessage(m) });
  },
  'chat.postEphemeral': (store, args) => {
    const channel = resolveChannel(store, String(args.channel ?? ''));
    const refusal = cannotPost(store, channel) ?? noContent(args);
    if (refusal) return fail(refusal);
    const userId = String(args.user ?? '');
    if (!store.person(userId)) return fail('user_not_found');
    const c = store.conversations.get(channel);
    if (c?.kind === 'channel' && !c.members.includes(userId)) return fail('user_not_in_channel');
    const m = { ...store.botMessage(channel, { text: args.text, blocks: args.blocks }), ephemeralFor: userId };
    store.add(m);
    return ok({ message_ts: m.ts });
  },
  'chat.update': (store, args) => {
    const channel = resolveChannel(store, String(args.channel ?? ''));
    const refusal = cannotPost(store, channel);
    if (refusal) return fail(refusal);
    const m = store.message(channel, String(args.ts ?? ''));
    if (!m || m.ephemeralFor !== undefined) return fail('message_not_found');
    if (m.user !== SANDBOX_TEAM.botUserId) return fail('cant_update_message');
    if (typeof args.text === 'string') m.text = args.text;
    if (Array.isArray(args.blocks)) m.blocks = args.blocks;
    if (args.metadata !== undefined) m.metadata = args.metadata;
    m.edited = true;
    store.changed();
    return ok({ channel, ts: m.ts, text: m.text, message: wireMessage(m) });
  },
  'chat.delete': (store, args) => {
    const channel = resolveChannel(store, String(args.channel ?? ''));
    const m = store.message(channel, String(args.ts ?? ''));
    if (!m || m.ephemeralFor !== undefined) return fail('message_not_found');
    store.remove((x) => x === m || (x.channel === channel && x.threadTs === m.ts));
    return ok({ channel, ts: m.ts });
  },
  'files.getUploadURLExternal': (store, args) => {
    const length = Number(args.length);
    if (typeof args.filename !== 'string' || args.filename === '') return fail('invalid_arguments');
    if (!Number.isInteger(length) || length <= 0) return fail('missing_argument');
    if (length > SANDBOX_MAX_UPLOAD) return fail('file_upload_size_restricted');
    const { id, url } = store.uploads.newUpload(args.filename, length);
    return ok({ upload_url: url, file_id: id });
  },
  'files.completeUploadExternal': (store, args) => {
    let list: unknown = args.files;
    if (typeof list === 'string') {
      try {
        list = JSON.parse(list);
      } catch {
        return fail('invalid_arguments');
      }
    }
    if (!Array.isArray(list) || list.length === 0) return fail('invalid_arguments');
    const wanted = list as Array<{ id?: unknown; title?: unknown }>;
    const uploads = wanted.map((f) => (typeof f.id === 'string' ? store.uploads.upload(f.id) : undefined));
    if (uploads.some((u) => !u?.bytes)) return fail('file_not_found');
    const channel = resolveChannel(store, String(args.channel_id ?? ''));
    const refusal = cannotPost(store, channel);
    if (refusal) return fail(refusal);
    const files = wanted.map((f, i) => {
      const u = uploads[i]!;
      const id = String(f.id);
      const title = typeof f.title === 'string' && f.title !== '' ? f.title : u.filename;
      return { id, name: u.filename, title, size: u.bytes!.length, url: store.uploads.downloadUrl(id, u.filename) };
    });
    const text = typeof args.initial_comment === 'string' ? args.initial_comment : '';
    const m = { ...store.botMessage(channel, { text }), files };
    store.add(m);
    return ok({
      files: files.map((f) => ({ id: f.id, name: f.name, title: f.title, size: f.size, url_private: f.url })),
    });
  },
  'views.open': (store, args) => {
    const userId = store.takeTrigger(args.trigger_id);
    if (!userId) return fail('invalid_trigger_id');
    const view = asView(args.view);
    if (!view) return fail('invalid_arguments');
    // A new modal from a fresh trigger starts a new stack, as in Slack.
    const created = newView(userId, 'modal', view, undefined);
    store.setModals(userId, [created]);
    return ok({ view: wireView(created) });
  },
  'views.push': (store, args) => {
    const userId = store.takeTrigger(args.trigger_id);
    if (!userId) return fail('invalid_trigger_id');
    const view = asView(args.view);
    if (!view) return fail('invalid_arguments');
    const stack = store.modalStack(userId);
    if (stack.length === 0) return fail('not_found');
    if (stack.length >= 3) return fail('push_limit_reached');
    const created = newView(userId, 'modal', view, stack.at(-1));
    store.setModals(userId, [...stack, created]);
    return ok({ view: wireView(created) });
  },
  'views.update': (store, args) => {
    const view = asView(args.view);
    if (!view) return fail('invalid_arguments');
    const target =
      typeof args.view_id === 'string' && args.view_id !== ''
        ? store.view(args.view_id)
        : store.viewByExternalId(String(args.external_id ?? ''));
    if (!target) return fail('not_found');
    if (typeof args.hash === 'string' && args.hash !== '' && args.hash !== target.hash) return fail('hash_conflict');
    target.view = view;
    target.hash = newViewHash();
    store.changed();
    return ok({ view: wireView(target) });
  },
  'views.publish': (store, args) => {
    const userId = String(args.user_id ?? '');
    if (!store.person(userId)) return fail('user_not_found');
    const view = asView(args.view);
    if (view?.type !== 'home') return fail('invalid_arguments');
    const existing = store.home(userId);
    if (typeof args.hash === 'string' && args.hash !== '' && existing && args.hash !== existing.hash)
      return fail('hash_conflict');
    const published = existing ?? newView(userId, 'home', view, undefined);
    published.view = view;
    published.hash = newViewHash();
    store.setHome(userId, published);
    return ok({ view: wireView(published) });
  },
};
