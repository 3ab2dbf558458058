import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock.ts';
import { newTriggerId, newViewHash, newViewId } from './slack-payloads.ts';
import {
  dmChannelOf,
  dmUserOf,
  SANDBOX_BOT_TOKEN,
  SANDBOX_CHANNELS,
  SANDBOX_PEOPLE,
  SANDBOX_TEAM,
  type SandboxPerson,
} from './workspace.ts';

/** One message in a conversation: the bot's, a person's, or an ephemeral only `ephemeralFor` sees. */
export interface SandboxMessage {
  channel: string;
  ts: string;
  user: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  metadata?: unknown;
  /** Set for ephemerals: only this person sees it, it is not in the conversation's history and is not kept. */
  ephemeralFor?: string;
  edited?: boolean;
}

/** A conversation: a channel with members, or a person's DM with the bot. */
export interface SandboxConversation {
  id: string;
  name: string;
  kind: 'channel' | 'dm';
  members: string[];
  botMember: boolean;
}

/** A modal or Home tab as Slack keeps it: the view the app sent, its id and hash, and the inputs' state. */
export interface SandboxView {
  id: string;
  hash: string;
  userId: string;
  kind: 'modal' | 'home';
  view: Record<string, unknown>;
  rootViewId: string;
  previousViewId: string | null;
  state: Record<string, Record<string, Record<string, unknown>>>;
}

/** Where a response_url answer goes: the person and conversation it was handed out for, and the message it came from. */
export interface ResponseTarget {
  userId: string;
  channel: string;
  /** The message a button was pressed on (none for a slash command). */
  messageTs?: string;
  messageEphemeral?: boolean;
}

/** What a Web API call answered. */
export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

type Args = Record<string, unknown>;

const TRIGGER_TTL_MS = 5 * 60_000;

interface Persisted {
  messages: SandboxMessage[];
  homes: SandboxView[];
  members: Record<string, string[]>;
}

/**
 * The sandbox's in-process Slack: the Web API methods the app calls, with Slack's answers and refusals
 * (not_in_channel, invalid_trigger_id, hash_conflict …), the messages, threads, ephemerals and views it keeps per
 * person, and the response URLs it hands out. Emits `change` after anything a page may need to redraw.
 */
export class SandboxSlack extends EventEmitter {
  readonly conversations = new Map<string, SandboxConversation>();
  private messages: SandboxMessage[] = [];
  private readonly modals = new Map<string, SandboxView[]>();
  private readonly homes = new Map<string, SandboxView>();
  private readonly triggers = new Map<string, { userId: string; at: number }>();
  private readonly responseUrls = new Map<string, ResponseTarget>();
  private lastTsMicros = 0;
  private saveTimer: NodeJS.Timeout | undefined;
  private revision = 0;

  constructor(
    private readonly clock: Clock,
    private readonly baseUrl: () => string,
    /** Where Slack's side of the sandbox is kept across restarts (messages and Home tabs); none in tests. */
    private readonly stateFile?: string,
  ) {
    super();
    this.setMaxListeners(0);
    for (const c of SANDBOX_CHANNELS)
      this.conversations.set(c.id, {
        id: c.id,
        name: c.name,
        kind: 'channel',
        members: [...c.members],
        botMember: true,
      });
    for (const p of SANDBOX_PEOPLE) {
      const id = dmChannelOf(p.id);
      this.conversations.set(id, { id, name: p.realName, kind: 'dm', members: [p.id], botMember: true });
    }
    this.load();
  }

  /** Increases with every change; the page asks for a fresh state when it moves. */
  get rev(): number {
    return this.revision;
  }

  /** The seeded person with this id. */
  person(userId: string): SandboxPerson | undefined {
    return SANDBOX_PEOPLE.find((p) => p.id === userId);
  }

  /** A trigger_id for this person, as Slack hands one out with every command and interaction. */
  newTrigger(userId: string): string {
    const id = newTriggerId();
    this.triggers.set(id, { userId, at: Date.now() });
    return id;
  }

  /** A response_url on the sandbox for this target. */
  newResponseUrl(target: ResponseTarget): string {
    const id = randomBytes(12).toString('hex');
    this.responseUrls.set(id, target);
    return `${this.baseUrl()}/response/${id}`;
  }

