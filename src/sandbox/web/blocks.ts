import { type Child, h } from './dom.ts';
import { type PageLang, w } from './i18n.ts';
import { inline, mrkdwn, type Names, plain, textObject } from './mrkdwn.ts';

type Json = Record<string, unknown>;

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

type Block = Json & { type: string; block_id?: string };
type Element = Json & { type: string; action_id?: string };
type Option = { text?: unknown; value?: string; description?: unknown };

/** Renders a list of blocks; a block type the sandbox does not know shows as a visible placeholder. */
export function renderBlocks(blocks: unknown[], ctx: RenderContext): HTMLElement {
  return h(
    'div',
    { class: 'blocks' },
    blocks.map((b, i) => renderBlock(b as Block, i, ctx)),
  );
}

function renderBlock(block: Block, index: number, ctx: RenderContext): HTMLElement {
  const blockId = block.block_id ?? `b${index}`;
  switch (block.type) {
    case 'header':
      return h('div', { class: 'block header' }, plain(block.text));
    case 'divider':
      return h('hr', { class: 'block divider' });
    case 'section': {
      const fields = Array.isArray(block.fields)
        ? h(
            'div',
            { class: 'fields' },
            block.fields.map((f) => h('div', { class: 'field' }, textObject(f, ctx.names))),
          )
        : null;
      const accessory = block.accessory
        ? h('div', { class: 'accessory' }, renderElement(block.accessory as Element, blockId, ctx))
        : null;
      return h(
        'div',
        { class: 'block section', 'data-block-id': blockId },
        h('div', { class: 'section-main' }, block.text ? textObject(block.text, ctx.names) : null, fields),
        accessory,
      );
    }
    case 'context':
      return h(
        'div',
        { class: 'block context' },
        ((block.elements as Element[] | undefined) ?? []).map((e) =>
          e.type === 'image'
            ? h('img', { src: safeUrl(e.image_url), alt: String(e.alt_text ?? ''), class: 'context-image' })
            : h('span', { class: 'context-item' }, textObject(e, ctx.names)),
        ),
      );
    case 'actions':
      return h(
        'div',
        { class: 'block actions', 'data-block-id': blockId },
        ((block.elements as Element[] | undefined) ?? []).map((e) => renderElement(e, blockId, ctx)),
      );
    case 'input':
      return renderInput(block, blockId, ctx);
    case 'image':
      return h(
        'figure',
        { class: 'block image' },
        block.title ? h('figcaption', {}, plain(block.title)) : null,
        h('img', { src: safeUrl(block.image_url), alt: String(block.alt_text ?? '') }),
      );
    case 'rich_text':
      return h('div', { class: 'block rich-text' }, richText(block.elements as Json[] | undefined, ctx));
    default:
      return h('div', { class: 'block unknown' }, w(ctx.lang, 'unknownBlock', { type: block.type }));
  }
}

function renderInput(block: Block, blockId: string, ctx: RenderContext): HTMLElement {
  const element = (block.element ?? {}) as Element;
  const error = ctx.errors?.[blockId];
  return h(
    'div',
    { class: `block input${error ? ' has-error' : ''}`, 'data-block-id': blockId },
    h(
      'label',
      { class: 'input-label' },
      plain(block.label),
      block.optional ? h('span', { class: 'optional' }, ` ${w(ctx.lang, 'optional')}`) : null,
    ),
    renderElement(element, blockId, ctx, { input: true, dispatch: block.dispatch_action === true }),
    block.hint ? h('div', { class: 'hint' }, plain(block.hint)) : null,
    error ? h('div', { class: 'error', role: 'alert' }, error) : null,
  );
}

/** Remembers a value in the view's state (when rendering a view) and, for elements that act at once, sends it. */
function useValue(
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
function current(ctx: RenderContext, blockId: string, element: Element): StateValue | undefined {
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
      return e.initial_option ? { type, selected_option: e.initial_option as Json } : undefined;
    case 'multi_static_select':
    case 'checkboxes':
      return Array.isArray(e.initial_options) ? { type, selected_options: e.initial_options } : undefined;
    case 'datepicker':
      return typeof e.initial_date === 'string' ? { type, selected_date: e.initial_date } : undefined;
    case 'timepicker':
      return typeof e.initial_time === 'string' ? { type, selected_time: e.initial_time } : undefined;
    case 'users_select':
      return typeof e.initial_user === 'string' ? { type, selected_user: e.initial_user } : undefined;
    case 'multi_users_select':
      return Array.isArray(e.initial_users) ? { type, selected_users: e.initial_users } : undefined;
    default:
      return undefined;
  }
}

