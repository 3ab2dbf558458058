import type { ModalView } from '@slack/types';
import type { BatchView } from '../../batches/batch-view.ts';
import { BATCH_MODAL } from '../../batches/ids.ts';
import { formatDate } from '../../i18n/format.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { RELAY_MODAL } from '../../projects/ids.ts';
import { roleWithId } from '../../roles/role-labels.ts';
import type { Role } from '../../roles/roles.ts';
import type { SlackMessage } from '../../slack/message.ts';
import { formModal, type InputElement, inputBlock, mrkdwnSection, plain } from '../shared/blocks.ts';

const single = (text: string): SlackMessage => ({ text, blocks: [mrkdwnSection(text)] });

const BATCH_STATUS = {
  planned: 'batch.status.planned',
  open: 'batch.status.open',
  closed: 'batch.status.closed',
} as const;

/** `/pilot roles list`. */
export function rolesMessage(roles: Record<Role, string[]>, lang: Lang): SlackMessage {
  const lines = (Object.keys(roles) as Role[]).map((role) =>
    t(lang, 'roles.line', {
      role: roleWithId(lang, role),
      users: roles[role].map((u) => `<@${u}>`).join(' ') || t(lang, 'roles.none'),
    }),
  );
  return single(`${t(lang, 'roles.title')}\n${lines.join('\n')}`);
}

/** `/pilot batch list`. */
export function batchesMessage(batches: BatchView[], lang: Lang): SlackMessage {
  if (batches.length === 0) return single(t(lang, 'batch.none'));
  const lines = batches.map((b) =>
    t(lang, 'batch.line', {
      name: b.name,
      opens: formatDate(lang, b.opensOn),
      closes: formatDate(lang, b.closesOn),
      status: t(lang, BATCH_STATUS[b.status]),
    }),
  );
  return single(`${t(lang, 'batch.listTitle')}\n${lines.join('\n')}`);
}

/** `/pilot settings`: the working group's channel and the automatic assignment, with how to change them. */
export function settingsMessage(
  settings: { workingGroupChannel: string | null; autoAssign: boolean },
  lang: Lang,
): SlackMessage {
  const lines = [
    settings.workingGroupChannel
      ? t(lang, 'settings.workgroup', { channel: `<#${settings.workingGroupChannel}>` })
      : t(lang, 'settings.workgroupNone'),
    t(lang, 'settings.autoAssign', { state: t(lang, settings.autoAssign ? 'settings.on' : 'settings.off') }),
    t(lang, 'usage.settings'),
  ];
  return single(`${t(lang, 'settings.title')}\n${lines.join('\n')}`);
}

/** A one-line confirmation. */
export function confirmation(text: string): SlackMessage {
  return single(text);
}

/** The modal that schedules a batch with date pickers (`/pilot batch open` without dates). */
export function batchModal(lang: Lang, today: string, name: string | null): ModalView {
  const input = (blockId: string, label: string, element: InputElement) =>
    inputBlock(blockId, label, element, { actionId: BATCH_MODAL.action });
  return formModal(lang, {
    callbackId: BATCH_MODAL.callbackId,
    title: t(lang, 'batch.modalTitle'),
    blocks: [
      input(BATCH_MODAL.blocks.name, t(lang, 'batch.field.name'), {
        type: 'plain_text_input',
        max_length: 100,
        // Slack refuses a modal whose initial value is longer than max_length; a long typed name is cut to fit.
        ...(name ? { initial_value: [...name].slice(0, 100).join('') } : {}),
      }),
      input(BATCH_MODAL.blocks.opensOn, t(lang, 'batch.field.opensOn'), { type: 'datepicker', initial_date: today }),
      input(BATCH_MODAL.blocks.closesOn, t(lang, 'batch.field.closesOn'), { type: 'datepicker' }),
    ],
  });
}

/** `/pilot relay`: a CSRC guidance notice to pass on to every piloting project. */
export function relayModal(lang: Lang, today: string): ModalView {
  const input = (blockId: string, label: string, element: InputElement) =>
    inputBlock(blockId, label, element, { actionId: RELAY_MODAL.action });
  return formModal(lang, {
    callbackId: RELAY_MODAL.callbackId,
    title: t(lang, 'relay.title'),
    blocks: [
      input(RELAY_MODAL.blocks.noticeRef, t(lang, 'relay.noticeRef'), { type: 'plain_text_input', max_length: 200 }),
      input(RELAY_MODAL.blocks.summary, t(lang, 'relay.summary'), {
        type: 'plain_text_input',
        multiline: true,
        max_length: 3000,
      }),
      input(RELAY_MODAL.blocks.factDate, t(lang, 'relay.factDate'), { type: 'datepicker', initial_date: today }),
    ],
  });
}

/** What replaces the relay form: which projects got the notice and which could not take it now. */
export function relayResultView(lang: Lang, result: { relayed: string[]; failed: string[] }): ModalView {
  const lines = [t(lang, 'relay.done', { count: result.relayed.length, refs: result.relayed.join('、') || '—' })];
  if (result.failed.length > 0) lines.push(t(lang, 'relay.failed', { refs: result.failed.join('、') }));
  return {
    type: 'modal',
    title: plain(t(lang, 'relay.title'), 24),
    close: plain(t(lang, 'eligibility.close'), 24),
    blocks: [mrkdwnSection(lines.join('\n'))],
  };
}
