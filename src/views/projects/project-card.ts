import type { ConfirmationDialog, KnownBlock } from '@slack/types';
import { formatDate, formatInstant } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/index.ts';
import { t } from '../../i18n/index.ts';
import { machineLabel, stageLabel } from '../../i18n/labels.ts';
import { unofficialMark, unofficialNote } from '../../i18n/period-label.ts';
import type { ProjectCardData } from '../../projects/get-project-card.ts';
import { PROJECT, type ProjectActionRef, type ProjectRef } from '../../projects/ids.ts';
import { checklistBlocks } from '../checklists/card-checklist.ts';
import { recordsCardSection } from '../records/card-records.ts';
import { reportsCardBlocks } from '../reports/card-reports.ts';
import { reviewBlocks } from '../review/review-panel.ts';
import { button, context, LIMITS, mrkdwnSection, plain } from '../shared/blocks.ts';
import { escapeMrkdwn } from '../shared/mrkdwn.ts';
import { intakeButtons } from './intake-forms.ts';

const MAX_BUTTONS = 25;

/** The project card: stage, people, materials, deadlines, recent events and one button per action this viewer may take. */
export function projectCard(card: ProjectCardData, lang: Lang, readerTz?: string): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const track = t(lang, card.track === 'coaching' ? 'card.track.coaching' : 'card.track.pilot');
  blocks.push(
    mrkdwnSection(
      `*${card.ref}* ${escapeMrkdwn(card.title)}\n${track} · ${t(lang, 'card.stage', { stage: stageLabel(lang, card.machine, card.statePath) })}`,
    ),
  );
  const facts = [t(lang, 'card.owner', { owner: `<@${card.ownerId}>` })];
  if (card.batchId) facts.push(t(lang, 'card.batch', { batch: escapeMrkdwn(card.batchName ?? '—') }));
  if (card.applicants.length > 0) {
    const names = [...card.applicants]
      .sort((a, b) => Number(b.lead) - Number(a.lead))
      .map((a) => `${escapeMrkdwn(a.name)}${a.lead ? t(lang, 'card.lead') : ''}`)
      .join('、');
    facts.push(t(lang, 'card.applicants', { names }));
  }
  facts.push(
    card.materials.missing.length === 0
      ? t(lang, 'card.materialsComplete')
      : t(lang, 'card.materialsMissing', {
          missing: card.materials.missing.map((m) => machineLabel(lang, `option.materials.${m}`)).join('、'),
        }),
  );
  if (card.contact)
    facts.push(
      t(lang, 'card.contact', {
        name: escapeMrkdwn(card.contact.name),
        phone: escapeMrkdwn(card.contact.phone),
        email: escapeMrkdwn(card.contact.email),
      }),
    );
  if (card.openComments > 0) facts.push(t(lang, 'card.openComments', { count: card.openComments }));
  blocks.push(mrkdwnSection(facts.join('\n')));
  if (card.comments.length > 0) blocks.push(mrkdwnSection(commentRegister(card.comments, lang)));
  if (card.pending) {
    blocks.push(
      mrkdwnSection(
        t(lang, 'card.pending', {
          decision: machineLabel(lang, `decision.${card.pending.kind}`),
          proposer: `<@${card.pending.proposedBy}>`,
        }),
      ),
    );
  }
  if (card.review) blocks.push(...reviewBlocks(card.review, lang));
  const records = card.records ? recordsCardSection(card.records, card.ref, lang) : null;
  if (records) blocks.push(records);
  if (card.deadlines.length > 0) {
    const lines = card.deadlines.map((d) =>
      t(lang, d.status === 'missed' ? 'card.deadlineMissed' : 'card.deadline', {
        kind: machineLabel(lang, `deadline.${d.kind}`),
        due: `${d.kind === 'incidentFirstReport' ? formatInstant(lang, d.dueAt, readerTz) : formatDate(lang, d.dueDate)}${unofficialMark((d.unknownYears ?? []).length > 0)}`,
        who: d.responsibleUserId ? `<@${d.responsibleUserId}>` : '—',
      }),
    );
    blocks.push(mrkdwnSection(`*${t(lang, 'card.deadlines')}*\n${lines.join('\n')}`));
    const unknown = [...new Set(card.deadlines.flatMap((d) => d.unknownYears ?? []))].sort();
    if (unknown.length > 0) blocks.push(context(unofficialNote(unknown, lang)));
  }
  if (card.reports) blocks.push(...reportsCardBlocks(card.reports, card.ref, lang));
  // R-EXIT-6, R-INC-1: the exit plan's or the incentives checklist, tickable item by item.
  if (card.checklist) blocks.push(...checklistBlocks(card.id, card.checklist, lang));
  if (card.timeline.length > 0) {
    const lines = card.timeline.map(
      (e) =>
        `${formatInstant(lang, e.recordedAt, readerTz)} · ${e.actorId ? `<@${e.actorId}>` : t(lang, 'card.scheduler')} · ${machineLabel(lang, `event.${e.eventType}`)}`,
    );
    blocks.push(context(lines.join('\n')));
  }
  const buttons = card.actions.slice(0, MAX_BUTTONS - 1).map((a) => {
    const value: ProjectActionRef = {
      p: card.id,
      v: card.version,
      t: a.type,
      ...(a.decisionKind ? { k: a.decisionKind } : {}),
    };
    const label = machineLabel(lang, a.labelKey);
    const element = button(label, JSON.stringify(value), `${PROJECT.actionPrefix}${a.type}.${a.decisionKind ?? ''}`);
    // Taken at once: Slack asks "are you sure?" first, since there is no form to cancel.
    return a.direct ? { ...element, confirm: decisionConfirm(lang, label) } : element;
  });
  const ref: ProjectRef = { p: card.id };
  if (card.deadlines.length > 0) buttons.push(button(t(lang, 'card.why'), JSON.stringify(ref), PROJECT.whyAction));
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: PROJECT.blocks.actions, elements: buttons });
  // An application still being assembled gets its own forms: applicants one by one, materials as links.
  if (card.actions.some((a) => a.type === 'intake.update' || a.type === 'coaching.update'))
    blocks.push({
      type: 'actions',
      block_id: PROJECT.blocks.intake,
      elements: intakeButtons(lang, card.id, card.applicants),
    });
  return blocks;
}