function options(e: Element): Option[] {
  if (Array.isArray(e.options)) return e.options as Option[];
  if (Array.isArray(e.option_groups))
    return (e.option_groups as { options?: Option[] }[]).flatMap((g) => g.options ?? []);
  return [];
}

/** The option Slack sends back: its text and value, as the element listed it. */
function optionOut(o: Option): Json {
  return { text: o.text, value: o.value };
}

function renderElement(
  e: Element,
  blockId: string,
  ctx: RenderContext,
  how: { input?: boolean; dispatch?: boolean } = {},
): HTMLElement {
  // In an input block an element only acts when the block asks for it (dispatch_action); elsewhere it always does.
  const acts = !how.input || how.dispatch === true;
  const id = `${blockId}.${e.action_id ?? ''}`;
  switch (e.type) {
    case 'button': {
      const style = typeof e.style === 'string' ? ` ${e.style}` : '';
      const press = () =>
        ctx.onAction({
          type: 'button',
          action_id: e.action_id ?? 'button',
          block_id: blockId,
          text: e.text,
          ...(e.value !== undefined ? { value: e.value } : {}),
          ...(e.style ? { style: e.style } : {}),
        });
      if (typeof e.url === 'string')
        return h(
          'a',
          {
            class: `button${style}`,
            href: safeUrl(e.url),
            target: '_blank',
            rel: 'noopener noreferrer',
            onclick: press,
          },
          plain(e.text),
        );
      return h(
        'button',
        {
          type: 'button',
          class: `button${style}`,
          'data-action-id': e.action_id,
          onclick: () => (e.confirm ? confirmDialog(e.confirm as Json, ctx, press) : press()),
        },
        plain(e.text),
      );
    }
    case 'overflow':
      return selectLike(
        e,
        options(e),
        '⋯',
        undefined,
        (o) => {
          const go = () =>
            ctx.onAction({
              type: 'overflow',
              action_id: e.action_id ?? '',
              block_id: blockId,
              selected_option: optionOut(o),
            });
          if (e.confirm) confirmDialog(e.confirm as Json, ctx, go);
          else go();
        },
        'overflow',
      );
    case 'static_select': {
      const kept = current(ctx, blockId, e)?.selected_option as Option | undefined;
      return selectLike(e, options(e), plain(e.placeholder) || w(ctx.lang, 'select'), kept?.value, (o) =>
        useValue(ctx, blockId, e, { type: 'static_select', selected_option: optionOut(o) }, acts),
      );
    }
    case 'multi_static_select': {
      const kept = (current(ctx, blockId, e)?.selected_options as Option[] | undefined) ?? [];
      const all = options(e);
      const select = h(
        'select',
        {
          multiple: true,
          id,
          class: 'multi',
          'data-action-id': e.action_id,
          size: Math.min(6, all.length),
          onchange: (ev: Event) => {
            const chosen = [...(ev.target as HTMLSelectElement).selectedOptions].map((el) => all[Number(el.value)]!);
            useValue(ctx, blockId, e, { type: 'multi_static_select', selected_options: chosen.map(optionOut) }, acts);
          },
        },
        all.map((o, i) => h('option', { value: i, selected: kept.some((k) => k.value === o.value) }, plain(o.text))),
      );
      return select;
    }
    case 'users_select':
    case 'conversations_select':
    case 'channels_select': {
      const picking = e.type === 'users_select';
      const kept = current(ctx, blockId, e);
      const chosen = String(kept?.selected_user ?? kept?.selected_conversation ?? kept?.selected_channel ?? '');
      const list = picking
        ? ctx.people
        : Object.entries(ctx.names.channels).map(([cid, name]) => ({ id: cid, name: `#${name}` }));
      return h(
        'select',
        {
          id,
          'data-action-id': e.action_id,
          onchange: (ev: Event) => {
            const v = (ev.target as HTMLSelectElement).value;
            const field =
              e.type === 'users_select'
                ? 'selected_user'
                : e.type === 'channels_select'
                  ? 'selected_channel'
                  : 'selected_conversation';
            useValue(ctx, blockId, e, { type: e.type, [field]: v }, acts);
          },
        },
        h('option', { value: '', selected: chosen === '' }, plain(e.placeholder) || w(ctx.lang, 'select')),
        list.map((p) => h('option', { value: p.id, selected: p.id === chosen }, p.name)),
      );
    }
    case 'multi_users_select': {
      const kept = (current(ctx, blockId, e)?.selected_users as string[] | undefined) ?? [];
      return h(
        'select',
        {
          id,
          multiple: true,
          class: 'multi',
          'data-action-id': e.action_id,
          size: Math.min(6, ctx.people.length),
          onchange: (ev: Event) => {
            const chosen = [...(ev.target as HTMLSelectElement).selectedOptions].map((el) => el.value);
            useValue(ctx, blockId, e, { type: 'multi_users_select', selected_users: chosen }, acts);
          },
        },
        ctx.people.map((p) => h('option', { value: p.id, selected: kept.includes(p.id) }, p.name)),
      );
    }
    case 'datepicker':
    case 'timepicker': {
      const date = e.type === 'datepicker';
      const kept = current(ctx, blockId, e);
      return h('input', {
        id,
        type: date ? 'date' : 'time',
        'data-action-id': e.action_id,
        value: String((date ? kept?.selected_date : kept?.selected_time) ?? ''),
        'aria-label': plain(e.placeholder) || w(ctx.lang, 'chooseDate'),
        onchange: (ev: Event) => {
          const v = (ev.target as HTMLInputElement).value;
          useValue(
            ctx,
            blockId,
            e,
            date ? { type: e.type, selected_date: v } : { type: e.type, selected_time: v },
            acts,
          );
        },
      });
    }
    case 'checkboxes':
    case 'radio_buttons': {
      const multi = e.type === 'checkboxes';
      const kept = current(ctx, blockId, e);
      const chosen = multi
        ? ((kept?.selected_options as Option[] | undefined) ?? []).map((o) => o.value)
        : [(kept?.selected_option as Option | undefined)?.value];
      const all = options(e);
      return h(
        'div',
        { class: 'choices', 'data-action-id': e.action_id, role: multi ? 'group' : 'radiogroup' },
        all.map((o, i) =>
          h(
            'label',
            { class: 'choice' },
            h('input', {
              type: multi ? 'checkbox' : 'radio',
              name: id,
              value: i,
              checked: chosen.includes(o.value),
              onchange: (ev: Event) => {
                const box = (ev.target as HTMLInputElement).closest('.choices')!;
                const on = [...box.querySelectorAll('input')]
                  .filter((x) => x.checked)
                  .map((x) => all[Number(x.value)]!);
                useValue(
                  ctx,
                  blockId,
                  e,
                  multi
                    ? { type: 'checkboxes', selected_options: on.map(optionOut) }
                    : { type: 'radio_buttons', selected_option: on[0] ? optionOut(on[0]) : null },
                  acts,
                );
              },
            }),
            h(
              'span',
              {},
              textObject(o.text, ctx.names),
              o.description ? h('span', { class: 'hint' }, plain(o.description)) : null,
            ),
          ),
        ),
      );
    }
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input': {
      const kept = current(ctx, blockId, e);
      const value = String(kept?.value ?? '');
      const onInput = (ev: Event) =>
        useValue(ctx, blockId, e, { type: e.type, value: (ev.target as HTMLInputElement).value }, false);
      const attrs = {
        id,
        'data-action-id': e.action_id,
        placeholder: plain(e.placeholder),
        maxlength: typeof e.max_length === 'number' ? e.max_length : undefined,
        oninput: onInput,
      };
      if (e.type === 'plain_text_input' && e.multiline === true) return h('textarea', { ...attrs, rows: 4 }, value);
      const type =
        e.type === 'email_text_input'
          ? 'email'
          : e.type === 'url_text_input'
            ? 'url'
            : e.type === 'number_input'
              ? 'number'
              : 'text';
      return h('input', {
        ...attrs,
        type,
        value,
        step: e.type === 'number_input' && e.is_decimal_allowed === true ? 'any' : undefined,
        min: typeof e.min_value === 'string' ? e.min_value : undefined,
        max: typeof e.max_value === 'string' ? e.max_value : undefined,
      });
    }
    case 'image':
      return h('img', { class: 'accessory-image', src: safeUrl(e.image_url), alt: String(e.alt_text ?? '') });
    default:
      return h('span', { class: 'unknown' }, w(ctx.lang, 'unknownElement', { type: e.type }));
  }
}

