import { h } from './dom.ts';
import { w } from './i18n.ts';
import { plain, textObject } from './mrkdwn.ts';
import type { Json, RenderContext } from './render-context.ts';

/** Slack's confirm dialog: its title, text and two buttons; `go` runs only on confirm. */
export function confirmDialog(confirm: Json, ctx: RenderContext, go: () => void): void {
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
