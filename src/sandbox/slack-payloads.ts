import { randomBytes } from 'node:crypto';
import { newTriggerId, newViewHash, newViewId, placeholderResponseUrl, SLACK_DEFAULTS, slackTs } from './slack-ids.ts';

// The identifiers are kept apart (slack-ids.ts); the payloads' users import them from here as before.
export { newTriggerId, newViewHash, newViewId, SLACK_DEFAULTS, slackTs } from './slack-ids.ts';

/** Fields of a slash command invocation; everything but `text`, `userId` and `channelId` has a default. */
export interface CommandOptions {
  command?: string;
  text: string;
  userId: string;
  userName?: string;
  channelId: string;
  channelName?: string;
  teamId?: string;
  teamDomain?: string;
  apiAppId?: string;
  responseUrl?: string;
  triggerId?: string;
}

/** The slash command body exactly as Slack sends it (form fields over HTTP, a JSON object over Socket Mode). */
export function slashCommandPayload(opts: CommandOptions): Record<string, string> {
  const teamId = opts.teamId ?? SLACK_DEFAULTS.teamId;
  return {
    token: SLACK_DEFAULTS.verificationToken,
    team_id: teamId,
    team_domain: opts.teamDomain ?? SLACK_DEFAULTS.teamDomain,
    channel_id: opts.channelId,
    channel_name: opts.channelName ?? (opts.channelId.startsWith('D') ? 'directmessage' : 'general'),
    user_id: opts.userId,
    user_name: opts.userName ?? SLACK_DEFAULTS.userName,
    command: opts.command ?? '/pilot',
    text: opts.text,
    api_app_id: opts.apiAppId ?? SLACK_DEFAULTS.apiAppId,
    is_enterprise_install: 'false',
    response_url: opts.responseUrl ?? placeholderResponseUrl(teamId),
    trigger_id: opts.triggerId ?? newTriggerId(),
  };
}

/** One input's state in a view: a bare string is shorthand for a plain_text_input value. */
export type StateValue = string | ({ type: string } & Record<string, unknown>);
/** View state as `{ [blockId]: { [actionId]: value } }`, like `view.state.values`. */
export type StateValues = Record<string, Record<string, StateValue>>;

/** Expands string shorthands into Slack's `{ type: 'plain_text_input', value }` objects. */
export function stateValues(values: StateValues = {}): Record<string, Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const block: Record<string, Record<string, unknown>> = {};
    for (const [actionId, value] of Object.entries(actions)) {
      block[actionId] = typeof value === 'string' ? { type: 'plain_text_input', value } : value;
    }
    out[blockId] = block;
  }
  return out;
}

/** Who acts in an interaction, and in which workspace. */
export interface ActorOptions {
  userId: string;
  userName?: string;
  teamId?: string;
  teamDomain?: string;
  apiAppId?: string;
}

function team(opts: ActorOptions) {
  return { id: opts.teamId ?? SLACK_DEFAULTS.teamId, domain: opts.teamDomain ?? SLACK_DEFAULTS.teamDomain };
}

function user(opts: ActorOptions) {
  const name = opts.userName ?? SLACK_DEFAULTS.userName;
  return { id: opts.userId, username: name, name, team_id: opts.teamId ?? SLACK_DEFAULTS.teamId };
}

/** Options for a view as Slack echoes it back in view_submission/view_closed/block_actions. */
export interface ViewOptions {
  viewId?: string;
  callbackId: string;
  privateMetadata?: string;
  values?: StateValues;
  hash?: string;
  blocks?: unknown[];
  title?: string;
  externalId?: string;
  rootViewId?: string | null;
  previousViewId?: string | null;
}

/** The `view` object Slack attaches to view interactions. */
export function viewOutput(opts: ViewOptions & { teamId?: string; apiAppId?: string }): Record<string, unknown> {
  const id = opts.viewId ?? newViewId();
  return {
    id,
    team_id: opts.teamId ?? SLACK_DEFAULTS.teamId,
    type: 'modal',
    blocks: opts.blocks ?? [],
    private_metadata: opts.privateMetadata ?? '',
    callback_id: opts.callbackId,
    state: { values: stateValues(opts.values) },
    hash: opts.hash ?? newViewHash(),
    title: { type: 'plain_text', text: opts.title ?? 'Pilot Desk', emoji: true },
    clear_on_close: false,
    notify_on_close: false,
    close: { type: 'plain_text', text: 'Cancel', emoji: true },
    submit: { type: 'plain_text', text: 'Submit', emoji: true },
    previous_view_id: opts.previousViewId ?? null,
    root_view_id: opts.rootViewId === undefined ? id : opts.rootViewId,
    app_id: opts.apiAppId ?? SLACK_DEFAULTS.apiAppId,
    external_id: opts.externalId ?? '',
    app_installed_team_id: opts.teamId ?? SLACK_DEFAULTS.teamId,
    bot_id: SLACK_DEFAULTS.botId,
  };
}

