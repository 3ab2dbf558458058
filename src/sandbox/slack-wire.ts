import { newViewHash, newViewId } from './slack-ids.ts';
import { dmChannelOf, SANDBOX_CHANNELS, SANDBOX_PEOPLE, SANDBOX_TEAM } from './workspace.ts';

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
  /** Files shared with the message (files.completeUploadExternal); `url` downloads the bytes from the sandbox. */
  files?: SandboxFile[];
}

/** A file shared in a conversation, as the page shows it: its name, title, size and a download link. */
export interface SandboxFile {
  id: string;
  name: string;
  title: string;
  size: number;
  url: string;
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

/** A Web API call's arguments, as the WebClient sends them. */
export type Args = Record<string, unknown>;

/** A message as the Web API returns it. */
export function wireMessage(m: SandboxMessage): Record<string, unknown> {
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
    ...(m.files
      ? { files: m.files.map((f) => ({ id: f.id, name: f.name, title: f.title, size: f.size, url_private: f.url })) }
      : {}),
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

/** The view argument of views.* as an object with blocks, whether sent as JSON text or as an object. */
export function asView(view: unknown): Record<string, unknown> | undefined {
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

/** Slack's `no_text` when a message has neither text nor blocks. */
export function noContent(args: Args): string | undefined {
  return args.text === undefined && args.blocks === undefined ? 'no_text' : undefined;
}

/** A successful Web API answer. */
export function ok(body: Args): ApiAnswer {
  return { status: 200, body: { ok: true, ...body } };
}

/** Slack's refusal: HTTP 200 with `ok: false` and the error code. */
export function fail(error: string): ApiAnswer {
  return { status: 200, body: { ok: false, error } };
}

/** A flag as Slack reads it from form or JSON bodies. */
export function truthy(v: unknown): boolean {
  return v === true || v === 'true' || v === '1' || v === 1;
}

/** A new view for this person, in the stack above `previous` when there is one. */
export function newView(
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

/** The seeded channels (the bot a member where invited) and every person's DM with the bot, as a first start has them. */
export function seededConversations(): SandboxConversation[] {
  return [
    ...SANDBOX_CHANNELS.map((c) => ({
      id: c.id,
      name: c.name,
      kind: 'channel' as const,
      members: [...c.members],
      botMember: c.bot,
    })),
    ...SANDBOX_PEOPLE.map((p) => ({
      id: dmChannelOf(p.id),
      name: p.realName,
      kind: 'dm' as const,
      members: [p.id],
      botMember: true,
    })),
  ];
}
