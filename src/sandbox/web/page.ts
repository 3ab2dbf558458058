import type { ElementAction, FormState, RenderContext } from './blocks.ts';
import { type PageLang, w } from './i18n.ts';
import type { Names } from './mrkdwn.ts';

/** A JSON object, as the sandbox answers. */
export type Json = Record<string, unknown>;

/** A message as the page gets it. */
export interface Message {
  channel: string;
  ts: string;
  user: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  ephemeralFor?: string;
  edited?: boolean;
  replyCount?: number;
  /** Files shared with the message (an export in the requester's DM), each with a download link. */
  files?: Array<{ id: string; name: string; title: string; size: number; url: string }>;
}

/** A modal or Home tab as the page gets it. */
export interface View {
  id: string;
  hash: string;
  type: string;
  blocks: unknown[];
  title?: unknown;
  submit?: unknown;
  close?: unknown;
}

/** Everything the sandbox says the page shows for one person (src/sandbox/page-routes.ts, pageState). */
export interface PageState {
  rev: number;
  now: string;
  lang: string;
  me: string;
  bot: { id: string; name: string };
  people: { id: string; name: string; title: string; role: string }[];
  channels: { id: string; name: string; kind: 'channel' | 'dm' }[];
  dm: string;
  channel: string;
  messages: Message[];
  thread: { parent: Message; replies: Message[] } | null;
  modals: View[];
  home: View | null;
  names: Names;
  empty: boolean;
}

/** The programme's time zone, in which the page shows times. */
export const TZ = 'Asia/Shanghai';

/** Where the person is: kept in the address so a reload (or a second tab) opens the same place. */
export const place = {
  user: '',
  channel: '',
  tab: 'messages' as 'messages' | 'home',
  thread: '',
};
const saved = new URLSearchParams(location.hash.slice(1));
place.user = saved.get('user') ?? '';
place.channel = saved.get('channel') ?? '';
place.tab = saved.get('tab') === 'home' ? 'home' : 'messages';

/** The page's state: the last answer, the clock's distance from this browser's, the status line and requests out. */
export const page = {
  state: undefined as PageState | undefined,
  clockOffset: 0,
  notice: '',
  busy: 0,
};

/** Each open view's inputs, kept across redraws, with the view hash they belong to. */
export const forms = new Map<string, { hash: string; state: FormState }>();
/** Each open view's inline errors by block id. */
export const errors = new Map<string, Record<string, string>>();
/** The key each region was last drawn with (see `slot`). */
export const drawn = new Map<string, string>();

let redraw: () => void = () => {};
let redrawStatus: () => void = () => {};

/** Tells the page how to draw itself; main.ts does, once, so the regions need not import it. */
export function onDraw(draw: () => void, status: () => void): void {
  redraw = draw;
  redrawStatus = status;
}

/** Redraws the status line. */
export function drawStatus(): void {
  redrawStatus();
}

/** Redraws what changed. */
export function draw(): void {
  redraw();
}

/** The state drawn now; regions are drawn only once it is there. */
export function pageState(): PageState {
  return page.state!;
}

/** The page's language: the one the bot uses for the person acting. */
export function lang(): PageLang {
  return page.state?.lang === 'en' ? 'en' : 'zh-CN';
}

function remember(): void {
  const q = new URLSearchParams({ user: place.user, channel: place.channel, tab: place.tab });
  history.replaceState(null, '', `#${q.toString()}`);
}

/** Asks the sandbox to do something as the person acting; a refusal shows in the status line. */
export async function post(path: string, body: Json): Promise<Json> {
  page.busy += 1;
  drawStatus();
  try {
    const res = await fetch(`/sandbox/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: place.user, ...body }),
    });
    const answer = (await res.json()) as Json;
    if (answer.ok === false) page.notice = w(lang(), 'error', { error: String(answer.error) });
    return answer;
  } finally {
    page.busy -= 1;
    await refresh();
  }
}

let refreshing: Promise<void> | undefined;
let again = false;

/** Fetches the state for the current person and place, then redraws what changed. */
export async function refresh(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      const q = new URLSearchParams({ user: place.user, channel: place.channel, thread: place.thread });
      const res = await fetch(`/sandbox/state?${q.toString()}`);
      const state = (await res.json()) as PageState;
      page.state = state;
      place.user = state.me;
      place.channel = state.channel;
      page.clockOffset = new Date(state.now).getTime() - Date.now();
      remember();
      draw();
    } while (again);
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

/** A time (and date) as the programme reads it, in Shanghai. */
export function formatTime(date: Date, withDate: boolean): string {
  return new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: TZ,
    ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** What rendering blocks needs, for a view's form (with its errors) or for a message. */
export function context(form?: FormState, viewErrors?: Record<string, string>, onAction?: (a: ElementAction) => void) {
  const s = pageState();
  const ctx: RenderContext = {
    names: s.names,
    people: s.people.map((p) => ({ id: p.id, name: p.name })),
    lang: lang(),
    onAction: onAction ?? (() => {}),
    ...(form ? { form } : {}),
    ...(viewErrors ? { errors: viewErrors } : {}),
  };
  return ctx;
}

/**
 * Redraws one region inside its parent only when what it shows changed (its key), so typing in a modal is never
 * interrupted by a redraw.
 */
export function slot(parent: HTMLElement, id: string, key: string, build: () => HTMLElement): void {
  const existing = document.getElementById(id);
  if (existing && drawn.get(id) === key) return;
  const fresh = build();
  fresh.id = id;
  drawn.set(id, key);
  if (existing) existing.replaceWith(fresh);
  else parent.appendChild(fresh);
}
