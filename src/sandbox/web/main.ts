import { type ElementAction, type FormState, type RenderContext, renderBlocks } from './blocks.ts';
import { h } from './dom.ts';
import { type PageLang, w } from './i18n.ts';
import { mrkdwn, type Names, plain } from './mrkdwn.ts';

type Json = Record<string, unknown>;

interface Message {
  channel: string;
  ts: string;
  user: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  ephemeralFor?: string;
  edited?: boolean;
  replyCount?: number;
}

interface View {
  id: string;
  hash: string;
  type: string;
  blocks: unknown[];
  title?: unknown;
  submit?: unknown;
  close?: unknown;
}

interface PageState {
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

const TZ = 'Asia/Shanghai';
const root = document.getElementById('app')!;

// Where the person is: kept in the address so a reload (or a second tab) opens the same place.
const place = {
  user: '',
  channel: '',
  tab: 'messages' as 'messages' | 'home',
  thread: '',
};
const saved = new URLSearchParams(location.hash.slice(1));
place.user = saved.get('user') ?? '';
place.channel = saved.get('channel') ?? '';
place.tab = saved.get('tab') === 'home' ? 'home' : 'messages';

let state: PageState | undefined;
let clockOffset = 0;
let notice = '';
let busy = 0;
const forms = new Map<string, { hash: string; state: FormState }>();
const errors = new Map<string, Record<string, string>>();
const drawn = new Map<string, string>();

function lang(): PageLang {
  return state?.lang === 'en' ? 'en' : 'zh-CN';
}

function remember(): void {
  const q = new URLSearchParams({ user: place.user, channel: place.channel, tab: place.tab });
  history.replaceState(null, '', `#${q.toString()}`);
}

async function post(path: string, body: Json): Promise<Json> {
  busy += 1;
  drawStatus();
  try {
    const res = await fetch(`/sandbox/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: place.user, ...body }),
    });
    const answer = (await res.json()) as Json;
    if (answer.ok === false) notice = w(lang(), 'error', { error: String(answer.error) });
    return answer;
  } finally {
    busy -= 1;
    await refresh();
  }
}

let refreshing: Promise<void> | undefined;
let again = false;

/** Fetches the state for the current person and place, then redraws what changed. */
async function refresh(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      const q = new URLSearchParams({ user: place.user, channel: place.channel, thread: place.thread });
      const res = await fetch(`/sandbox/state?${q.toString()}`);
      state = (await res.json()) as PageState;
      place.user = state.me;
      place.channel = state.channel;
      clockOffset = new Date(state.now).getTime() - Date.now();
      remember();
      draw();
    } while (again);
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

function formatTime(date: Date, withDate: boolean): string {
  return new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: TZ,
    ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

function context(form?: FormState, viewErrors?: Record<string, string>, onAction?: (a: ElementAction) => void) {
  const s = state!;
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

function draw(): void {
  const s = state;
  if (!s) return;
  document.documentElement.lang = lang();
  if (!document.getElementById('shell')) {
    root.textContent = '';
    root.appendChild(
      h(
        'div',
        { id: 'shell' },
        h('header', { id: 'topbar-slot' }),
        h('nav', { id: 'sidebar-slot' }),
        h('main', { id: 'main-slot' }),
        h('aside', { id: 'thread-slot' }),
      ),
    );
  }
  const at = (id: string) => document.getElementById(id)!;
  slot(at('topbar-slot'), 'topbar', JSON.stringify([s.me, lang(), s.people]), topbar);
  slot(at('sidebar-slot'), 'sidebar', JSON.stringify([s.channels, s.channel, place.tab, lang(), s.empty]), sidebar);
  const current = s.channels.find((c) => c.id === s.channel);
  slot(
    at('main-slot'),
    'conversation',
    JSON.stringify([s.channel, place.tab, s.messages, s.home, lang(), s.empty, s.names]),
    conversation,
  );
  slot(at('main-slot'), 'composer', JSON.stringify([s.channel, place.tab, lang()]), () =>
    place.tab === 'home' && current?.kind === 'dm'
      ? h('div', { class: 'hidden' })
      : composer(current?.kind === 'dm' ? undefined : current?.name),
  );
  slot(at('thread-slot'), 'thread', JSON.stringify([s.thread, lang()]), threadPane);
  const top = s.modals.at(-1);
  slot(root, 'modal', JSON.stringify([top?.id, top?.hash, top && errors.get(top.id), lang()]), modal);
  drawStatus();
  drawClock();
  if (!current) place.tab = 'messages';
}

/**
 * Redraws one region inside its parent only when what it shows changed (its key), so typing in a modal is never
 * interrupted by a redraw.
 */
function slot(parent: HTMLElement, id: string, key: string, build: () => HTMLElement): void {
  const existing = document.getElementById(id);
  if (existing && drawn.get(id) === key) return;
  const fresh = build();
  fresh.id = id;
  drawn.set(id, key);
  if (existing) existing.replaceWith(fresh);
  else parent.appendChild(fresh);
}

function drawStatus(): void {
  const el = document.getElementById('status');
  if (!el) return;
  el.textContent = busy > 0 ? w(lang(), 'working') : notice;
}

function drawClock(): void {
  const el = document.getElementById('clock-now');
  if (el) el.textContent = formatTime(new Date(Date.now() + clockOffset), true);
}
setInterval(drawClock, 1000);

function topbar(): HTMLElement {
  const s = state!;
  const me = s.people.find((p) => p.id === s.me);
  const pickDefault = new Date(Date.now() + clockOffset + 24 * 3600_000);
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(pickDefault)
    .replace(' ', 'T');
  const at = h('input', { type: 'datetime-local', id: 'advance-at', value: local });
  return h(
    'div',
    { class: 'topbar' },
    h('div', { class: 'workspace' }, w(lang(), 'workspace'), h('span', { class: 'note' }, w(lang(), 'sandboxNote'))),
    h(
      'form',
      {
        class: 'clock',
        onsubmit: async (ev: Event) => {
          ev.preventDefault();
          const value = (at as HTMLInputElement).value;
          if (!value) return;
          // The picker's wall time is the programme's (Shanghai), whatever the browser's zone.
          const to = `${value.length === 16 ? `${value}:00` : value}+08:00`;
          const answer = await post('advance', { to });
          notice =
            answer.ok === true
              ? w(lang(), 'advanced', { at: formatTime(new Date(to), true) })
              : w(lang(), 'backwards', { now: formatTime(new Date(String(answer.now)), true) });
          drawStatus();
        },
      },
      h('span', { class: 'label' }, w(lang(), 'clock')),
      h('strong', { id: 'clock-now' }),
      h('label', { class: 'label' }, w(lang(), 'advance'), at),
      h('button', { type: 'submit', class: 'button', id: 'advance' }, w(lang(), 'advanceButton')),
    ),
    h(
      'label',
      { class: 'switcher' },
      h('span', { class: 'label' }, w(lang(), 'actingAs')),
      h(
        'select',
        {
          id: 'user-switcher',
          onchange: (ev: Event) => {
            place.user = (ev.target as HTMLSelectElement).value;
            place.thread = '';
            notice = '';
            void refresh();
          },
        },
        s.people.map((p) => h('option', { value: p.id, selected: p.id === s.me }, `${p.name} · ${p.title}`)),
      ),
      me ? h('span', { class: 'avatar small' }, me.name.slice(0, 1)) : null,
    ),
    h('div', { id: 'status', class: 'status', 'aria-live': 'polite' }),
  );
}

function sidebar(): HTMLElement {
  const s = state!;
  const go = (channel: string, tab: 'messages' | 'home') => () => {
    place.channel = channel;
    place.tab = tab;
    place.thread = '';
    if (tab === 'home') void post('home', {});
    else void refresh();
  };
  const channels = s.channels.filter((c) => c.kind === 'channel');
  return h(
    'div',
    { class: 'sidebar' },
    h('div', { class: 'section-title' }, w(lang(), 'channels')),
    channels.map((c) =>
      h(
        'button',
        {
          type: 'button',
          class: `nav${c.id === s.channel ? ' active' : ''}`,
          'data-channel': c.name,
          onclick: go(c.id, 'messages'),
        },
        `# ${c.name}`,
      ),
    ),
    h('div', { class: 'section-title' }, w(lang(), 'apps')),
    h(
      'button',
      {
        type: 'button',
        class: `nav${s.channel === s.dm ? ' active' : ''}`,
        id: 'nav-app',
        onclick: go(s.dm, place.tab),
      },
      h('span', { class: 'avatar bot small' }, 'P'),
      s.bot.name,
    ),
    s.empty
      ? h(
          'div',
          { class: 'seed-box' },
          h('strong', {}, w(lang(), 'emptyTitle')),
          h('p', {}, w(lang(), 'emptyText')),
          h(
            'button',
            {
              type: 'button',
              class: 'button primary',
              id: 'seed',
              onclick: async () => {
                notice = w(lang(), 'seeding');
                drawStatus();
                const answer = await post('seed', {});
                if (answer.ok === true) notice = w(lang(), 'seeded');
                drawStatus();
              },
            },
            w(lang(), 'seed'),
          ),
        )
      : null,
  );
}

