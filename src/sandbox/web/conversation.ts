import { renderBlocks } from './blocks.ts';
import { h } from './dom.ts';
import { w } from './i18n.ts';
import { viewContext } from './modal.ts';
import { mrkdwn } from './mrkdwn.ts';
import { context, formatTime, lang, type Message, pageState, place, post, refresh } from './page.ts';

/** The open conversation's messages, or the app's Home tab. */
export function conversation(): HTMLElement {
  const s = pageState();
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

/** The message box; Enter sends, Shift+Enter starts a new line, and composing Chinese is never cut short. */
export function composer(channelName: string | undefined, threadTs?: string): HTMLElement {
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
  const s = pageState();
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
      m.files && m.files.length > 0
        ? h(
            'div',
            { class: 'message-files' },
            ...m.files.map((f) =>
              h(
                'a',
                { class: 'file', href: f.url, download: f.name },
                `📎 ${f.title} · ${f.name} (${Math.max(1, Math.round(f.size / 1024))} KB)`,
              ),
            ),
          )
        : null,
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

/** The thread pane: the parent message, its replies and a box to reply. */
export function threadPane(): HTMLElement {
  const s = pageState();
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
