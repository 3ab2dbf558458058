import type { KnownBlock, ModalView } from '@slack/types';
import { DEADLINE_MODALS } from '../../deadlines/ids.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { context, formModal, type InputElement, inputBlock, LIMITS, plain } from '../shared/blocks.ts';

const modal = (
  lang: Lang,
  callbackId: string,
  titleKey: Parameters<typeof t>[1],
  metadata: string,
  blocks: KnownBlock[],
) => formModal(lang, { callbackId, title: t(lang, titleKey), privateMetadata: metadata, blocks });

const input = (blockId: string, label: string, element: InputElement, optional = false) =>
  inputBlock(blockId, label, element, { optional, actionId: DEADLINE_MODALS.action });

/** Extend a deadline: a new last day and a reason, both required and audited. */
export function extendModal(lang: Lang, deadlineId: string, today: string): ModalView {
  return modal(lang, DEADLINE_MODALS.extendCallbackId, 'deadlineModal.extendTitle', JSON.stringify({ deadlineId }), [
    input(DEADLINE_MODALS.blocks.newDueDate, t(lang, 'deadlineModal.newDueDate'), {
      type: 'datepicker',
      initial_date: today,
    }),
    input(DEADLINE_MODALS.blocks.reason, t(lang, 'deadlineModal.reason'), {
      type: 'plain_text_input',
      multiline: true,
      max_length: 1000,
    }),
  ]);
}

/** Reassign a deadline to another person. */
export function reassignModal(lang: Lang, deadlineId: string): ModalView {
  return modal(
    lang,
    DEADLINE_MODALS.reassignCallbackId,
    'deadlineModal.reassignTitle',
    JSON.stringify({ deadlineId }),
    [input(DEADLINE_MODALS.blocks.userId, t(lang, 'deadlineModal.newResponsible'), { type: 'users_select' })],
  );
}

/** `/pilot calendar`: paste a year's official schedule, one day per line (2027-01-01,holiday,元旦). */
export function calendarModal(lang: Lang): ModalView {
  return modal(lang, DEADLINE_MODALS.calendarCallbackId, 'calendarModal.title', '{}', [
    context(t(lang, 'calendarModal.hint')),
    input(DEADLINE_MODALS.blocks.file, t(lang, 'calendarModal.file'), {
      type: 'plain_text_input',
      multiline: true,
      max_length: 3000,
    }),
    input(
      DEADLINE_MODALS.blocks.source,
      t(lang, 'calendarModal.source'),
      { type: 'plain_text_input', max_length: 200 },
      true,
    ),
  ]);
}

/** What replaces the calendar form once the schedule is loaded: how many deadlines moved. */
export function calendarLoadedView(
  lang: Lang,
  loaded: { year: number; recomputed: number; moved: unknown[] },
): ModalView {
  return {
    type: 'modal',
    title: plain(t(lang, 'calendarModal.title'), LIMITS.modalTitle),
    close: plain(t(lang, 'eligibility.close'), LIMITS.modalButton),
    blocks: [
      context(
        t(lang, 'calendarModal.loaded', {
          year: loaded.year,
          recomputed: loaded.recomputed,
          moved: loaded.moved.length,
        }),
      ),
    ],
  };
}