function conversation(): HTMLElement {
  const s = state!;
  const c = s.channels.find((x) => x.id === s.channel)!;
  const isDm = c.kind === 'dm';
  const header = h(
    'div',
    { class: 'conversation-header' },
    h('strong', {}, isDm ? s.bot.name : `# ${c.name}`),
    isDm
      ? h(
          'div',
          { class: 'tabs', role: 'tablist' },
          (['home', 'messages'] as const).map((tab) =>
            h(
              'button',
              {
                type: 'button',
                role: 'tab',
                class: `tab${place.tab === tab ? ' active' : ''}`,
                id: `tab-${tab}`,
                onclick: () => {
                  place.tab = tab;
                  if (tab === 'home') void post('home', {});
                  else void refresh();
                },
              },
              w(lang(), tab),
            ),
          ),
        )
      : null,
  );
  if (isDm && place.tab === 'home') {
    const home = s.home;
    return h(
      'section',
      { class: 'conversation' },
      header,
      h(
        'div',
        { class: 'home', id: 'home-view' },
        home ? renderBlocks(home.blocks, viewContext(home)) : h('p', { class: 'muted' }, w(lang(), 'noHome')),
      ),
    );
  }
  const list = h(
    'div',
    { class: 'messages', id: 'messages' },
    s.messages.map((m) => messageView(m, true)),
  );
  queueMicrotask(() => {
    list.scrollTop = list.scrollHeight;
  });
  return h('section', { class: 'conversation' }, header, list);
}