  /** The message with this ts in a conversation (ephemerals included), if any. */
  message(channel: string, ts: string): SandboxMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  /** What this person sees of a conversation: its messages and their own ephemerals, oldest first. */
  visibleMessages(userId: string, channel: string): SandboxMessage[] {
    return this.messages.filter(
      (m) => m.channel === channel && (m.ephemeralFor === undefined || m.ephemeralFor === userId),
    );
  }

  /** The conversations this person is in: the channels they are a member of and their DM with the bot. */
  conversationsOf(userId: string): SandboxConversation[] {
    return [...this.conversations.values()].filter((c) =>
      c.kind === 'dm' ? c.id === dmChannelOf(userId) : c.members.includes(userId),
    );
  }

  /** This person's open modals, the top one last. */
  modalStack(userId: string): SandboxView[] {
    return this.modals.get(userId) ?? [];
  }

  /** This person's Home tab as the app last published it. */
  home(userId: string): SandboxView | undefined {
    return this.homes.get(userId);
  }

  /** A view by id, wherever it is (a modal in someone's stack or a Home tab). */
  view(viewId: string): SandboxView | undefined {
    for (const stack of this.modals.values()) for (const v of stack) if (v.id === viewId) return v;
    for (const v of this.homes.values()) if (v.id === viewId) return v;
    return undefined;
  }

  /** Records what the person typed or picked in a view before its state goes to the app. */
  setViewState(viewId: string, state: SandboxView['state']): SandboxView | undefined {
    const v = this.view(viewId);
    if (v) v.state = state;
    return v;
  }

  /** Closes the top modal (Cancel, or a submission the app acknowledged with nothing). */
  closeTop(userId: string): void {
    const stack = this.modals.get(userId);
    if (!stack || stack.length === 0) return;
    stack.pop();
    this.changed();
  }

  /** Closes every modal of this person (`response_action: clear`). */
  closeAll(userId: string): void {
    this.modals.delete(userId);
    this.changed();
  }

  /** Replaces the top modal (`response_action: update`), or pushes one (`push`). */
  showInStack(userId: string, view: Record<string, unknown>, how: 'update' | 'push'): SandboxView | undefined {
    const stack = this.modals.get(userId) ?? [];
    const top = stack.at(-1);
    if (how === 'update' && top) {
      top.view = view;
      top.hash = newViewHash();
      top.state = {};
      this.changed();
      return top;
    }
    const created = this.newView(userId, 'modal', view, top);
    stack.push(created);
    this.modals.set(userId, stack);
    this.changed();
    return created;
  }

  /** A message a person types in a conversation (not a command): kept as Slack keeps it. */
  postAsPerson(userId: string, channel: string, text: string, threadTs?: string): SandboxMessage {
    const m: SandboxMessage = { channel, ts: this.nextTs(), user: userId, text, ...(threadTs ? { threadTs } : {}) };
    this.messages.push(m);
    this.changed();
    return m;
  }

  /** Shows an ephemeral from the bot, e.g. the text a command's acknowledgement carried. */
  postEphemeralFromBot(userId: string, channel: string, text: string, blocks?: unknown[]): void {
    this.messages.push({
      channel,
      ts: this.nextTs(),
      user: SANDBOX_TEAM.botUserId,
      text,
      ...(blocks ? { blocks } : {}),
      ephemeralFor: userId,
    });
    this.changed();
  }

  /** Dismisses an ephemeral (Slack's "Dismiss" under each one). */
  dismissEphemeral(userId: string, channel: string, ts: string): void {
    this.messages = this.messages.filter((m) => !(m.channel === channel && m.ts === ts && m.ephemeralFor === userId));
    this.changed();
  }

  /** Answers one Web API call as Slack would, for the bot's token only. */
  call(method: string, args: Args, token: string | undefined): ApiAnswer {
    const handler = this.handlers[method];
    if (!handler) return fail('unknown_method');
    if (!token) return fail('not_authed');
    if (token !== SANDBOX_BOT_TOKEN) return fail('invalid_auth');
    return handler(args);
  }

