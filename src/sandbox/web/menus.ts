import { h } from './dom.ts';
import { w } from './i18n.ts';
import { plain } from './mrkdwn.ts';
import {
  current,
  type Element,
  type Option,
  optionOut,
  options,
  type RenderContext,
  useValue,
} from './render-context.ts';

/** One entry of a menu: what it stands for and what it shows. */
interface Item {
  key: string;
  label: string;
}

/**
 * A select menu as Slack draws it: a box you type in to filter the list (Slack's menus are all searchable), the
 * choice shown in the box, or, for multi-selects, as chips each with a remove button. `pick` gets the chosen keys.
 */
function searchableMenu(opts: {
  id: string;
  actionId: string | undefined;
  placeholder: string;
  multi: boolean;
  items: Item[];
  chosen: string[];
  lang: RenderContext['lang'];
  pick(keys: string[]): void;
}): HTMLElement {
  let chosen = [...opts.chosen];
  let active = 0;
  const labelOf = (key: string) => opts.items.find((i) => i.key === key)?.label ?? key;
  const input = h('input', {
    type: 'text',
    class: 'menu-filter',
    role: 'combobox',
    autocomplete: 'off',
    'aria-expanded': 'false',
    'aria-label': opts.placeholder,
    placeholder: opts.multi || chosen.length === 0 ? opts.placeholder : '',
  }) as HTMLInputElement;
  const list = h('ul', { class: 'menu-list hidden', role: 'listbox' });
  const chips = h('div', { class: 'menu-chips' });
  const box = h(
    'div',
    { class: `menu${opts.multi ? ' multi' : ''}`, id: opts.id, 'data-action-id': opts.actionId },
    chips,
    input,
    list,
  );
  const shown = () => {
    const query = input.value.trim().toLowerCase();
    return opts.items.filter((i) => !(opts.multi && chosen.includes(i.key)) && i.label.toLowerCase().includes(query));
  };
  const drawChips = () => {
    chips.textContent = '';
    if (!opts.multi) return;
    for (const key of chosen)
      chips.appendChild(
        h(
          'span',
          { class: 'chip', 'data-value': key },
          labelOf(key),
          h(
            'button',
            {
              type: 'button',
              class: 'chip-x',
              'aria-label': `${w(opts.lang, 'remove')} ${labelOf(key)}`,
              onclick: () => {
                chosen = chosen.filter((k) => k !== key);
                drawChips();
                opts.pick(chosen);
              },
            },
            '×',
          ),
        ),
      );
  };
  const close = () => {
    list.classList.add('hidden');
    input.setAttribute('aria-expanded', 'false');
    input.value = opts.multi || chosen.length === 0 ? '' : labelOf(chosen[0]!);
  };
  const choose = (item: Item) => {
    chosen = opts.multi ? [...chosen, item.key] : [item.key];
    drawChips();
    opts.pick(chosen);
    if (opts.multi) {
      input.value = '';
      drawList();
    } else {
      close();
      input.blur();
    }
  };
  const drawList = () => {
    const items = shown();
    active = Math.min(active, Math.max(0, items.length - 1));
    list.textContent = '';
    if (items.length === 0) list.appendChild(h('li', { class: 'menu-empty' }, w(opts.lang, 'noMatches')));
    list.append(
      ...items.map((item, i) =>
        h(
          'li',
          {
            class: `menu-option${i === active ? ' active' : ''}`,
            role: 'option',
            'data-value': item.key,
            'aria-selected': i === active ? 'true' : 'false',
            // mousedown, not click: a click would come after the box lost focus and closed the list.
            onmousedown: (ev: Event) => {
              ev.preventDefault();
              choose(item);
            },
          },
          item.label,
        ),
      ),
    );
    list.classList.remove('hidden');
    input.setAttribute('aria-expanded', 'true');
  };
  input.addEventListener('focus', () => {
    // The box shows the choice; typing starts a fresh search rather than editing the choice's name.
    if (!opts.multi) input.value = '';
    active = 0;
    drawList();
  });
  input.addEventListener('input', () => {
    active = 0;
    drawList();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (ev) => {
    const items = shown();
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      active = (active + (ev.key === 'ArrowDown' ? 1 : items.length - 1)) % Math.max(1, items.length);
      drawList();
    } else if (ev.key === 'Enter') {
      // Enter picks the highlighted entry; it never submits the modal from inside a menu.
      ev.preventDefault();
      const item = items[active];
      if (item) choose(item);
    } else if (ev.key === 'Escape') {
      ev.stopPropagation();
      input.blur();
    } else if (ev.key === 'Backspace' && opts.multi && input.value === '' && chosen.length > 0) {
      chosen = chosen.slice(0, -1);
      drawChips();
      opts.pick(chosen);
    }
  });
  drawChips();
  close();
  return box;
}