function composer(channelName: string | undefined, threadTs?: string): HTMLElement {
  const input = h('textarea', {
    rows: 1,
    class: 'composer-input',
    placeholder: threadTs
      ? w(lang(), 'composerThread')
      : channelName
        ? w(lang(), 'composerChannel', { name: channelName })
        : w(lang(), 'composerDm'),
    'aria-label': 'message',
  }) as HTMLTextAreaElement;
  const send = async () => {
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    await post('say', { channel: place.channel, text, ...(threadTs ? { threadTs } : {}) });
  };
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      void send();
    }
  });
  return h(
    'form',
    {
      class: 'composer',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        void send();
      },
    },
    input,
    h('button', { type: 'submit', class: 'button primary' }, w(lang(), 'send')),
  );
}

function messageView(m: Message, withReplies: boolean): HTMLElement {
  const s = state!;
  const bot = m.user === s.bot.id;
  const author = s.names.users[m.user] ?? m.user;
  const ctx = context(undefined, undefined, (action) => {
    void post('action', { channel: m.channel, ts: m.ts, action });
  });
  const body = m.blocks && m.blocks.length > 0 ? renderBlocks(m.blocks, ctx) : mrkdwn(m.text, s.names);
  return h(
    'article',
    { class: `message${m.ephemeralFor ? ' ephemeral' : ''}`, 'data-ts': m.ts },
    h('span', { class: `avatar${bot ? ' bot' : ''}` }, bot ? 'P' : author.slice(0, 1)),
    h(
      'div',
      { class: 'message-body' },
      h(
        'div',
        { class: 'message-meta' },
        h('strong', {}, author),
        bot ? h('span', { class: 'badge' }, w(lang(), 'bot')) : null,
        h('span', { class: 'time' }, formatTime(new Date(Number(m.ts) * 1000), true)),
        m.edited ? h('span', { class: 'muted' }, w(lang(), 'edited')) : null,
      ),
      body,
      m.ephemeralFor
        ? h(
            'div',
            { class: 'ephemeral-note' },
            `👁 ${w(lang(), 'onlyYou')} · `,
            h(
              'button',
              { type: 'button', class: 'link', onclick: () => void post('dismiss', { channel: m.channel, ts: m.ts }) },
              w(lang(), 'dismiss'),
            ),
          )
        : null,
      withReplies && m.replyCount
        ? h(
            'button',
            {
              type: 'button',
              class: 'link replies',
              onclick: () => {
                place.thread = m.ts;
                void refresh();
              },
            },
            w(lang(), 'replies', { n: m.replyCount }),
          )
        : null,
    ),
  );
}

