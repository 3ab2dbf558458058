import type { ActionsBlock, Checkboxes, KnownBlock, ModalView, MultiStaticSelect, PlainTextOption } from '@slack/types';
import { BATCH_PLACE } from '../../batches/ids.ts';
import type { Placement, WaitingApplication } from '../../batches/list-waiting-applications.ts';
import type { PlacementResult } from '../../batches/place-applications.ts';
import { formatDate } from '../../i18n/format.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { renderUserError } from '../../i18n/render-error.ts';
import { LIMITS, plain, truncate } from '../shared/blocks.ts';

/** Slack shows at most 10 checkboxes; beyond that the same choice is a multi-select (up to 100 options). */
const CHECKBOX_MAX = 10;

const mrkdwn = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) },
});

const scheduled = (lang: Lang, batch: Placement['batch']) =>
  t(lang, 'batch.opened', {
    name: batch.name,
    opens: formatDate(lang, batch.opensOn),
    closes: formatDate(lang, batch.closesOn),
  });

// Slack takes an option's description in checkboxes only, not in a multi-select.
function option(lang: Lang, a: WaitingApplication, described: boolean): PlainTextOption {
  return {
    text: plain(`${a.ref} ${a.title}`, LIMITS.optionText),
    value: a.id,
    ...(described && a.submittedOn
      ? { description: plain(t(lang, 'rules.batch.submittedOn', { date: formatDate(lang, a.submittedOn) }), 75) }
      : {}),
  };
}

/**
 * R-BATCH-1: the form that moves waiting applications into a batch, every one preselected (staff untick those that
 * stay waiting). Without waiting applications it only says so (after the batch form, that the batch is scheduled).
 */
export function placementModal(lang: Lang, placement: Placement, justOpened = false): ModalView {
  const { batch, waiting } = placement;
  const title = plain(t(lang, 'rules.batch.placeTitle'), LIMITS.modalTitle);
  const close = plain(t(lang, 'modal.cancel'), LIMITS.modalButton);
  const intro = t(lang, 'rules.batch.placeIntro', {
    name: batch.name,
    opens: formatDate(lang, batch.opensOn),
    closes: formatDate(lang, batch.closesOn),
    count: waiting.length,
  });
  if (waiting.length === 0 || batch.status === 'closed') {
    // Right after the batch form: say it was scheduled; then that nothing waits (a closed batch takes nothing).
    const lines = [
      ...(justOpened ? [scheduled(lang, batch)] : []),
      ...(batch.status === 'closed' ? [] : [t(lang, 'rules.batch.noneWaiting', { name: batch.name })]),
    ];
    return { type: 'modal', title, close, blocks: [mrkdwn(lines.join('\n'))] };
  }
  const options = waiting.map((a) => option(lang, a, waiting.length <= CHECKBOX_MAX));
  const element: Checkboxes | MultiStaticSelect =
    options.length <= CHECKBOX_MAX
      ? { type: 'checkboxes', action_id: BATCH_PLACE.action, options, initial_options: options }
      : {
          type: 'multi_static_select',
          action_id: BATCH_PLACE.action,
          placeholder: plain(t(lang, 'rules.batch.placePlaceholder'), 150),
          options,
          initial_options: options,
        };
  return {
    type: 'modal',
    callback_id: BATCH_PLACE.callbackId,
    private_metadata: JSON.stringify({ b: batch.id }),
    title,
    submit: plain(t(lang, 'rules.batch.placeSubmit'), LIMITS.modalButton),
    close,
    blocks: [
      mrkdwn(intro),
      {
        type: 'input',
        block_id: BATCH_PLACE.blocks.projects,
        label: plain(t(lang, 'rules.batch.placeLabel'), LIMITS.inputLabel),
        element,
      },
    ],
  };
}

/** What replaces the placement form: which applications moved into the batch, which did not and why. */
export function placementResultModal(lang: Lang, result: PlacementResult): ModalView {
  const lines = [
    t(lang, 'rules.batch.moved', {
      name: result.batch,
      count: result.moved.length,
      refs: result.moved.join(lang === 'en' ? ', ' : '、') || '—',
    }),
  ];
  if (result.refused.length > 0) {
    lines.push(t(lang, 'rules.batch.refusedTitle', { count: result.refused.length }));
    for (const r of result.refused)
      lines.push(t(lang, 'rules.batch.refusedLine', { ref: r.ref, reason: renderUserError(r.error, lang) }));
  }
  return {
    type: 'modal',
    title: plain(t(lang, 'rules.batch.placeTitle'), LIMITS.modalTitle),
    close: plain(t(lang, 'eligibility.close'), LIMITS.modalButton),
    blocks: [mrkdwn(lines.join('\n'))],
  };
}

/** After a batch is scheduled by command: the confirmation, and when applications wait, the button to place them. */
export function batchOpenedMessage(
  lang: Lang,
  confirmation: string,
  placement: Placement,
): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [mrkdwn(confirmation)];
  if (placement.waiting.length > 0) {
    blocks.push(mrkdwn(t(lang, 'rules.batch.waitingOffer', { count: placement.waiting.length })));
    const actions: ActionsBlock = {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: BATCH_PLACE.openAction,
          text: plain(t(lang, 'rules.batch.placeButton', { count: placement.waiting.length }), LIMITS.buttonText),
          value: JSON.stringify({ b: placement.batch.id }),
          style: 'primary',
        },
      ],
    };
    blocks.push(actions);
  }
  return { text: confirmation, blocks };
}