/** The select menus the bot may send: static, users, conversations and channels, single or multi. */
export function selectMenu(e: Element, blockId: string, ctx: RenderContext, acts: boolean): HTMLElement {
  const id = `${blockId}.${e.action_id ?? ''}`;
  const placeholder = plain(e.placeholder) || w(ctx.lang, 'select');
  const kept = current(ctx, blockId, e);
  const base = { id, actionId: e.action_id, placeholder, lang: ctx.lang };
  const set = (value: Record<string, unknown>) => useValue(ctx, blockId, e, { type: e.type, ...value }, acts);
  switch (e.type) {
    case 'static_select':
    case 'multi_static_select': {
      const all = options(e);
      const multi = e.type === 'multi_static_select';
      const keptOptions = multi
        ? ((kept?.selected_options as Option[] | undefined) ?? [])
        : [kept?.selected_option as Option | undefined].filter((o): o is Option => o !== undefined && o !== null);
      // Options are keyed by position: two options may share a label, never a place in the list.
      const chosen = keptOptions
        .map((k) => String(all.findIndex((o) => o.value === k.value)))
        .filter((k) => k !== '-1');
      return searchableMenu({
        ...base,
        multi,
        items: all.map((o, i) => ({ key: String(i), label: plain(o.text) })),
        chosen,
        pick: (keys) => {
          const picked = keys.map((k) => optionOut(all[Number(k)]!));
          set(multi ? { selected_options: picked } : { selected_option: picked[0] ?? null });
        },
      });
    }
    case 'users_select':
    case 'multi_users_select': {
      const multi = e.type === 'multi_users_select';
      const chosen = multi
        ? ((kept?.selected_users as string[] | undefined) ?? [])
        : [kept?.selected_user as string | undefined].filter((u): u is string => typeof u === 'string' && u !== '');
      return searchableMenu({
        ...base,
        multi,
        items: ctx.people.map((p) => ({ key: p.id, label: p.name })),
        chosen,
        pick: (keys) => set(multi ? { selected_users: keys } : { selected_user: keys[0] ?? null }),
      });
    }
    default: {
      // conversations_select and channels_select, single or multi.
      const multi = e.type.startsWith('multi_');
      const field = e.type.includes('channels') ? 'channel' : 'conversation';
      const chosen = multi
        ? ((kept?.[`selected_${field}s`] as string[] | undefined) ?? [])
        : [kept?.[`selected_${field}`] as string | undefined].filter((c): c is string => typeof c === 'string');
      return searchableMenu({
        ...base,
        multi,
        items: Object.entries(ctx.names.channels).map(([cid, name]) => ({ key: cid, label: `#${name}` })),
        chosen,
        pick: (keys) => set(multi ? { [`selected_${field}s`]: keys } : { [`selected_${field}`]: keys[0] ?? null }),
      });
    }
  }
}

/** The element types `selectMenu` draws. */
export const MENU_TYPES = new Set([
  'static_select',
  'multi_static_select',
  'users_select',
  'multi_users_select',
  'conversations_select',
  'multi_conversations_select',
  'channels_select',
  'multi_channels_select',
]);