/** A button click (or other block element action) in a message or, with `viewId`/`view`, in a modal. */
export interface BlockActionsOptions extends ActorOptions {
  actionId: string;
  value?: string;
  blockId?: string;
  /** Element type; `button` unless said otherwise. Extra element fields go in `element`. */
  elementType?: string;
  element?: Record<string, unknown>;
  channelId?: string;
  messageTs?: string;
  triggerId?: string;
  viewId?: string;
  /** The modal the action happened in (defaults to a bare modal when only `viewId` is given). */
  view?: ViewOptions;
  responseUrl?: string;
}

/** A `block_actions` interaction payload with every field Bolt's `BlockAction` type declares. */
export function blockActionsPayload(opts: BlockActionsOptions): Record<string, unknown> {
  const actionTs = slackTs();
  const blockId = opts.blockId ?? 'actions';
  const action: Record<string, unknown> = {
    type: opts.elementType ?? 'button',
    action_id: opts.actionId,
    block_id: blockId,
    action_ts: actionTs,
    ...(opts.elementType === undefined || opts.elementType === 'button'
      ? { text: { type: 'plain_text', text: opts.actionId, emoji: true } }
      : {}),
    ...(opts.value !== undefined ? { value: opts.value } : {}),
    ...opts.element,
  };
  const base: Record<string, unknown> = {
    type: 'block_actions',
    user: user(opts),
    api_app_id: opts.apiAppId ?? SLACK_DEFAULTS.apiAppId,
    token: SLACK_DEFAULTS.verificationToken,
    trigger_id: opts.triggerId ?? newTriggerId(),
    team: team(opts),
    enterprise: null,
    is_enterprise_install: false,
    actions: [action],
  };
  const inView = opts.viewId !== undefined || opts.view !== undefined;
  if (inView) {
    const view = viewOutput({ callbackId: '', ...opts.view, viewId: opts.view?.viewId ?? opts.viewId });
    return {
      ...base,
      container: { type: 'view', view_id: view.id },
      view,
      state: view.state,
    };
  }
  const channelId = opts.channelId ?? 'C0PILOTGEN';
  const messageTs = opts.messageTs ?? slackTs();
  return {
    ...base,
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    channel: { id: channelId, name: channelId.startsWith('D') ? 'directmessage' : 'general' },
    message: { type: 'message', user: SLACK_DEFAULTS.botUserId, ts: messageTs, text: '', bot_id: SLACK_DEFAULTS.botId },
    state: { values: {} },
    response_url: opts.responseUrl ?? placeholderResponseUrl(opts.teamId),
  };
}

/** A modal submission or close, as Slack sends it. */
export interface ViewSubmissionOptions extends ActorOptions, ViewOptions {
  triggerId?: string;
  /** Only for modals with `response_url_enabled`; Slack then sends `response_urls`. */
  responseUrls?: { blockId: string; actionId: string; channelId: string; responseUrl: string }[];
}

/** A `view_submission` interaction payload. */
export function viewSubmissionPayload(opts: ViewSubmissionOptions): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: team(opts),
    user: user(opts),
    api_app_id: opts.apiAppId ?? SLACK_DEFAULTS.apiAppId,
    token: SLACK_DEFAULTS.verificationToken,
    trigger_id: opts.triggerId ?? newTriggerId(),
    view: viewOutput(opts),
    response_urls: (opts.responseUrls ?? []).map((r) => ({
      block_id: r.blockId,
      action_id: r.actionId,
      channel_id: r.channelId,
      response_url: r.responseUrl,
    })),
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** A `view_closed` interaction payload (sent only for modals opened with `notify_on_close`). */
export function viewClosedPayload(opts: ActorOptions & ViewOptions & { isCleared?: boolean }): Record<string, unknown> {
  return {
    type: 'view_closed',
    team: team(opts),
    user: user(opts),
    api_app_id: opts.apiAppId ?? SLACK_DEFAULTS.apiAppId,
    token: SLACK_DEFAULTS.verificationToken,
    view: { ...viewOutput(opts), notify_on_close: true },
    is_cleared: opts.isCleared ?? false,
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** Envelope options for an Events API callback. */
export interface EventEnvelopeOptions {
  teamId?: string;
  apiAppId?: string;
  eventId?: string;
  eventTime?: number;
}

let eventCounter = 0;

/** An `event_callback` envelope around `event`, including the `authorizations` Bolt reads the bot user from. */
export function eventCallbackPayload(
  event: Record<string, unknown>,
  opts: EventEnvelopeOptions = {},
): Record<string, unknown> {
  eventCounter += 1;
  const teamId = opts.teamId ?? SLACK_DEFAULTS.teamId;
  return {
    token: SLACK_DEFAULTS.verificationToken,
    team_id: teamId,
    enterprise_id: null,
    api_app_id: opts.apiAppId ?? SLACK_DEFAULTS.apiAppId,
    event: { event_ts: slackTs(), ...event },
    type: 'event_callback',
    event_id:
      opts.eventId ?? `Ev${String(eventCounter).padStart(4, '0')}${randomBytes(4).toString('hex').toUpperCase()}`,
    event_time: opts.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: SLACK_DEFAULTS.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(12).toString('base64url')}`,
  };
}