/** A select or overflow menu; calls `chosen` with the picked option. */
function selectLike(
  e: Element,
  all: Option[],
  placeholder: string,
  selected: string | undefined,
  chosen: (o: Option) => void,
  cls = '',
): HTMLElement {
  return h(
    'select',
    {
      class: cls,
      'data-action-id': e.action_id,
      'aria-label': placeholder,
      onchange: (ev: Event) => {
        const select = ev.target as HTMLSelectElement;
        const o = all[Number(select.value)];
        if (cls === 'overflow') select.value = '';
        if (o) chosen(o);
      },
    },
    h('option', { value: '', selected: selected === undefined }, placeholder),
    all.map((o, i) => h('option', { value: i, selected: o.value === selected }, plain(o.text))),
  );
}

/** Slack's confirm dialog: its title, text and two buttons; `go` runs only on confirm. */
function confirmDialog(confirm: Json, ctx: RenderContext, go: () => void): void {
  const close = () => overlay.remove();
  const overlay = h(
    'div',
    { class: 'overlay confirm-overlay' },
    h(
      'div',
      { class: 'dialog confirm', role: 'alertdialog' },
      h('div', { class: 'dialog-title' }, plain(confirm.title)),
      h('div', { class: 'dialog-body' }, textObject(confirm.text, ctx.names)),
      h(
        'div',
        { class: 'dialog-buttons' },
        h('button', { type: 'button', class: 'button', onclick: close }, plain(confirm.deny) || w(ctx.lang, 'cancel')),
        h(
          'button',
          {
            type: 'button',
            class: `button ${confirm.style === 'danger' ? 'danger' : 'primary'}`,
            'data-confirm': 'yes',
            onclick: () => {
              close();
              go();
            },
          },
          plain(confirm.confirm) || 'OK',
        ),
      ),
    ),
  );
  document.body.appendChild(overlay);
}

