import { type FormState, type RenderContext, renderBlocks } from './blocks.ts';
import { h } from './dom.ts';
import { w } from './i18n.ts';
import { plain } from './mrkdwn.ts';
import { context, draw, drawn, errors, forms, type Json, lang, pageState, post, type View } from './page.ts';
import { slackState } from './view-state.ts';

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

/** Rendering a view: its kept form, its errors, and its actions sent with the form's state. */
export function viewContext(view: View): RenderContext {
  const form = formOf(view);
  return context(form, errors.get(view.id), (action) => {
    void post('action', { viewId: view.id, action, state: slackState(view.blocks, form) });
  });
}

/** The top modal of the person's stack, with Slack's title, close and submit. */
export function modal(): HTMLElement {
  const s = pageState();
  const top = s.modals.at(-1);
  if (!top) return h('div', { class: 'hidden' });
  const ctx = viewContext(top);
  const close = () => void post('close', { viewId: top.id, state: slackState(top.blocks, ctx.form ?? {}) });
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
          const answer = await post('submit', { viewId: top.id, state: slackState(top.blocks, ctx.form ?? {}) });
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
        typeof v.selected_date_time === 'number' ||
        (typeof v.selected_user === 'string' && v.selected_user !== '') ||
        (Array.isArray(v.selected_users) && v.selected_users.length > 0) ||
        (typeof v.selected_conversation === 'string' && v.selected_conversation !== '') ||
        (Array.isArray(v.selected_conversations) && v.selected_conversations.length > 0) ||
        (Array.isArray(v.selected_channels) && v.selected_channels.length > 0) ||
        (typeof v.selected_channel === 'string' && v.selected_channel !== ''),
    );
    if (!filled) missing[blockId] = w(lang(), 'required');
  }
  return missing;
}