  /** Answers a POST to a response_url handed out by `newResponseUrl`; 404 for one the sandbox never gave. */
  respond(id: string, body: Args): number {
    const target = this.responseUrls.get(id);
    if (!target) return 404;
    const text = typeof body.text === 'string' ? body.text : '';
    const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
    const source = target.messageTs ? this.message(target.channel, target.messageTs) : undefined;
    if (source && truthy(body.delete_original)) {
      this.messages = this.messages.filter((m) => m !== source);
    } else if (source && truthy(body.replace_original)) {
      source.text = text;
      if (blocks) source.blocks = blocks;
      else delete source.blocks;
      source.edited = source.ephemeralFor === undefined;
    } else if (body.response_type === 'in_channel') {
      this.messages.push(this.botMessage(target.channel, { text, blocks, thread_ts: body.thread_ts }));
    } else {
      this.messages.push({
        ...this.botMessage(target.channel, { text, blocks }),
        ephemeralFor: target.userId,
      });
    }
    this.changed();
    return 200;
  }

  private readonly handlers: Record<string, (args: Args) => ApiAnswer> = {
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
    'users.info': (args) => {
      const p = this.person(String(args.user ?? ''));
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
    'conversations.open': (args) => {
      const users = String(args.users ?? '').split(',');
      const p = users.length === 1 ? this.person(users[0]!) : undefined;
      if (!p) return fail('user_not_found');
      return ok({ channel: { id: dmChannelOf(p.id) } });
    },
    'conversations.info': (args) => {
      const c = this.conversations.get(this.resolveChannel(String(args.channel ?? '')));
      if (!c) return fail('channel_not_found');
      return ok({ channel: { id: c.id, name: c.name, is_im: c.kind === 'dm', is_member: c.botMember } });
    },
    'chat.postMessage': (args) => {
      const channel = this.resolveChannel(String(args.channel ?? ''));
      const refusal = this.cannotPost(channel) ?? noContent(args);
      if (refusal) return fail(refusal);
      const threadTs = typeof args.thread_ts === 'string' && args.thread_ts !== '' ? args.thread_ts : undefined;
      if (threadTs && !this.message(channel, threadTs)) return fail('thread_not_found');
      const m = this.botMessage(channel, { text: args.text, blocks: args.blocks, thread_ts: threadTs });
      if (args.metadata !== undefined) m.metadata = args.metadata;
      this.messages.push(m);
      this.changed();
      return ok({ channel, ts: m.ts, message: wireMessage(m) });
    },
    'chat.postEphemeral': (args) => {
      const channel = this.resolveChannel(String(args.channel ?? ''));
      const refusal = this.cannotPost(channel) ?? noContent(args);
      if (refusal) return fail(refusal);
      const userId = String(args.user ?? '');
      if (!this.person(userId)) return fail('user_not_found');
      const c = this.conversations.get(channel);
      if (c?.kind === 'channel' && !c.members.includes(userId)) return fail('user_not_in_channel');
      const m = { ...this.botMessage(channel, { text: args.text, blocks: args.blocks }), ephemeralFor: userId };
      this.messages.push(m);
      this.changed();
      return ok({ message_ts: m.ts });
    },
    'chat.update': (args) => {
      const channel = this.resolveChannel(String(args.channel ?? ''));
      const refusal = this.cannotPost(channel);
      if (refusal) return fail(refusal);
      const m = this.message(channel, String(args.ts ?? ''));
      if (!m || m.ephemeralFor !== undefined) return fail('message_not_found');
      if (m.user !== SANDBOX_TEAM.botUserId) return fail('cant_update_message');
      if (typeof args.text === 'string') m.text = args.text;
      if (Array.isArray(args.blocks)) m.blocks = args.blocks;
      if (args.metadata !== undefined) m.metadata = args.metadata;
      m.edited = true;
      this.changed();
      return ok({ channel, ts: m.ts, text: m.text, message: wireMessage(m) });
    },
    'chat.delete': (args) => {
      const channel = this.resolveChannel(String(args.channel ?? ''));
      const m = this.message(channel, String(args.ts ?? ''));
      if (!m || m.ephemeralFor !== undefined) return fail('message_not_found');
      this.messages = this.messages.filter((x) => x !== m && x.threadTs !== m.ts);
      this.changed();
      return ok({ channel, ts: m.ts });
    },
    'views.open': (args) => {
      const userId = this.takeTrigger(args.trigger_id);
      if (!userId) return fail('invalid_trigger_id');
      const view = asView(args.view);
      if (!view) return fail('invalid_arguments');
      // A new modal from a fresh trigger starts a new stack, as in Slack.
      const created = this.newView(userId, 'modal', view, undefined);
      this.modals.set(userId, [created]);
      this.changed();
      return ok({ view: wireView(created) });
    },
    'views.push': (args) => {
      const userId = this.takeTrigger(args.trigger_id);
      if (!userId) return fail('invalid_trigger_id');
      const view = asView(args.view);
      if (!view) return fail('invalid_arguments');
      const stack = this.modals.get(userId) ?? [];
      if (stack.length === 0) return fail('not_found');
      if (stack.length >= 3) return fail('push_limit_reached');
      const created = this.newView(userId, 'modal', view, stack.at(-1));
      stack.push(created);
      this.changed();
      return ok({ view: wireView(created) });
    },
    'views.update': (args) => {
      const view = asView(args.view);
      if (!view) return fail('invalid_arguments');
      const target =
        typeof args.view_id === 'string' && args.view_id !== ''
          ? this.view(args.view_id)
          : this.viewByExternalId(String(args.external_id ?? ''));
      if (!target) return fail('not_found');
      if (typeof args.hash === 'string' && args.hash !== '' && args.hash !== target.hash) return fail('hash_conflict');
      target.view = view;
      target.hash = newViewHash();
      this.changed();
      return ok({ view: wireView(target) });
    },
    'views.publish': (args) => {
      const userId = String(args.user_id ?? '');
      if (!this.person(userId)) return fail('user_not_found');
      const view = asView(args.view);
      if (view?.type !== 'home') return fail('invalid_arguments');
      const existing = this.homes.get(userId);
      if (typeof args.hash === 'string' && args.hash !== '' && existing && args.hash !== existing.hash)
        return fail('hash_conflict');
      const published = existing ?? this.newView(userId, 'home', view, undefined);
      published.view = view;
      published.hash = newViewHash();
      this.homes.set(userId, published);
      this.changed();
      return ok({ view: wireView(published) });
    },
  };

  /** A person's id (U…) means their DM with the bot, as chat.postMessage allows. */
  private resolveChannel(channel: string): string {
    return /^[UW]/.test(channel) && this.person(channel) ? dmChannelOf(channel) : channel;
  }

  /** Slack's refusal for posting in a conversation, if any: unknown, or a channel the bot was not invited to. */
  private cannotPost(channel: string): string | undefined {
    const c = this.conversations.get(channel);
    if (!c) return 'channel_not_found';
    return c.botMember ? undefined : 'not_in_channel';
  }

  private takeTrigger(trigger: unknown): string | undefined {
    const found = typeof trigger === 'string' ? this.triggers.get(trigger) : undefined;
    if (!found || Date.now() - found.at > TRIGGER_TTL_MS) return undefined;
    return found.userId;
  }

  private viewByExternalId(externalId: string): SandboxView | undefined {
    if (externalId === '') return undefined;
    for (const stack of this.modals.values()) for (const v of stack) if (v.view.external_id === externalId) return v;
    return undefined;
  }

  private newView(
    userId: string,
    kind: SandboxView['kind'],
    view: Record<string, unknown>,
    previous: SandboxView | undefined,
  ): SandboxView {
    const id = newViewId();
    return {
      id,
      hash: newViewHash(),
      userId,
      kind,
      view,
      rootViewId: previous?.rootViewId ?? id,
      previousViewId: previous?.id ?? null,
      state: {},
    };
  }

  private botMessage(channel: string, args: { text?: unknown; blocks?: unknown; thread_ts?: unknown }): SandboxMessage {
    return {
      channel,
      ts: this.nextTs(),
      user: SANDBOX_TEAM.botUserId,
      text: typeof args.text === 'string' ? args.text : '',
      ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
      ...(typeof args.thread_ts === 'string' && args.thread_ts !== '' ? { threadTs: args.thread_ts } : {}),
    };
  }

  /** Unique, increasing timestamps on the sandbox's clock, like Slack's per-message `ts`. */
  private nextTs(): string {
    this.lastTsMicros = Math.max(this.clock.now().getTime() * 1000, this.lastTsMicros + 1);
    return `${Math.floor(this.lastTsMicros / 1e6)}.${String(this.lastTsMicros % 1e6).padStart(6, '0')}`;
  }

  private changed(): void {
    this.revision += 1;
    this.emit('change', this.revision);
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (!this.stateFile || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.save();
    }, 200);
    this.saveTimer.unref();
  }

