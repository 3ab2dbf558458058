import type { ModalView } from '@slack/types';
import { type Lang, t } from '../../i18n/index.ts';
import { LIMITS, mrkdwnSection, plain } from './blocks.ts';

/**
 * What a form turns into when its work outlasts Slack's 3 s: a "working on it" modal, later replaced by the result or
 * by the refusal's text (`notice`), so the person never sees Slack's error and never loses the outcome.
 */
export function noticeModal(lang: Lang, text: string): ModalView {
  return {
    type: 'modal',
    title: plain(t(lang, 'modal.working.title'), LIMITS.modalTitle),
    close: plain(t(lang, 'eligibility.close'), LIMITS.modalButton),
    blocks: [mrkdwnSection(text)],
  };
}

/** The modal shown while late work finishes. */
export function workingModal(lang: Lang): ModalView {
  return noticeModal(lang, t(lang, 'modal.working.text'));
}
