import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Clock } from '../clock.ts';
import { answerResponseUrl } from './response-url.ts';
import { newTriggerId, newViewHash } from './slack-ids.ts';
import { loadSlackState, restoreChannels, saveSlackState } from './slack-state-file.ts';
import {
  type ApiAnswer,
  type Args,
  fail,
  newView,
  type ResponseTarget,
  type SandboxConversation,
  type SandboxMessage,
  type SandboxView,
  seededConversations,
} from './slack-wire.ts';
import { SandboxUploads } from './uploads.ts';
import { callMethod, knowsMethod, type SlackStore } from './web-api-methods.ts';
import {
  dmChannelOf,
  dmUserOf,
  SANDBOX_BOT_TOKEN,
  SANDBOX_PEOPLE,
  SANDBOX_TEAM,
  type SandboxPerson,
} from './workspace.ts';

export type { ApiAnswer, ResponseTarget, SandboxConversation, SandboxMessage, SandboxView } from './slack-wire.ts';
export { wireView } from './slack-wire.ts';

const TRIGGER_TTL_MS = 5 * 60_000;

/**
 * The sandbox's in-process Slack: the Web API methods the app calls, with Slack's answers and refusals
 * (not_in_channel, invalid_trigger_id, hash_conflict …), the messages, threads, ephemerals and views it keeps per
 * person, and the response URLs it hands out. Emits `change` after anything a page may need to redraw.
 */
export class SandboxSlack extends EventEmitter implements SlackStore {
  readonly conversations = new Map<string, SandboxConversation>();
  private messages: SandboxMessage[] = [];
  private readonly modals = new Map<string, SandboxView[]>();
  private readonly homes = new Map<string, SandboxView>();
  private readonly triggers = new Map<string, { userId: string; at: number }>();
  private readonly responseUrls = new Map<string, ResponseTarget>();
  /** Files shared through the upload flow (files.getUploadURLExternal, the bytes, files.completeUploadExternal). */
  readonly uploads: SandboxUploads;
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
    this.uploads = new SandboxUploads(baseUrl);
    this.setMaxListeners(0);
    for (const c of seededConversations()) this.conversations.set(c.id, c);
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
    const created = newView(userId, 'modal', view, top);
    stack.push(created);
    this.modals.set(userId, stack);
    this.changed();
    return created;
  }

  /** A message a person types in a conversation (not a command): kept as Slack keeps it. */
  postAsPerson(userId: string, channel: string, text: string, threadTs?: string): SandboxMessage {
    const m: SandboxMessage = { channel, ts: this.nextTs(), user: userId, text, ...(threadTs ? { threadTs } : {}) };
    this.add(m);
    return m;
  }

  /** Shows an ephemeral from the bot, e.g. the text a command's acknowledgement carried. */
  postEphemeralFromBot(userId: string, channel: string, text: string, blocks?: unknown[]): void {
    this.add({ ...this.botMessage(channel, { text, blocks }), ephemeralFor: userId });
  }

  /** Dismisses an ephemeral (Slack's "Dismiss" under each one). */
  dismissEphemeral(userId: string, channel: string, ts: string): void {
    this.remove((m) => m.channel === channel && m.ts === ts && m.ephemeralFor === userId);
  }

  /** Answers one Web API call as Slack would, for the bot's token only. */
  call(method: string, args: Args, token: string | undefined): ApiAnswer {
    if (!knowsMethod(method)) return fail('unknown_method');
    if (!token) return fail('not_authed');
    if (token !== SANDBOX_BOT_TOKEN) return fail('invalid_auth');
    return callMethod(this, method, args);
  }

  /** Answers a POST to a response_url handed out by `newResponseUrl`; 404 for one the sandbox never gave. */
  respond(id: string, body: Args): number {
    const target = this.responseUrls.get(id);
    if (!target) return 404;
    answerResponseUrl(this, target, body);
    return 200;
  }

  /** Keeps a new message and tells the page. */
  add(message: SandboxMessage): void {
    this.messages.push(message);
    this.changed();
  }

  /** Drops the messages `drop` picks and tells the page. */
  remove(drop: (m: SandboxMessage) => boolean): void {
    this.messages = this.messages.filter((m) => !drop(m));
    this.changed();
  }

  /** Replaces this person's modal stack (views.open starts one, views.push grows it). */
  setModals(userId: string, stack: SandboxView[]): void {
    this.modals.set(userId, stack);
    this.changed();
  }

  /** Keeps the Home tab the app published for this person. */
  setHome(userId: string, view: SandboxView): void {
    this.homes.set(userId, view);
    this.changed();
  }

  /** The person a live trigger_id was handed to, within Slack's time limit. */
  takeTrigger(trigger: unknown): string | undefined {
    const found = typeof trigger === 'string' ? this.triggers.get(trigger) : undefined;
    if (!found || Date.now() - found.at > TRIGGER_TTL_MS) return undefined;
    return found.userId;
  }

  /** The open modal the app named with this external_id. */
  viewByExternalId(externalId: string): SandboxView | undefined {
    if (externalId === '') return undefined;
    for (const stack of this.modals.values()) for (const v of stack) if (v.view.external_id === externalId) return v;
    return undefined;
  }

  /** A message from the bot on the sandbox's clock, not yet kept. */
  botMessage(channel: string, args: { text?: unknown; blocks?: unknown; thread_ts?: unknown }): SandboxMessage {
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

  /** Tells the page that something it shows changed, and keeps Slack's side soon after. */
  changed(): void {
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
    saveSlackState(this.stateFile, {
      messages: this.messages.filter((m) => m.ephemeralFor === undefined),
      homes: [...this.homes.values()],
      members: Object.fromEntries([...this.conversations.values()].map((c) => [c.id, c.members])),
      invited: [...this.conversations.values()].filter((c) => c.kind === 'channel' && c.botMember).map((c) => c.id),
    });
  }

  private load(): void {
    const persisted = this.stateFile ? loadSlackState(this.stateFile) : undefined;
    if (!persisted) return;
    this.messages = persisted.messages;
    for (const h of persisted.homes) this.homes.set(h.userId, h);
    const last = this.messages.at(-1)?.ts;
    if (last) this.lastTsMicros = Math.round(Number(last) * 1e6);
    restoreChannels(this.conversations, persisted);
  }

  /** Whether a conversation id is one the person may see (their channels and their own DM). */
  canSee(userId: string, channel: string): boolean {
    const dmOwner = dmUserOf(channel);
    if (dmOwner) return dmOwner === userId;
    return this.conversations.get(channel)?.members.includes(userId) ?? false;
  }
}
