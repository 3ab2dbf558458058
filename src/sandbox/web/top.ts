import { h } from './dom.ts';
import { w } from './i18n.ts';
import { drawStatus, formatTime, lang, page, pageState, place, post, refresh, TZ } from './page.ts';

/** The top bar: the workspace, the sandbox's clock with "advance to", the person switcher and the status line. */
export function topbar(): HTMLElement {
  const s = pageState();
  const me = s.people.find((p) => p.id === s.me);
  const pickDefault = new Date(Date.now() + page.clockOffset + 24 * 3600_000);
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
          page.notice =
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
            page.notice = '';
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

/** The sidebar: the person's channels, the app's entry (DM and Home) and, in an empty sandbox, the demo seed. */
export function sidebar(): HTMLElement {
  const s = pageState();
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
                page.notice = w(lang(), 'seeding');
                drawStatus();
                const answer = await post('seed', {});
                if (answer.ok === true) page.notice = w(lang(), 'seeded');
                drawStatus();
              },
            },
            w(lang(), 'seed'),
          ),
        )
      : null,
  );
}
