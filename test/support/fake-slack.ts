import { randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { parse as parseYaml } from 'yaml';
import {
  type CommandOptions,
  type EventEnvelopeOptions,
  eventCallbackPayload,
  newViewHash,
  newViewId,
  SLACK_DEFAULTS,
  slashCommandPayload,
} from './slack-payloads.ts';

/** One Web API call as the fake received it; `args` has JSON-valued fields (blocks, view, …) decoded. */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  /** From `Authorization: Bearer …`, else the `token` argument (which is not repeated in `args`). */
  token: string | undefined;
  at: Date;
  /** HTTP status the fake answered with (200, or an injected 429/5xx). */
  status: number;
  /** The body the fake answered with (JSON for 200/429, text otherwise). */
  response: unknown;
}

/** One POST to a `response_url` handed out by `responseUrl()`. */
export interface RecordedResponse {
  id: string;
  url: string;
  body: Record<string, unknown>;
  at: Date;
}

/** What an injected failure does: a Slack error (`ok:false`), an HTTP status, or 429 with Retry-After. */
export interface Failure {
  error?: string;
  status?: number;
  /** Seconds for the Retry-After header of a 429. */
  retryAfter?: number;
  /** How many calls fail before the method works again; until `clearFailures()` when omitted. */
  times?: number;
}

/** Profile fields `users.info` returns for one user. */
export interface FakeUser {
  tz?: string;
  locale?: string;
  name?: string;
  realName?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_bot?: boolean;
  deleted?: boolean;
}

/** A file the app uploaded through files.getUploadURLExternal → POST to the upload URL → files.completeUploadExternal. */
export interface FakeFile {
  id: string;
  filename: string;
  /** The length files.getUploadURLExternal was told. */
  length: number;
  /** The bytes POSTed to the upload URL (undefined until then). */
  bytes?: Buffer;
  /** Set by files.completeUploadExternal. */
  title?: string;
  channel?: string;
  initialComment?: string;
  completedAt?: Date;
}

/** Options for `startFakeSlack`. */
export interface FakeSlackOptions {
  /** Largest file files.getUploadURLExternal accepts (Slack: 1 GB; a workspace may restrict it). */
  maxUploadBytes?: number;
  /** Default profile for any user not configured with `setUser`. */
  defaultUser?: FakeUser;
  /** Milliseconds `waitForCall`/`waitForResponse`/socket waits use when not told otherwise. */
  defaultTimeoutMs?: number;
}

/** The acknowledgement an app sends back over Socket Mode. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/** Socket Mode envelope types Slack sends. */
export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** Socket Mode side of the fake: accepted connections and what to send down them. */
export interface FakeSocketMode {
  /** Open connections (an app may hold several; Slack delivers each envelope to one of them). */
  readonly connections: number;
  /** Resolves once an app has connected and been sent `hello` (immediately when one already has). */
  waitForConnection(timeoutMs?: number): Promise<void>;
  /** Resolves when no connection is left open (e.g. after the app stopped). */
  waitForNoConnections(timeoutMs?: number): Promise<void>;
  /** Sends an envelope to the newest connection and resolves with the app's ack. */
  sendEnvelope(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    opts?: { acceptsResponsePayload?: boolean; retryAttempt?: number; retryReason?: string; timeoutMs?: number },
  ): Promise<SocketAck>;
  /** A slash command envelope; `responseUrl` defaults to a fresh sink on this fake. */
  sendSlashCommand(opts: CommandOptions, timeoutMs?: number): Promise<SocketAck>;
  /** An interactive envelope with a payload built by the slack-payloads helpers (or by hand). */
  sendInteraction(payload: Record<string, unknown>, timeoutMs?: number): Promise<SocketAck>;
  /** An events_api envelope around `event`. */
  sendEvent(event: Record<string, unknown>, opts?: EventEnvelopeOptions & { timeoutMs?: number }): Promise<SocketAck>;
  /** Sends Slack's `disconnect` message (as before a server refresh) to every connection. */
  sendDisconnect(reason?: 'warning' | 'refresh_requested' | 'link_disabled'): void;
}