  /** Writes Slack's side of the sandbox now (also called at stop); ephemerals and open modals are not kept. */
  save(): void {
    if (!this.stateFile) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const persisted: Persisted = {
      messages: this.messages.filter((m) => m.ephemeralFor === undefined),
      homes: [...this.homes.values()],
      members: Object.fromEntries([...this.conversations.values()].map((c) => [c.id, c.members])),
    };
    mkdirSync(path.dirname(this.stateFile), { recursive: true });
    const tmp = `${this.stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(persisted));
    renameSync(tmp, this.stateFile);
  }

  private load(): void {
    if (!this.stateFile) return;
    let persisted: Persisted;
    try {
      persisted = JSON.parse(readFileSync(this.stateFile, 'utf8')) as Persisted;
    } catch {
      return;
    }
    this.messages = persisted.messages ?? [];
    for (const h of persisted.homes ?? []) this.homes.set(h.userId, h);
    const last = this.messages.at(-1)?.ts;
    if (last) this.lastTsMicros = Math.round(Number(last) * 1e6);
    for (const [id, members] of Object.entries(persisted.members ?? {})) {
      const c = this.conversations.get(id);
      if (c && c.kind === 'channel') c.members = members;
    }
  }

  /** Whether a conversation id is one the person may see (their channels and their own DM). */
  canSee(userId: string, channel: string): boolean {
    const dmOwner = dmUserOf(channel);
    if (dmOwner) return dmOwner === userId;
    return this.conversations.get(channel)?.members.includes(userId) ?? false;
  }
}

/** A message as the Web API returns it. */
function wireMessage(m: SandboxMessage): Record<string, unknown> {
  return {
    type: 'message',
    text: m.text,
    user: m.user,
    ts: m.ts,
    team: SANDBOX_TEAM.teamId,
    ...(m.user === SANDBOX_TEAM.botUserId ? { bot_id: SANDBOX_TEAM.botId, app_id: SANDBOX_TEAM.apiAppId } : {}),
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    ...(m.metadata !== undefined ? { metadata: m.metadata } : {}),
  };
}

/** A view as the Web API returns it and as interaction payloads carry it. */
export function wireView(v: SandboxView): Record<string, unknown> {
  return {
    id: v.id,
    team_id: SANDBOX_TEAM.teamId,
    type: v.kind === 'home' ? 'home' : 'modal',
    blocks: v.view.blocks ?? [],
    private_metadata: v.view.private_metadata ?? '',
    callback_id: v.view.callback_id ?? '',
    state: { values: v.state },
    hash: v.hash,
    title: v.view.title ?? null,
    clear_on_close: v.view.clear_on_close ?? false,
    notify_on_close: v.view.notify_on_close ?? false,
    close: v.view.close ?? null,
    submit: v.view.submit ?? null,
    previous_view_id: v.previousViewId,
    root_view_id: v.rootViewId,
    app_id: SANDBOX_TEAM.apiAppId,
    external_id: v.view.external_id ?? '',
    app_installed_team_id: SANDBOX_TEAM.teamId,
    bot_id: SANDBOX_TEAM.botId,
  };
}

function asView(view: unknown): Record<string, unknown> | undefined {
  const v = typeof view === 'string' ? safeJson(view) : view;
  return v !== null && typeof v === 'object' && Array.isArray((v as Args).blocks) ? (v as Args) : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function noContent(args: Args): string | undefined {
  return args.text === undefined && args.blocks === undefined ? 'no_text' : undefined;
}

function ok(body: Args): ApiAnswer {
  return { status: 200, body: { ok: true, ...body } };
}

function fail(error: string): ApiAnswer {
  return { status: 200, body: { ok: false, error } };
}

function truthy(v: unknown): boolean {
  return v === true || v === 'true' || v === '1' || v === 1;
}
