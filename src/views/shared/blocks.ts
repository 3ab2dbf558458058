import type {
  Button,
  ContextBlock,
  InputBlock,
  InputBlockElement,
  KnownBlock,
  ModalView,
  PlainTextElement,
  SectionBlock,
} from '@slack/types';
import { type Lang, t } from '../../i18n/index.ts';

/** Block Kit's limits that the builders respect (api.slack.com/reference/block-kit). */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  contextText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  selectOptions: 100,
  optionText: 75,
  inputLabel: 2000,
  headerText: 150,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

/** Cuts text to a limit with an ellipsis, counting characters as Slack does (code points). */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Plain text object, cut to `max` characters. */
export function plain(text: string, max: number = LIMITS.sectionText): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

/** A section with mrkdwn text, cut to Slack's 3000 characters. */
export function mrkdwnSection(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) } };
}

/** A context block with one mrkdwn element. */
export function context(text: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, LIMITS.contextText) }] };
}

/** A button; its text is cut to 75 characters, its value must fit 2000 (values are small JSON objects). */
export function button(text: string, value: string, actionId: string, style?: 'primary' | 'danger'): Button {
  if (value.length > LIMITS.buttonValue) throw new Error(`button value over ${LIMITS.buttonValue} characters`);
  return {
    type: 'button',
    text: plain(text, LIMITS.buttonText),
    value,
    action_id: actionId,
    ...(style ? { style } : {}),
  };
}

/** Omit over each member of a union, so an input element keeps its own type without its action id. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An input block's element before the builder gives it its action id. */
export type InputElement = DistributiveOmit<InputBlockElement, 'action_id'>;

/** An input block of a modal; modals here use one action id per input and tell inputs apart by block id. */
export function inputBlock(
  blockId: string,
  label: string,
  element: InputElement,
  options: { optional?: boolean; actionId?: string } = {},
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    ...(options.optional ? { optional: true } : {}),
    label: plain(label, LIMITS.inputLabel),
    element: { action_id: options.actionId ?? 'v', ...element } as InputBlockElement,
  };
}

/** A modal form with the usual Submit and Cancel buttons, titles cut to Slack's limits. */
export function formModal(
  lang: Lang,
  form: { callbackId: string; title: string; blocks: KnownBlock[]; privateMetadata?: string },
): ModalView {
  return {
    type: 'modal',
    callback_id: form.callbackId,
    ...(form.privateMetadata !== undefined ? { private_metadata: form.privateMetadata } : {}),
    title: plain(form.title, LIMITS.modalTitle),
    submit: plain(t(lang, 'modal.submit'), LIMITS.modalButton),
    close: plain(t(lang, 'modal.cancel'), LIMITS.modalButton),
    blocks: form.blocks,
  };
}
