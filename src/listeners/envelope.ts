import { z } from 'zod';

// The shapes of what Slack sends, checked before Bolt routes a request: Bolt reads `body.user.team_id`,
// `body.view.app_installed_team_id` and the like without looking, and the listeners read `body.user.id`,
// `view.state.values` and `command.text`. A body that does not have them is not from Slack's documented
// interface (or has been tampered with), so it is answered without being run. Schemas are loose: Slack adds fields.

const MAX_TEXT = 50_000;
// Slack's ids are upper-case letters and digits; the underscore is let through so the check only rejects what could
// never be an id (objects, empty or huge strings, markup), not the readable ids of local set-ups and tests.
const SlackId = z.string().regex(/^[A-Z0-9_]{2,40}$/);
const UserId = z.string().regex(/^[UW][A-Z0-9_]{1,40}$/);
const Text = z.string().max(MAX_TEXT);
const User = z.looseObject({ id: UserId });
const Team = z.looseObject({ id: SlackId }).nullable().optional();
const Option = z.looseObject({ value: Text });

/** One input's value in `view.state.values`: every field the listeners read, with the type they read it as. */
const StateValue = z.looseObject({
  type: z.string().max(100),
  value: Text.nullish(),
  selected_option: Option.nullish(),
  selected_options: z.array(Option).max(100).nullish(),
  selected_user: UserId.nullish(),
  selected_users: z.array(UserId).max(100).nullish(),
  selected_date: z.string().max(20).nullish(),
  selected_time: z.string().max(20).nullish(),
  selected_date_time: z.number().finite().nullish(),
  selected_conversation: SlackId.nullish(),
  selected_channel: SlackId.nullish(),
});

const View = z.looseObject({
  id: SlackId,
  callback_id: z.string().max(255),
  private_metadata: z.string().max(3000),
  state: z.looseObject({ values: z.record(z.string().max(255), z.record(z.string().max(255), StateValue)) }),
});

const Action = z.looseObject({
  type: z.string().max(100),
  action_id: z.string().max(255),
  block_id: z.string().max(255),
  value: z.string().max(2000).optional(),
  selected_option: Option.nullish(),
});

const ResponseUrl = z.url({ protocol: /^https?$/ }).max(2000);

const BlockActions = z.looseObject({
  type: z.literal('block_actions'),
  user: User,
  team: Team,
  trigger_id: z.string().max(255),
  actions: z.array(Action).min(1).max(25),
  response_url: ResponseUrl.optional(),
  channel: z.looseObject({ id: SlackId }).optional(),
  view: View.optional(),
});

const ViewPayload = z.looseObject({
  type: z.enum(['view_submission', 'view_closed']),
  user: User,
  team: Team,
  view: View,
  response_urls: z
    .array(z.looseObject({ response_url: ResponseUrl }))
    .max(25)
    .optional(),
});

const Shortcut = z.looseObject({
  type: z.enum(['shortcut', 'message_action']),
  user: User,
  team: Team,
  callback_id: z.string().max(255),
  trigger_id: z.string().max(255),
  response_url: ResponseUrl.optional(),
});

const BlockSuggestion = z.looseObject({
  type: z.literal('block_suggestion'),
  user: User,
  team: Team,
  action_id: z.string().max(255),
  value: Text,
});

const Command = z.looseObject({
  command: z.string().regex(/^\/[\w-]{1,32}$/),
  text: Text,
  user_id: UserId,
  channel_id: SlackId,
  team_id: SlackId,
  trigger_id: z.string().max(255),
  response_url: ResponseUrl,
});

/** The events the app listens to, with the fields their listeners read; any other event needs only its type. */
const KNOWN_EVENTS: Record<string, z.ZodType> = {
  app_home_opened: z.looseObject({ type: z.literal('app_home_opened'), user: UserId, tab: z.string().max(50) }),
};

const EventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event_id: z.string().min(1).max(255),
  team_id: SlackId,
  event: z.looseObject({ type: z.string().max(255) }),
});

/** How Bolt will route a body; mirrors `getTypeAndConversation` so a body is checked as what it will be run as. */
type BoltKind = 'event' | 'command' | 'options' | 'action' | 'shortcut' | 'view';

function boltKind(body: Record<string, unknown>): BoltKind | undefined {
  if (body.event !== undefined) return 'event';
  if (body.command !== undefined) return 'command';
  if (body.name !== undefined || body.type === 'block_suggestion') return 'options';
  if (body.actions !== undefined || body.type === 'dialog_submission') return 'action';
  if (body.type === 'shortcut' || body.type === 'message_action') return 'shortcut';
  if (body.type === 'view_submission' || body.type === 'view_closed') return 'view';
  return undefined;
}

const SCHEMA_OF: Record<BoltKind, z.ZodType> = {
  event: EventCallback,
  command: Command,
  options: BlockSuggestion,
  action: BlockActions,
  shortcut: Shortcut,
  view: ViewPayload,
};

/** Who to answer about a request that could not be read, when the body says so plausibly. */
export interface Asker {
  userId?: string;
  responseUrl?: string;
}

/** What the boundary made of a request body. */
export type Envelope =
  | { kind: 'ok'; route: BoltKind; eventId?: string }
  /** Nothing to run and nobody to answer (app_rate_limited, a type the app does not use). */
  | { kind: 'ignored'; type: string }
  /** Shaped like a Slack request but not one Slack sends: answered, never run. */
  | { kind: 'unreadable'; route: BoltKind; problem: string; asker: Asker };

/** Checks a request body against the shape Slack sends for its kind. Never throws. */
export function readEnvelope(body: unknown): Envelope {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { kind: 'ignored', type: typeof body };
  const b = body as Record<string, unknown>;
  const route = boltKind(b);
  if (!route) return { kind: 'ignored', type: typeof b.type === 'string' ? b.type.slice(0, 100) : 'unknown' };
  const parsed = SCHEMA_OF[route].safeParse(b);
  const event = route === 'event' && parsed.success ? (b.event as { type: string }) : undefined;
  const eventSchema = event ? KNOWN_EVENTS[event.type] : undefined;
  const eventParsed = eventSchema?.safeParse(event);
  if (parsed.success && eventParsed?.success !== false) {
    return route === 'event' ? { kind: 'ok', route, eventId: String(b.event_id) } : { kind: 'ok', route };
  }
  const issue = (parsed.success ? eventParsed?.error : parsed.error)?.issues[0];
  const problem = issue ? `${issue.path.join('.') || '(body)'}: ${issue.code}` : 'unreadable';
  return { kind: 'unreadable', route, problem, asker: askerOf(b) };
}

/** The user id and response_url of a body, each only when it has Slack's shape (a tampered body may have neither). */
function askerOf(b: Record<string, unknown>): Asker {
  const user = b.user as { id?: unknown } | null | undefined;
  const rawUser = typeof user === 'object' && user !== null ? user.id : b.user_id;
  const userId = UserId.safeParse(rawUser);
  const url = ResponseUrl.safeParse(b.response_url);
  return {
    ...(userId.success ? { userId: userId.data } : {}),
    ...(url.success ? { responseUrl: url.data } : {}),
  };
}
