import { confirmDialog } from './confirm.ts';
import { h } from './dom.ts';
import { w } from './i18n.ts';
import { MENU_TYPES, selectMenu } from './menus.ts';
import { plain, textObject } from './mrkdwn.ts';
import { dateOrTimePicker, dateTimePicker } from './pickers.ts';
import {
  current,
  type Element,
  type Json,
  type Option,
  optionOut,
  options,
  type RenderContext,
  safeUrl,
  useValue,
} from './render-context.ts';

/** One block element: buttons, menus, pickers, choices and text inputs; an unknown one as a visible placeholder. */
export function renderElement(
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
          // Says that the button asks first (Slack's confirm dialog), for assistive technology and the tests.
          'aria-haspopup': e.confirm ? 'dialog' : undefined,
          onclick: () => (e.confirm ? confirmDialog(e.confirm as Json, ctx, press) : press()),
        },
        plain(e.text),
      );
    }
    case 'overflow':
      return overflowMenu(e, options(e), (o) => {
        const go = () =>
          ctx.onAction({
            type: 'overflow',
            action_id: e.action_id ?? '',
            block_id: blockId,
            selected_option: optionOut(o),
          });
        if (e.confirm) confirmDialog(e.confirm as Json, ctx, go);
        else go();
      });
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
    case 'datepicker':
    case 'timepicker':
      return dateOrTimePicker(e, blockId, ctx, acts);
    case 'datetimepicker':
      return dateTimePicker(e, blockId, ctx, acts);
    case 'image':
      return h('img', { class: 'accessory-image', src: safeUrl(e.image_url), alt: String(e.alt_text ?? '') });
    default:
      if (MENU_TYPES.has(e.type)) return selectMenu(e, blockId, ctx, acts);
      return h('span', { class: 'unknown' }, w(ctx.lang, 'unknownElement', { type: e.type }));
  }
}

/** An overflow menu (Slack's ⋯): the browser's own list, as it holds a few short entries; calls `chosen`. */
function overflowMenu(e: Element, all: Option[], chosen: (o: Option) => void): HTMLElement {
  return h(
    'select',
    {
      class: 'overflow',
      'data-action-id': e.action_id,
      'aria-label': '⋯',
      onchange: (ev: Event) => {
        const select = ev.target as HTMLSelectElement;
        const o = all[Number(select.value)];
        // The menu acts and shows ⋯ again, as Slack's does; it keeps no choice.
        select.value = '';
        if (o) chosen(o);
      },
    },
    h('option', { value: '', selected: true }, '⋯'),
    all.map((o, i) => h('option', { value: i }, plain(o.text))),
  );
}