/** A running fake Slack. */
export interface FakeSlack {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `http://127.0.0.1:PORT/api/`, for `slackApiUrl`. */
  readonly apiUrl: string;
  readonly port: number;
  readonly calls: readonly RecordedCall[];
  readonly responses: readonly RecordedResponse[];
  readonly socket: FakeSocketMode;
  callsTo(method: string): RecordedCall[];
  lastCall(method: string): RecordedCall | undefined;
  waitForCall(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  responseUrl(): string;
  waitForResponse(predicate?: (response: RecordedResponse) => boolean, timeoutMs?: number): Promise<RecordedResponse>;
  setUser(id: string, user: FakeUser): void;
  /**
   * Creates a public (C…) or private (G…) channel; the bot is not in it until `inviteBot` (Slack's
   * `/invite @Pilot Desk`). Channels outlive `reset()`: they are the workspace, not the test's traffic.
   */
  createChannel(id: string, opts?: { name?: string; botMember?: boolean }): void;
  /** `/invite @Pilot Desk` in a channel (created if it does not exist yet). */
  inviteBot(channelId: string): void;
  /** `/remove @Pilot Desk` (or the bot was kicked): posting there answers not_in_channel again. */
  removeBot(channelId: string): void;
  /** Whether the bot may post in a channel: a member of it, or a DM (a user id U…/W…, or a D… channel). */
  botCanPost(channelId: string): boolean;
  failMethod(method: string, failure: Failure): void;
  /**
   * The bot token's scopes; by default those manifest.yml asks for, so a method whose scope the manifest lacks is
   * refused with missing_scope, as Slack refuses it for an app installed from that manifest.
   */
  setScopes(scopes: readonly string[]): void;
  /** Files uploaded through the external upload flow, by file id. */
  readonly files: ReadonlyMap<string, FakeFile>;
  /** Makes the next `times` POSTs to upload URLs fail with `status`. */
  failUploads(failure: { status: number; times?: number }): void;
  /**
   * Makes Slack refuse a token from now on, on every method, as it does once a token is revoked, its app uninstalled
   * or its workspace deactivated (`token_revoked`, `invalid_auth`, `account_inactive`).
   */
  revokeToken(token: string, error?: 'token_revoked' | 'invalid_auth' | 'account_inactive'): void;
  /**
   * Holds every POST to a response URL unanswered (as a slow network does) until the returned function is called;
   * `heldResponses` counts those waiting.
   */
  holdResponses(): () => void;
  readonly heldResponses: number;
  /** Resolves once a response URL POST is being held. */
  waitForHeldResponse(timeoutMs?: number): Promise<void>;
  /** Makes the next `times` POSTs to response URLs fail with `status` (Slack answers 404 for expired ones). */
  failResponses(failure: { status: number; times?: number }): void;
  clearFailures(): void;
  reset(): void;
  close(): Promise<void>;
}

/** Argument names whose values the WebClient JSON-encodes in form bodies; decoded so tests see objects. */
const JSON_ARGS = new Set([
  'blocks',
  'attachments',
  'view',
  'metadata',
  'unfurls',
  'user_auth_blocks',
  'profile',
  'options',
  'option_groups',
  'dialog',
  'chunks',
  'files',
]);

/** The scope Slack requires of a bot token for each method the fake answers (methods absent here need none). */
const METHOD_SCOPES: Record<string, string> = {
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'conversations.open': 'im:write',
  'users.info': 'users:read',
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
};

/** The bot scopes manifest.yml asks for: what an app installed from it is granted. */
function manifestScopes(): string[] {
  const manifest = parseYaml(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as {
    oauth_config: { scopes: { bot: string[] } };
  };
  return manifest.oauth_config.scopes.bot;
}

const DEFAULT_USER: Required<FakeUser> = {
  tz: 'Asia/Shanghai',
  locale: 'zh-CN',
  name: 'pilot.user',
  realName: 'Pilot User',
  is_admin: false,
  is_owner: false,
  is_bot: false,
  deleted: false,
};

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
type Handler = (args: Record<string, unknown>, token: string) => Record<string, unknown>;

/** Rejection of the `waitFor…` helpers, naming what was awaited and what arrived instead. */
export class WaitTimeoutError extends Error {}

/** Waits for the first item matching `match`, checking existing ones first, with a deadline instead of polling. */
function waitFor<T>(
  emitter: EventEmitter,
  event: string,
  existing: () => readonly T[],
  match: (item: T) => boolean,
  timeoutMs: number,
  describe: () => string,
): Promise<T> {
  const found = existing().find(match);
  if (found !== undefined) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const onItem = (item: T) => {
      if (!match(item)) return;
      clearTimeout(timer);
      emitter.off(event, onItem);
      resolve(item);
    };
    const timer = setTimeout(() => {
      emitter.off(event, onItem);
      reject(new WaitTimeoutError(`Timed out after ${timeoutMs} ms waiting for ${describe()}`));
    }, timeoutMs);
    emitter.on(event, onItem);
  });
}