function threadPane(): HTMLElement {
  const s = state!;
  if (!s.thread) return h('div', { class: 'thread hidden' });
  return h(
    'div',
    { class: 'thread' },
    h(
      'div',
      { class: 'conversation-header' },
      h('strong', {}, w(lang(), 'thread')),
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          onclick: () => {
            place.thread = '';
            void refresh();
          },
        },
        w(lang(), 'closeThread'),
      ),
    ),
    h(
      'div',
      { class: 'messages' },
      messageView(s.thread.parent, false),
      h('hr'),
      s.thread.replies.map((m) => messageView(m, false)),
    ),
    composer(undefined, s.thread.parent.ts),
  );
}

/** The form state of a view, kept across redraws; inputs a changed view no longer has are dropped. */
function formOf(view: View): FormState {
  const kept = forms.get(view.id);
  if (kept && kept.hash === view.hash) return kept.state;
  const ids = new Set(view.blocks.map((b) => String((b as Json).block_id ?? '')));
  const state: FormState = {};
  for (const [blockId, value] of Object.entries(kept?.state ?? {})) if (ids.has(blockId)) state[blockId] = value;
  forms.set(view.id, { hash: view.hash, state });
  if (kept && kept.hash !== view.hash) errors.delete(view.id);
  return state;
}

function viewContext(view: View): RenderContext {
  const form = formOf(view);
  return context(form, errors.get(view.id), (action) => {
    void post('action', { viewId: view.id, action, state: form });
  });
}

function modal(): HTMLElement {
  const s = state!;
  const top = s.modals.at(-1);
  if (!top) return h('div', { class: 'hidden' });
  const ctx = viewContext(top);
  const close = () => void post('close', { viewId: top.id, state: ctx.form ?? {} });
  return h(
    'div',
    { class: 'overlay' },
    h(
      'form',
      {
        class: 'dialog modal',
        role: 'dialog',
        'aria-label': plain(top.title),
        novalidate: true,
        onsubmit: async (ev: Event) => {
          ev.preventDefault();
          // Slack itself refuses to send a form with a required input left empty; so does the sandbox.
          const missing = requiredMissing(top, ctx.form ?? {});
          if (Object.keys(missing).length > 0) {
            errors.set(top.id, missing);
            drawn.delete('modal');
            draw();
            return;
          }
          const answer = await post('submit', { viewId: top.id, state: ctx.form ?? {} });
          const outcome = answer.outcome as { kind?: string; errors?: Record<string, string> } | undefined;
          if (outcome?.kind === 'errors') {
            errors.set(top.id, outcome.errors ?? {});
            drawn.delete('modal');
            draw();
          } else errors.delete(top.id);
        },
      },
      h(
        'div',
        { class: 'dialog-title' },
        plain(top.title),
        h('button', { type: 'button', class: 'link close-x', 'aria-label': 'close', onclick: close }, '×'),
      ),
      h('div', { class: 'dialog-body' }, renderBlocks(top.blocks, ctx)),
      h(
        'div',
        { class: 'dialog-buttons' },
        h('button', { type: 'button', class: 'button', onclick: close }, plain(top.close) || w(lang(), 'cancel')),
        top.submit
          ? h('button', { type: 'submit', class: 'button primary', id: 'modal-submit' }, plain(top.submit))
          : null,
      ),
    ),
  );
}

/** The required inputs left empty, with Slack's own words for them. */
function requiredMissing(view: View, form: FormState): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const raw of view.blocks) {
    const block = raw as Json;
    if (block.type !== 'input' || block.optional === true) continue;
    const blockId = String(block.block_id ?? '');
    const values = Object.values(form[blockId] ?? {});
    const filled = values.some(
      (v) =>
        (typeof v.value === 'string' && v.value.trim() !== '') ||
        (v.selected_option !== undefined && v.selected_option !== null) ||
        (Array.isArray(v.selected_options) && v.selected_options.length > 0) ||
        (typeof v.selected_date === 'string' && v.selected_date !== '') ||
        (typeof v.selected_time === 'string' && v.selected_time !== '') ||
        (typeof v.selected_user === 'string' && v.selected_user !== '') ||
        (Array.isArray(v.selected_users) && v.selected_users.length > 0) ||
        (typeof v.selected_conversation === 'string' && v.selected_conversation !== '') ||
        (typeof v.selected_channel === 'string' && v.selected_channel !== ''),
    );
    if (!filled) missing[blockId] = w(lang(), 'required');
  }
  return missing;
}

// Server-sent events say something changed; the page asks for what it shows.
const events = new EventSource('/sandbox/events');
events.onmessage = () => void refresh();
void refresh();