/** The confirm dialog of a decision taken from its button. */
function decisionConfirm(lang: Lang, decision: string): ConfirmationDialog {
  return {
    title: plain(t(lang, 'decision.confirmTitle', { decision }), LIMITS.confirmTitle),
    text: plain(t(lang, 'decision.confirmText'), LIMITS.confirmText),
    confirm: plain(t(lang, 'decision.confirmYes'), LIMITS.confirmButton),
    deny: plain(t(lang, 'decision.confirmNo'), LIMITS.confirmButton),
  };
}

const REGISTER_LINES = 10;

/** The public comment register (R-APP-5): open comments first, each with its source, risk flag and disposition. */
function commentRegister(comments: ProjectCardData['comments'], lang: Lang): string {
  const ordered = [...comments].sort((a, b) => Number(a.disposition !== null) - Number(b.disposition !== null));
  const lines = ordered.slice(0, REGISTER_LINES).map((c) =>
    t(lang, c.disposition === null ? 'card.commentOpen' : 'card.commentDisposed', {
      id: c.id,
      source: machineLabel(lang, `option.source.${c.source}`),
      risk: c.raisesRisk ? t(lang, 'card.commentRisk') : '',
      summary: escapeMrkdwn(c.summary),
      kind: c.dispositionKind ? machineLabel(lang, `option.dispositionKind.${c.dispositionKind}`) : '',
      disposition: escapeMrkdwn(c.disposition ?? ''),
    }),
  );
  const more =
    comments.length > REGISTER_LINES
      ? `\n${t(lang, 'card.commentsMore', { count: comments.length - REGISTER_LINES })}`
      : '';
  return `*${t(lang, 'card.commentRegister')}*\n${lines.join('\n')}${more}`;
}