/** Seconds east of UTC for `tz` right now, as Slack's `tz_offset`. */
function tzOffsetSeconds(tz: string): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
  if (!m) return 0;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 3600 + Number(m[3]) * 60);
}

function truthy(v: unknown): boolean {
  return v === true || v === 'true' || v === '1' || v === 1;
}

function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

/** Parses a Web API request body the way Slack accepts it: form-encoded or JSON. */
function parseArgs(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  }
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (JSON_ARGS.has(key) && (value.startsWith('{') || value.startsWith('['))) {
      try {
        args[key] = JSON.parse(value);
        continue;
      } catch {
        // Slack would reject it as invalid_blocks etc.; keep the raw string so the test can see what was sent.
      }
    }
    args[key] = value;
  }
  return args;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

/** Starts a fake Slack (Web API, response_url sink and Socket Mode) on a random loopback port. */
export async function startFakeSlack(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
  const defaultTimeoutMs = opts.defaultTimeoutMs ?? 5_000;
  const defaultUser: Required<FakeUser> = { ...DEFAULT_USER, ...opts.defaultUser };
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let calls: RecordedCall[] = [];
  let responses: RecordedResponse[] = [];
  const users = new Map<string, FakeUser>();
  const failures = new Map<string, Failure>();
  const revoked = new Map<string, string>();
  let hold: Promise<void> | undefined;
  let held = 0;
  let responseFailure: { status: number; times?: number } | undefined;
  const responseIds = new Set<string>();
  const dmChannels = new Map<string, string>();
  const channels = new Map<string, { name: string; botMember: boolean }>();
  const viewHashes = new Map<string, string>();
  const tickets = new Set<string>();
  const sockets = new Set<Socket>();
  let lastTsMicros = 0;
  let baseUrl = '';
  let scopes = new Set(manifestScopes());
  const files = new Map<string, FakeFile>();
  const maxUploadBytes = opts.maxUploadBytes ?? 1024 ** 3;
  let uploadFailure: { status: number; times?: number } | undefined;

  /** Unique, increasing message timestamps, like Slack's per-channel `ts`. */
  const nextTs = (): string => {
    lastTsMicros = Math.max(Date.now() * 1000, lastTsMicros + 1);
    return `${Math.floor(lastTsMicros / 1e6)}.${String(lastTsMicros % 1e6).padStart(6, '0')}`;
  };

  const botMessage = (args: Record<string, unknown>, ts: string): Record<string, unknown> => ({
    type: 'message',
    text: args.text ?? '',
    user: SLACK_DEFAULTS.botUserId,
    bot_id: SLACK_DEFAULTS.botId,
    app_id: SLACK_DEFAULTS.apiAppId,
    team: SLACK_DEFAULTS.teamId,
    ts,
    ...(args.blocks !== undefined ? { blocks: args.blocks } : {}),
    ...(args.thread_ts !== undefined ? { thread_ts: args.thread_ts } : {}),
    ...(args.metadata !== undefined ? { metadata: args.metadata } : {}),
  });

  /**
   * Slack's answer to posting in a channel: a DM (to a user id, or a D… conversation) always works; a channel only
   * once the bot is a member, else not_in_channel; a channel that does not exist is channel_not_found.
   */
  const membershipError = (channel: string): string | undefined => {
    if (/^[UWD]/.test(channel)) return undefined;
    const known = channels.get(channel);
    if (!known) return 'channel_not_found';
    return known.botMember ? undefined : 'not_in_channel';
  };

  const requireMessageContent = (args: Record<string, unknown>): string | undefined => {
    if (typeof args.channel !== 'string' || args.channel === '') return 'channel_not_found';
    const membership = membershipError(args.channel);
    if (membership) return membership;
    if (args.text === undefined && args.blocks === undefined && args.attachments === undefined) return 'no_text';
    return undefined;
  };

  const viewResult = (view: unknown, id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => {
    const v = (view ?? {}) as Record<string, unknown>;
    const hash = newViewHash();
    viewHashes.set(id, hash);
    return {
      id,
      team_id: SLACK_DEFAULTS.teamId,
      type: v.type ?? 'modal',
      blocks: v.blocks ?? [],
      private_metadata: v.private_metadata ?? '',
      callback_id: v.callback_id ?? '',
      state: { values: {} },
      hash,
      title: v.title,
      clear_on_close: v.clear_on_close ?? false,
      notify_on_close: v.notify_on_close ?? false,
      close: v.close ?? null,
      submit: v.submit ?? null,
      previous_view_id: null,
      root_view_id: id,
      app_id: SLACK_DEFAULTS.apiAppId,
      external_id: v.external_id ?? '',
      app_installed_team_id: SLACK_DEFAULTS.teamId,
      bot_id: SLACK_DEFAULTS.botId,
      ...extra,
    };
  };

  const handlers: Record<string, Handler> = {
    'auth.test': () => ({
      url: `https://${SLACK_DEFAULTS.teamDomain}.slack.com/`,
      team: SLACK_DEFAULTS.teamName,
      user: 'pilot_desk',
      team_id: SLACK_DEFAULTS.teamId,
      user_id: SLACK_DEFAULTS.botUserId,
      bot_id: SLACK_DEFAULTS.botId,
      is_enterprise_install: false,
    }),
    'chat.postMessage': (args) => {
      const error = requireMessageContent(args);
      if (error) return { ok: false, error };
      const ts = nextTs();
      return { channel: args.channel, ts, message: botMessage(args, ts) };
    },
    'chat.postEphemeral': (args) => {
      const error = requireMessageContent(args);
      if (error) return { ok: false, error };
      if (typeof args.user !== 'string' || args.user === '') return { ok: false, error: 'user_not_found' };
      return { message_ts: nextTs() };
    },
    'chat.update': (args) => {
      if (typeof args.channel !== 'string' || args.channel === '') return { ok: false, error: 'channel_not_found' };
      const membership = membershipError(args.channel);
      if (membership) return { ok: false, error: membership };
      if (typeof args.ts !== 'string' || args.ts === '') return { ok: false, error: 'message_not_found' };
      return { channel: args.channel, ts: args.ts, text: args.text ?? '', message: botMessage(args, args.ts) };
    },
    'chat.getPermalink': (args) => {
      if (typeof args.channel !== 'string' || typeof args.message_ts !== 'string') {
        return { ok: false, error: 'message_not_found' };
      }
      return {
        channel: args.channel,
        permalink: `https://${SLACK_DEFAULTS.teamDomain}.slack.com/archives/${args.channel}/p${args.message_ts.replace('.', '')}`,
      };
    },
    'conversations.open': (args) => {
      if (typeof args.channel === 'string') return { channel: { id: args.channel } };
      if (typeof args.users !== 'string' || args.users === '') return { ok: false, error: 'users_list_not_supplied' };
      const key = args.users.split(',').sort().join(',');
      let id = dmChannels.get(key);
      const alreadyOpen = id !== undefined;
      if (id === undefined) {
        id = `D${String(dmChannels.size + 1).padStart(4, '0')}${randomBytes(3).toString('hex').toUpperCase()}`;
        dmChannels.set(key, id);
      }
      return { no_op: alreadyOpen, already_open: alreadyOpen, channel: { id } };
    },
    'views.open': (args) => {
      if (typeof args.trigger_id !== 'string' || args.trigger_id === '')
        return { ok: false, error: 'invalid_trigger_id' };
      if (typeof args.view !== 'object' || args.view === null) return { ok: false, error: 'invalid_arguments' };
      return { view: viewResult(args.view, newViewId()) };
    },
    'views.push': (args) => {
      if (typeof args.trigger_id !== 'string' || args.trigger_id === '')
        return { ok: false, error: 'invalid_trigger_id' };
      if (typeof args.view !== 'object' || args.view === null) return { ok: false, error: 'invalid_arguments' };
      return { view: viewResult(args.view, newViewId()) };
    },
    'views.update': (args) => {
      if (typeof args.view !== 'object' || args.view === null) return { ok: false, error: 'invalid_arguments' };
      const id = typeof args.view_id === 'string' ? args.view_id : undefined;
      if (id === undefined && typeof args.external_id !== 'string') return { ok: false, error: 'not_found' };
      const viewId = id ?? newViewId();
      const known = viewHashes.get(viewId);
      // Slack rejects an update carrying a stale hash; that is how races between two updates show up.
      if (known !== undefined && typeof args.hash === 'string' && args.hash !== known) {
        return { ok: false, error: 'hash_conflict' };
      }
      return { view: viewResult(args.view, viewId) };
    },
    'views.publish': (args) => {
      if (typeof args.user_id !== 'string' || args.user_id === '') return { ok: false, error: 'invalid_arguments' };
      if (typeof args.view !== 'object' || args.view === null) return { ok: false, error: 'invalid_arguments' };
      return { view: viewResult(args.view, newViewId(), { type: 'home' }) };
    },
    'users.info': (args) => {
      if (typeof args.user !== 'string' || args.user === '') return { ok: false, error: 'user_not_found' };
      const u: Required<FakeUser> = { ...defaultUser, ...users.get(args.user) };
      return {
        user: {
          id: args.user,
          team_id: SLACK_DEFAULTS.teamId,
          name: u.name,
          deleted: u.deleted,
          real_name: u.realName,
          tz: u.tz,
          tz_label: u.tz,
          tz_offset: tzOffsetSeconds(u.tz),
          profile: { real_name: u.realName, display_name: u.name, team: SLACK_DEFAULTS.teamId },
          is_admin: u.is_admin,
          is_owner: u.is_owner,
          is_primary_owner: false,
          is_restricted: false,
          is_ultra_restricted: false,
          is_bot: u.is_bot,
          is_app_user: false,
          updated: Math.floor(Date.now() / 1000),
          // Real Slack only includes the locale when asked; an app that forgets include_locale gets none.
          ...(truthy(args.include_locale) ? { locale: u.locale } : {}),
        },
      };
    },
    'files.getUploadURLExternal': (args) => {
      const length = Number(args.length);
      if (typeof args.filename !== 'string' || args.filename === '') return { ok: false, error: 'invalid_arguments' };
      // Slack answers missing_argument for a length of 0 (or none).
      if (!Number.isInteger(length) || length <= 0) return { ok: false, error: 'missing_argument' };
      if (length > maxUploadBytes) return { ok: false, error: 'file_upload_size_restricted' };
      const id = `F${randomBytes(5).toString('hex').toUpperCase()}`;
      files.set(id, { id, filename: args.filename, length });
      return { upload_url: `${baseUrl}/upload/${id}`, file_id: id };
    },
    'files.completeUploadExternal': (args) => {
      const list = Array.isArray(args.files) ? (args.files as Array<{ id?: unknown; title?: unknown }>) : undefined;
      if (!list || list.length === 0) return { ok: false, error: 'invalid_arguments' };
      // Slack completes only files it handed out an upload URL for and received the bytes of.
      const found = list.map((f) => (typeof f.id === 'string' ? files.get(f.id) : undefined));
      if (found.some((f) => !f?.bytes)) return { ok: false, error: 'file_not_found' };
      const channel = typeof args.channel_id === 'string' ? args.channel_id : undefined;
      if (channel !== undefined) {
        const membership = membershipError(channel);
        if (membership) return { ok: false, error: membership };
      }
      const completedAt = new Date();
      return {
        files: found.map((f, i) => {
          const file = f!;
          file.title = typeof list[i]?.title === 'string' ? (list[i]!.title as string) : file.filename;
          file.channel = channel;
          file.initialComment = typeof args.initial_comment === 'string' ? args.initial_comment : undefined;
          file.completedAt = completedAt;
          return {
            id: file.id,
            name: file.filename,
            title: file.title,
            size: file.bytes!.length,
            url_private: `${baseUrl}/files/${file.id}/${encodeURIComponent(file.filename)}`,
          };
        }),
      };
    },
    'apps.connections.open': () => {
      const ticket = randomUUID();
      tickets.add(ticket);
      const wsBase = baseUrl.replace(/^http/, 'ws');
      return { url: `${wsBase}/link/?ticket=${ticket}&app_id=${SLACK_DEFAULTS.apiAppId}` };
    },
  };

  const answer = (method: string, args: Record<string, unknown>, token: string | undefined): Answer => {
    const failure = failures.get(method);
    if (failure) {
      if (failure.times !== undefined) {
        failure.times -= 1;
        if (failure.times <= 0) failures.delete(method);
      }
      if (failure.status === 429) {
        return {
          status: 429,
          body: { ok: false, error: 'ratelimited' },
          headers: { 'retry-after': String(failure.retryAfter ?? 1) },
        };
      }
      if (failure.status !== undefined && failure.status !== 200) {
        return { status: failure.status, body: `fake slack: injected HTTP ${failure.status}` };
      }
      return { status: 200, body: { ok: false, error: failure.error ?? 'fatal_error' } };
    }
    const handler = handlers[method];
    if (!handler) return { status: 200, body: { ok: false, error: 'unknown_method' } };
    if (!token) return { status: 200, body: { ok: false, error: 'not_authed' } };
    const isAppToken = token.startsWith('xapp-');
    if (!isAppToken && !/^xox[bpe]-/.test(token)) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
    const refusal = revoked.get(token);
    if (refusal) return { status: 200, body: { ok: false, error: refusal } };
    // Slack keeps app-level tokens and bot/user tokens apart; mixing them up is a real configuration bug.
    if (isAppToken !== (method === 'apps.connections.open')) {
      return { status: 200, body: { ok: false, error: 'not_allowed_token_type' } };
    }
    const needed = METHOD_SCOPES[method];
    if (needed && !isAppToken && !scopes.has(needed)) {
      return { status: 200, body: { ok: false, error: 'missing_scope', needed, provided: [...scopes].join(',') } };
    }
    const result = handler(args, token);
    return { status: 200, body: { ok: true, ...result } };
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, method: string): Promise<void> => {
    const raw = await readBody(req);
    let args: Record<string, unknown>;
    try {
      args = parseArgs(req.headers['content-type'], raw);
    } catch {
      sendJson(res, 200, { ok: false, error: 'invalid_json' });
      return;
    }
    const auth = req.headers.authorization;
    const bearer = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
    const { token: bodyToken, ...rest } = args;
    const token = bearer || (typeof bodyToken === 'string' ? bodyToken : undefined);
    const result = answer(method, rest, token);
    const call: RecordedCall = {
      method,
      args: rest,
      token,
      at: new Date(),
      status: result.status,
      response: result.body,
    };
    calls.push(call);
    if (typeof result.body === 'string') {
      res.writeHead(result.status, { 'content-type': 'text/plain', ...result.headers });
      res.end(result.body);
    } else {
      sendJson(res, result.status, result.body, result.headers);
    }
    events.emit('call', call);
  };

  const handleResponseUrl = async (req: IncomingMessage, res: ServerResponse, id: string): Promise<void> => {
    const raw = await readBody(req);
    if (hold) {
      held += 1;
      events.emit('held');
      await hold;
      held -= 1;
    }
    if (!responseIds.has(id)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no_such_response_url');
      return;
    }
    if (responseFailure) {
      const { status } = responseFailure;
      if (responseFailure.times !== undefined) {
        responseFailure.times -= 1;
        if (responseFailure.times <= 0) responseFailure = undefined;
      }
      res.writeHead(status, { 'content-type': 'text/plain' }).end('expired_url');
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_payload');
      return;
    }
    const recorded: RecordedResponse = { id, url: `${baseUrl}/response/${id}`, body, at: new Date() };
    responses.push(recorded);
    sendJson(res, 200, { ok: true });
    events.emit('response', recorded);
  };

  /** An upload URL: records the bytes of a file Slack handed the URL out for; refuses more than was announced. */
  const handleUpload = async (req: IncomingMessage, res: ServerResponse, id: string): Promise<void> => {
    const bytes = await readBytes(req);
    const file = files.get(id);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('file_not_found');
      return;
    }
    if (uploadFailure) {
      const { status } = uploadFailure;
      if (uploadFailure.times !== undefined && --uploadFailure.times <= 0) uploadFailure = undefined;
      res.writeHead(status, { 'content-type': 'text/plain' }).end('upload_failed');
      return;
    }
    if (bytes.length === 0 || bytes.length > file.length || bytes.length > maxUploadBytes) {
      res.writeHead(413, { 'content-type': 'text/plain' }).end('file_too_large');
      return;
    }
    file.bytes = bytes;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
    events.emit('upload', file);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
    const upload = /^\/upload\/(F[A-Z0-9]+)$/.exec(url.pathname);
    const response = /^\/response\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    const done = (p: Promise<void>) =>
      p.catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: `fake_slack_error: ${String(err)}` });
      });
    if (req.method === 'POST' && api?.[1]) return void done(handleApi(req, res, api[1]));
    if (req.method === 'POST' && response?.[1]) return void done(handleResponseUrl(req, res, response[1]));
    if (req.method === 'POST' && upload?.[1]) return void done(handleUpload(req, res, upload[1]));
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  // Socket Mode: a ws server sharing the HTTP port, accepting only tickets issued by apps.connections.open.
  const wss = new WebSocketServer({ noServer: true });
  const clients = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const ticket = url.searchParams.get('ticket');
    if (!url.pathname.startsWith('/link') || ticket === null || !tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        let msg: unknown;
        try {
          msg = JSON.parse(data.toString());
        } catch {
          return;
        }
        if (msg !== null && typeof msg === 'object' && 'envelope_id' in msg) events.emit('ack', msg as SocketAck);
      });
      ws.on('close', () => {
        clients.delete(ws);
        events.emit('socket-closed');
      });
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: clients.size,
          debug_info: { host: 'applink-fake-1', build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: SLACK_DEFAULTS.apiAppId },
        }),
      );
      events.emit('socket-open', ws);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  const newestClient = (): WebSocket | undefined => [...clients].reverse().find((c) => c.readyState === c.OPEN);

  const sendEnvelope: FakeSocketMode['sendEnvelope'] = (type, payload, envelopeOpts = {}) => {
    const ws = newestClient();
    if (!ws)
      return Promise.reject(new Error('No Socket Mode connection is open; call socket.waitForConnection() first'));
    const envelopeId = randomUUID();
    const acked = waitFor<SocketAck>(
      events,
      'ack',
      () => [],
      (ack) => ack.envelope_id === envelopeId,
      envelopeOpts.timeoutMs ?? defaultTimeoutMs,
      () => `the ack of ${type} envelope ${envelopeId}`,
    );
    ws.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: envelopeOpts.acceptsResponsePayload ?? type !== 'events_api',
        ...(type === 'events_api'
          ? { retry_attempt: envelopeOpts.retryAttempt ?? 0, retry_reason: envelopeOpts.retryReason ?? '' }
          : {}),
      }),
    );
    return acked;
  };

  const fake: FakeSlack = {
    url: baseUrl,
    apiUrl: `${baseUrl}/api/`,
    port,
    get calls() {
      return calls;
    },
    get responses() {
      return responses;
    },
    callsTo: (method) => calls.filter((c) => c.method === method),
    lastCall: (method) => calls.filter((c) => c.method === method).at(-1),
    waitForCall: (method, predicate = () => true, timeoutMs = defaultTimeoutMs) =>
      waitFor<RecordedCall>(
        events,
        'call',
        () => calls,
        (c) => c.method === method && predicate(c),
        timeoutMs,
        () =>
          `a matching ${method} call; calls so far: ${JSON.stringify(calls.map((c) => ({ method: c.method, args: c.args })))}`,
      ),
    responseUrl: () => {
      const id = randomBytes(12).toString('hex');
      responseIds.add(id);
      return `${baseUrl}/response/${id}`;
    },
    waitForResponse: (predicate = () => true, timeoutMs = defaultTimeoutMs) =>
      waitFor<RecordedResponse>(
        events,
        'response',
        () => responses,
        predicate,
        timeoutMs,
        () => `a matching response_url POST; responses so far: ${JSON.stringify(responses.map((r) => r.body))}`,
      ),
    setUser: (id, u) => {
      users.set(id, { ...users.get(id), ...u });
    },
    createChannel: (id, channelOpts = {}) => {
      if (!/^[CG][A-Z0-9_]+$/.test(id)) throw new Error(`a channel id starts with C or G: ${id}`);
      channels.set(id, { name: channelOpts.name ?? id.toLowerCase(), botMember: channelOpts.botMember ?? false });
    },
    inviteBot: (channelId) => {
      const known = channels.get(channelId);
      if (known) known.botMember = true;
      else fake.createChannel(channelId, { botMember: true });
    },
    removeBot: (channelId) => {
      const known = channels.get(channelId);
      if (known) known.botMember = false;
    },
    botCanPost: (channelId) => membershipError(channelId) === undefined,
    failMethod: (method, failure) => {
      failures.set(method, { ...failure });
    },
    setScopes: (granted) => {
      scopes = new Set(granted);
    },
    get files() {
      return files;
    },
    failUploads: (failure) => {
      uploadFailure = { ...failure };
    },
    holdResponses: () => {
      let release = () => {};
      hold = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => {
        hold = undefined;
        release();
      };
    },
    get heldResponses() {
      return held;
    },
    waitForHeldResponse: (timeoutMs = defaultTimeoutMs) =>
      waitFor<unknown>(
        events,
        'held',
        () => (held > 0 ? [true] : []),
        () => true,
        timeoutMs,
        () => 'a response_url POST to hold',
      ).then(() => undefined),
    revokeToken: (token, error = 'token_revoked') => {
      revoked.set(token, error);
    },
    failResponses: (failure) => {
      responseFailure = { ...failure };
    },
    clearFailures: () => {
      failures.clear();
      responseFailure = undefined;
      uploadFailure = undefined;
    },
    reset: () => {
      revoked.clear();
      scopes = new Set(manifestScopes());
      files.clear();
      uploadFailure = undefined;
      calls = [];
      responses = [];
      failures.clear();
      responseFailure = undefined;
      users.clear();
    },
    socket: {
      get connections() {
        return [...clients].filter((c) => c.readyState === c.OPEN).length;
      },
      waitForConnection: (timeoutMs = defaultTimeoutMs) =>
        waitFor<unknown>(
          events,
          'socket-open',
          () => (newestClient() ? [true] : []),
          () => true,
          timeoutMs,
          () => 'a Socket Mode connection (did the app call apps.connections.open with an xapp- token?)',
        ).then(() => undefined),
      waitForNoConnections: (timeoutMs = defaultTimeoutMs) =>
        waitFor<unknown>(
          events,
          'socket-closed',
          () => (clients.size === 0 ? [true] : []),
          () => clients.size === 0,
          timeoutMs,
          () => `all Socket Mode connections to close (${clients.size} open)`,
        ).then(() => undefined),
      sendEnvelope,
      sendSlashCommand: (cmd, timeoutMs) =>
        sendEnvelope(
          'slash_commands',
          slashCommandPayload({ ...cmd, responseUrl: cmd.responseUrl ?? fake.responseUrl() }),
          {
            timeoutMs,
          },
        ),
      sendInteraction: (payload, timeoutMs) =>
        sendEnvelope('interactive', payload, {
          // Slack lets the app answer in the ack only where an HTTP response body would count too.
          acceptsResponsePayload: payload.type !== 'block_actions',
          timeoutMs,
        }),
      sendEvent: (event, envOpts = {}) =>
        sendEnvelope('events_api', eventCallbackPayload(event, envOpts), { timeoutMs: envOpts.timeoutMs }),
      sendDisconnect: (reason = 'warning') => {
        for (const ws of clients) {
          ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake-1' } }));
        }
      },
    },
    close: async () => {
      // A close frame first lets Socket Mode clients shut down without logging an error; terminate stragglers.
      await Promise.all(
        [...clients].map(
          (ws) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(() => {
                ws.terminate();
                resolve();
              }, 250);
              ws.once('close', () => {
                clearTimeout(timer);
                resolve();
              });
              ws.close(1001, 'fake slack closing');
            }),
        ),
      );
      clients.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections from fetch/undici would otherwise hold close() open for seconds.
      server.closeAllConnections();
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
  return fake;
}
