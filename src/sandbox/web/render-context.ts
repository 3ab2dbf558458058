import type { PageLang } from './i18n.ts';
import type { Names } from './mrkdwn.ts';

/** A JSON object as the bot sends it. */
export type Json = Record<string, unknown>;

/** One element's value as Slack reports it in `view.state.values`. */
export type StateValue = Json & { type: string };

/** The state of one view's inputs: `{ [blockId]: { [actionId]: value } }`. */
export type FormState = Record<string, Record<string, StateValue>>;

/** The action Slack reports in `actions[0]` when an element is used. */
export type ElementAction = Json & { type: string; action_id: string; block_id: string };

/** Someone to pick in a users select. */
export interface PersonOption {
  id: string;
  name: string;
}

/** What rendering needs: names for mentions, the people, the page's language, and where actions and state go. */
export interface RenderContext {
  names: Names;
  people: PersonOption[];
  lang: PageLang;
  /** Sends an element's action to the app (after its confirm dialog, when it has one). */
  onAction(action: ElementAction): void;
  /** The view's inputs, kept across redraws; absent on messages. */
  form?: FormState;
  /** Inline errors by block id, from the last submission. */
  errors?: Record<string, string>;
}

/** A block element as the bot sends it. */
export type Element = Json & { type: string; action_id?: string };

/** An option of a select, overflow, checkbox group or radio group. */
export type Option = { text?: unknown; value?: string; description?: unknown };

/** Remembers a value in the view's state (when rendering a view) and, for elements that act at once, sends it. */
export function useValue(
  ctx: RenderContext,
  blockId: string,
  element: Element,
  value: StateValue,
  act: boolean,
  extra: Json = {},
): void {
  const actionId = element.action_id ?? 'action';
  if (ctx.form) {
    ctx.form[blockId] ??= {};
    ctx.form[blockId]![actionId] = value;
  }
  if (act) ctx.onAction({ ...value, ...extra, action_id: actionId, block_id: blockId });
}

/** The value kept for an element so far, else the one its initial_* fields give. */
export function current(ctx: RenderContext, blockId: string, element: Element): StateValue | undefined {
  const kept = ctx.form?.[blockId]?.[element.action_id ?? 'action'];
  if (kept) return kept;
  const initial = initialValue(element);
  if (initial && ctx.form) {
    ctx.form[blockId] ??= {};
    ctx.form[blockId]![element.action_id ?? 'action'] = initial;
  }
  return initial;
}

function initialValue(e: Element): StateValue | undefined {
  const type = e.type;
  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return typeof e.initial_value === 'string' ? { type, value: e.initial_value } : undefined;
    case 'static_select':
    case 'radio_buttons':
    case 'external_select':
      return e.initial_option ? { type, selected_option: e.initial_option as Json } : undefined;
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return Array.isArray(e.initial_options) ? { type, selected_options: e.initial_options } : undefined;
    case 'datepicker':
      return typeof e.initial_date === 'string' ? { type, selected_date: e.initial_date } : undefined;
    case 'timepicker':
      return typeof e.initial_time === 'string' ? { type, selected_time: e.initial_time } : undefined;
    case 'datetimepicker':
      return typeof e.initial_date_time === 'number' ? { type, selected_date_time: e.initial_date_time } : undefined;
    case 'users_select':
      return typeof e.initial_user === 'string' ? { type, selected_user: e.initial_user } : undefined;
    case 'multi_users_select':
      return Array.isArray(e.initial_users) ? { type, selected_users: e.initial_users } : undefined;
    default:
      return undefined;
  }
}

/** An element's options, those in option groups included. */
export function options(e: Element): Option[] {
  if (Array.isArray(e.options)) return e.options as Option[];
  if (Array.isArray(e.option_groups))
    return (e.option_groups as { options?: Option[] }[]).flatMap((g) => g.options ?? []);
  return [];
}

/** The option Slack sends back: its text and value, as the element listed it. */
export function optionOut(o: Option): Json {
  return { text: o.text, value: o.value };
}

/** A link the page may follow: web, mail and inline images only (never `javascript:`). */
export function safeUrl(url: unknown): string | undefined {
  return typeof url === 'string' && /^(https?:|mailto:|data:image\/)/i.test(url) ? url : undefined;
}