/** A rich_text block's sections, lists, quotes and preformatted parts. */
function richText(elements: Json[] | undefined, ctx: RenderContext): Child[] {
  return (elements ?? []).map((el) => {
    const items = (el.elements as Json[] | undefined) ?? [];
    switch (el.type) {
      case 'rich_text_section':
        return h(
          'div',
          {},
          items.map((i) => richInline(i, ctx)),
        );
      case 'rich_text_list':
        return h(
          el.style === 'ordered' ? 'ol' : 'ul',
          {},
          items.map((i) => h('li', {}, richText([i], ctx))),
        );
      case 'rich_text_quote':
        return h(
          'blockquote',
          {},
          items.map((i) => richInline(i, ctx)),
        );
      case 'rich_text_preformatted':
        return h(
          'pre',
          {},
          items.map((i) => String(i.text ?? '')),
        );
      default:
        return h('span', { class: 'unknown' }, w(ctx.lang, 'unknownElement', { type: String(el.type) }));
    }
  });
}

function richInline(item: Json, ctx: RenderContext): Child {
  const style = (item.style ?? {}) as Record<string, boolean>;
  let node: Child;
  switch (item.type) {
    case 'text':
      node = String(item.text ?? '');
      break;
    case 'link':
      node = h(
        'a',
        { href: safeUrl(item.url), target: '_blank', rel: 'noopener noreferrer' },
        String(item.text ?? item.url),
      );
      break;
    case 'user':
      node = inline(`<@${String(item.user_id)}>`, ctx.names);
      break;
    case 'channel':
      node = inline(`<#${String(item.channel_id)}>`, ctx.names);
      break;
    case 'emoji':
      node = String(item.unicode ? String.fromCodePoint(Number.parseInt(String(item.unicode), 16)) : `:${item.name}:`);
      break;
    default:
      node = h('span', { class: 'unknown' }, w(ctx.lang, 'unknownElement', { type: String(item.type) }));
  }
  if (style.code) node = h('code', {}, node);
  if (style.bold) node = h('b', {}, node);
  if (style.italic) node = h('i', {}, node);
  if (style.strike) node = h('s', {}, node);
  return node;
}

function safeUrl(url: unknown): string | undefined {
  return typeof url === 'string' && /^(https?:|mailto:|data:image\/)/i.test(url) ? url : undefined;
}

/** A message's text when it has no blocks (Slack shows the text then). */
export function messageText(text: string, names: Names): HTMLElement {
  return mrkdwn(text, names);
}
