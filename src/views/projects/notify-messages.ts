import type { KnownBlock } from '@slack/types';
import type { ChecklistParams, NotifyParams } from '../../../machines/shared/settings.ts';
import type { DeadlineChange } from '../../deadlines/sync-deadlines.ts';
import { type Lang, type MessageKey, t } from '../../i18n/index.ts';
import { machineLabel } from '../../i18n/labels.ts';
import type { SlackMessage } from '../../slack/message.ts';
import { escapeMrkdwn } from '../shared/mrkdwn.ts';

/** The catalog key of each template the machines notify with; a test checks every template the machines use. */
export const NOTIFY_TEMPLATES = {
  'decision.proposed': 'notify.decision.proposed',
  'selection.reportToCsrc': 'notify.selection.reportToCsrc',
  'project.rejected': 'notify.project.rejected',
  'incident.occurred': 'notify.incident.occurred',
  'pilot.launched': 'notify.pilot.launched',
  'guidance.relayed': 'notify.guidance.relayed',
  'sanction.reportedToCsrc': 'notify.sanction.reportedToCsrc',
  'sanction.decided': 'notify.sanction.decided',
  'exit.started': 'notify.exit.started',
  'review.assignment': 'notify.review.assignment',
  'review.declined': 'notify.review.declined',
  'review.expired': 'notify.review.expired',
  'review.overridden': 'notify.review.overridden',
  'coaching.removeNotice': 'notify.coaching.removeNotice',
} as const satisfies Record<string, MessageKey>;

/** The message for a machine's notify effect. */
export function notifyMessage(params: NotifyParams, project: { ref: string; title: string }, lang: Lang): SlackMessage {
  const key = (NOTIFY_TEMPLATES as Record<string, MessageKey>)[params.template];
  if (!key) throw new Error(`no message for notify template ${params.template}`);
  const text = t(lang, key, { ref: project.ref, title: escapeMrkdwn(project.title), rule: params.rule });
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text } }];
  if (params.faultTolerance && params.faultTolerance.length > 0) {
    // R-TOL-1: wherever a sanction is decided, show whether each incident qualifies for fault tolerance.
    const lines = params.faultTolerance.map((f) =>
      t(
        lang,
        f.assessed
          ? f.qualifies
            ? 'notify.tolerance.qualifies'
            : 'notify.tolerance.notQualifies'
          : 'notify.tolerance.unassessed',
        {
          incident: f.incidentId,
        },
      ),
    );
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: lines.join('\n') }] });
  }
  return { text, blocks };
}

/** The checklist a conversion (R-INC-1) or an exit (R-EXIT-6) produces. */
export function checklistMessage(params: ChecklistParams, project: { ref: string }, lang: Lang): SlackMessage {
  const title = t(lang, params.kind === 'incentives' ? 'notify.checklist.incentives' : 'notify.checklist.exitPlan', {
    ref: project.ref,
  });
  // Exit items share their labels with the exit form's choices (option.item.*); incentives have their own.
  const prefix = params.kind === 'exitPlan' ? 'option.item' : 'checklist';
  const items = params.items.map((item) => `☐ ${machineLabel(lang, `${prefix}.${item}`)}`).join('\n');
  // The list is where work starts; the card keeps it current, with a tick button per item (who and when recorded).
  const text = `${title}\n${items}\n${t(lang, 'rules.checklist.onCard')}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** Tells the person responsible that a due date moved (a loaded calendar, a new fact date). */
export function deadlineMovedMessage(change: DeadlineChange, project: { ref: string }, lang: Lang): SlackMessage {
  const text = t(lang, 'notify.deadline.moved', {
    ref: project.ref,
    kind: machineLabel(lang, `deadline.${change.kind}`),
    from: change.previousDueDate ?? '',
    to: change.dueDate ?? '',
  });
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
