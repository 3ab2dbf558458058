import { composer, conversation, threadPane } from './conversation.ts';
import { h } from './dom.ts';
import { w } from './i18n.ts';
import { modal } from './modal.ts';
import { errors, formatTime, lang, onDraw, page, place, refresh, slot } from './page.ts';
import { sidebar, topbar } from './top.ts';

const root = document.getElementById('app')!;

/** Draws the page's regions, each only when what it shows changed. */
function draw(): void {
  const s = page.state;
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

function drawStatus(): void {
  const el = document.getElementById('status');
  if (!el) return;
  el.textContent = page.busy > 0 ? w(lang(), 'working') : page.notice;
}

function drawClock(): void {
  const el = document.getElementById('clock-now');
  if (el) el.textContent = formatTime(new Date(Date.now() + page.clockOffset), true);
}
setInterval(drawClock, 1000);

onDraw(draw, drawStatus);

// Server-sent events say something changed; the page asks for what it shows.
const events = new EventSource('/sandbox/events');
events.onmessage = () => void refresh();
void refresh();
