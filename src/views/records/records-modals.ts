import type { KnownBlock, ModalView, PlainTextInput } from '@slack/types';
import { type Lang, type MessageKey, t } from '../../i18n/index.ts';
import { RECORDS, type RecordRef } from '../../records/ids.ts';
import { EDITABLE } from '../../records/kinds.ts';
import type { RecordItem } from '../../records/list-records.ts';
import { truncate } from '../shared/blocks.ts';

const plain = (text: string, max = 2000) => ({ type: 'plain_text' as const, text: truncate(text, max) });

function modal(lang: Lang, callbackId: string, title: string, ref: RecordRef, blocks: KnownBlock[]): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: JSON.stringify(ref),
    title: plain(title, 24),
    submit: plain(t(lang, 'modal.submit'), 24),
    close: plain(t(lang, 'modal.cancel'), 24),
    blocks,
  };
}

function textInput(field: string, label: string, value: string | null, long: boolean, optional: boolean): KnownBlock {
  const element: PlainTextInput = {
    type: 'plain_text_input',
    action_id: RECORDS.fieldAction,
    multiline: long,
    max_length: long ? 3000 : 200,
    ...(value ? { initial_value: value } : {}),
  };
  return { type: 'input', block_id: RECORDS.fieldBlock(field), optional, label: plain(label), element };
}

function dateInput(field: string, label: string, initial: string): KnownBlock {
  return {
    type: 'input',
    block_id: RECORDS.fieldBlock(field),
    label: plain(label),
    element: { type: 'datepicker', action_id: RECORDS.fieldAction, initial_date: initial },
  };
}

const REQUIRED = new Set(['summary', 'text', 'requiredChange']);

/** The edit form of a record: the text fields people wrote, filled in; a complainant's data only in this form. */
export function editRecordModal(lang: Lang, item: RecordItem): ModalView {
  const blocks: KnownBlock[] = [
    { type: 'context', elements: [{ type: 'mrkdwn', text: t(lang, 'records.editContext', { key: item.key }) }] },
  ];
  for (const spec of EDITABLE[item.kind]) {
    const value = spec.personal
      ? ((item.personal as Record<string, string | null> | null)?.[spec.field] ?? null)
      : ((item.data[spec.field] as string | null | undefined) ?? null);
    const label = t(lang, `records.field.${spec.field}` as MessageKey);
    blocks.push(textInput(spec.field, label, value, spec.long, !REQUIRED.has(spec.field)));
  }
  return modal(lang, RECORDS.callbacks.edit, t(lang, 'records.editTitle'), { r: item.id }, blocks);
}

/** A finding opens a rectification item: what must change and by when. */
export function openItemModal(lang: Lang, finding: RecordItem, today: string): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(`*${finding.key}* ${String(finding.data.text ?? '')}`, 3000) },
    },
    textInput('requiredChange', t(lang, 'records.field.requiredChange'), null, true, false),
    dateInput('dueDate', t(lang, 'records.field.dueDate'), today),
  ];
  return modal(lang, RECORDS.callbacks.openItem, t(lang, 'records.openItemTitle'), { r: finding.id }, blocks);
}

/** A rectification item is closed with its evidence and the day it was done. */
export function closeItemModal(lang: Lang, item: RecordItem, today: string): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(`*${item.key}* ${String(item.data.requiredChange ?? '')}`, 3000) },
    },
    textInput('evidence', t(lang, 'records.field.evidence'), null, true, false),
    dateInput('closedOn', t(lang, 'records.field.closedOn'), today),
  ];
  return modal(lang, RECORDS.callbacks.closeItem, t(lang, 'records.closeItemTitle'), { r: item.id }, blocks);
}
