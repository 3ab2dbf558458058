import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { formatDue, formatInstant } from '../../deadlines/due-text.ts';
import { DEADLINE_ACTIONS, deadlineButtonValue, ESCALATION_ACTIONS_BLOCK } from '../../deadlines/ids.ts';
import type { CalendarMovedData, ReassignedData, StepMessageInput } from '../../deadlines/messages.ts';
import { type Lang, type MessageKey, t } from '../../i18n/index.ts';
import { machineLabel } from '../../i18n/labels.ts';
import { unofficialMark, unofficialNote } from '../../i18n/period-label.ts';
import type { SlackMessage } from '../../slack/message.ts';
import { mrkdwnSection } from '../shared/blocks.ts';
import { escapeMrkdwn } from '../shared/mrkdwn.ts';

function when(step: string, lang: Lang): string {
  const [, amount = '0'] = step.split(':');
  if (amount === '0') return t(lang, 'deadline.when.today');
  if (amount.endsWith('h')) return t(lang, 'deadline.when.hours', { n: amount.slice(0, -1) });
  if (step.startsWith('warning:')) return t(lang, 'deadline.when.days', { n: amount });
  return t(lang, 'deadline.when.workingDays', { n: amount });
}

// Routing by whose clock it is (RULES.md): the owner chases the institution; a reviewer is told of their own work.
function reminderKey(kind: string, clock: string): MessageKey {
  if (kind === 'coachingExpires') return 'deadline.warning.coaching';
  if (clock === 'institution') return 'deadline.reminder.institution';
  if (clock === 'reviewer') return 'deadline.reminder.reviewer';
  return 'deadline.reminder.ours';
}

function ownerEscalationKey(clock: string): MessageKey {
  if (clock === 'csrc') return 'deadline.escalation.csrc';
  if (clock === 'institution') return 'deadline.escalation.institution';
  if (clock === 'reviewer') return 'deadline.escalation.reviewer';
  return 'deadline.escalation.owner';
}

function keyOf(input: StepMessageInput): MessageKey {
  const { step, deadline } = input;
  if (step === 'escalation:owner') return ownerEscalationKey(deadline.clock);
  if (step === 'escalation:managers') return 'deadline.escalation.managers';
  return reminderKey(deadline.kind, deadline.clock);
}

/**
 * The message of one ladder step (reminder, warning, escalation), worded by whose clock it is; a step sent more than
 * an hour late says so, and the managers' escalation carries the Extend / Reassign / Acknowledge buttons.
 */
export function stepMessage(input: StepMessageInput, lang: Lang): SlackMessage {
  const { project, deadline, step } = input;
  const text = t(lang, keyOf(input), {
    ref: project.ref,
    title: escapeMrkdwn(project.title),
    kind: machineLabel(lang, `deadline.${deadline.kind}`),
    due: `${formatDue(deadline)}${unofficialMark((deadline.unknownYears ?? []).length > 0)}`,
    rule: deadline.rule,
    when: when(step, lang),
    user: deadline.responsibleUserId ? `<@${deadline.responsibleUserId}>` : '—',
    days: input.workingDaysLate ?? 0,
  });
  const blocks: KnownBlock[] = [mrkdwnSection(text)];
  if (deadline.unknownYears && deadline.unknownYears.length > 0)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: unofficialNote(deadline.unknownYears, lang) }] });
  if (input.lateSince) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: t(lang, 'deadline.late', { planned: formatInstant(input.lateSince) }) }],
    });
  }
  if (step === 'escalation:managers') blocks.push(escalationButtons(deadline.id, lang));
  return { text, blocks };
}

/** The Extend / Reassign / Acknowledge buttons of a managers' escalation. */
function escalationButtons(deadlineId: string, lang: Lang): ActionsBlock {
  const value = deadlineButtonValue(deadlineId);
  const button = (action: string, key: MessageKey, style?: 'primary'): Button => ({
    type: 'button',
    action_id: action,
    text: { type: 'plain_text', text: t(lang, key) },
    value,
    ...(style ? { style } : {}),
  });
  return {
    type: 'actions',
    block_id: ESCALATION_ACTIONS_BLOCK,
    elements: [
      button(DEADLINE_ACTIONS.extend, 'deadline.button.extend', 'primary'),
      button(DEADLINE_ACTIONS.reassign, 'deadline.button.reassign'),
      button(DEADLINE_ACTIONS.acknowledge, 'deadline.button.acknowledge'),
    ],
  };
}

/** The Snooze button a reminder's recipient (or a `/pilot why` answer) can use. */
export function snoozeButton(deadlineId: string, lang: Lang): Button {
  return {
    type: 'button',
    action_id: `${DEADLINE_ACTIONS.snooze}.${deadlineId}`,
    text: { type: 'plain_text', text: t(lang, 'deadline.button.snooze') },
    value: deadlineButtonValue(deadlineId),
  };
}

/** Tells the person responsible that loading a year's official calendar moved a due date. */
export function calendarMovedMessage(input: CalendarMovedData, lang: Lang): SlackMessage {
  const text = t(lang, 'deadline.movedByCalendar', {
    ref: input.ref,
    kind: machineLabel(lang, `deadline.${input.kind}`),
    year: input.year,
    from: input.from,
    to: input.to,
  });
  return { text, blocks: [mrkdwnSection(text)] };
}

/** Tells the person a deadline was reassigned to them. */
export function reassignedMessage(input: ReassignedData, lang: Lang): SlackMessage {
  const text = t(lang, 'deadline.reassigned', {
    ref: input.ref,
    kind: machineLabel(lang, `deadline.${input.kind}`),
    due: input.dueDate,
    by: `<@${input.by}>`,
  });
  return { text, blocks: [mrkdwnSection(text)] };
}
