import type { KnownBlock } from '@slack/types';
import type { Lang } from '../../i18n/index.ts';
import { t } from '../../i18n/index.ts';
import { machineLabel } from '../../i18n/labels.ts';
import { REVIEW } from '../../review/ids.ts';
import type { AssignmentReportData, InvitationData } from '../../review/messages.ts';
import type { Exclusion } from '../../review/rank-experts.ts';
import type { SlackMessage } from '../../slack/message.ts';
import { button, context, mrkdwnSection, truncate } from '../shared/blocks.ts';
import { tagLabel } from './experts-modal.ts';

/** One expert left out of an assignment, and why, in the reader's language. */
export function exclusionText(userId: string, exclusion: Exclusion, lang: Lang): string {
  const user = `<@${userId}>`;
  switch (exclusion.kind) {
    case 'conflict': {
      const reason = exclusion.reasons[0]!;
      if (reason.kind === 'declared') return t(lang, 'review.excluded.declared', { user });
      return t(lang, reason.kind === 'uscc' ? 'review.excluded.uscc' : 'review.excluded.name', {
        user,
        affiliation: reason.affiliation,
        applicant: reason.applicant,
      });
    }
    case 'away':
      return t(lang, 'review.excluded.away', { user, until: exclusion.until ?? '—' });
    case 'loadCap':
      return t(lang, 'review.excluded.loadCap', { user, load: exclusion.load, max: exclusion.maxLoad });
    case 'alreadyInvited':
      return t(lang, 'review.excluded.alreadyInvited', { user });
  }
}

const tagList = (tags: readonly string[], lang: Lang) =>
  tags.length === 0 ? '—' : tags.map((tag) => tagLabel(lang, tag)).join(lang === 'en' ? ', ' : '、');

/**
 * What an automatic assignment did, for staff: each pick with its reason (matched tags, load); when places stay open,
 * that nobody eligible is left, with the reason for every expert left out.
 */
export function assignmentReport(outcome: AssignmentReportData, lang: Lang): SlackMessage {
  const picks = outcome.picks.map((p) =>
    t(lang, 'review.pick', {
      user: `<@${p.userId}>`,
      tags: tagList(p.matchedTags, lang),
      load: p.load,
      max: p.maxLoad,
    }),
  );
  const head =
    outcome.missing > 0
      ? t(lang, 'review.assign.short', { ref: outcome.ref, missing: outcome.missing })
      : t(lang, 'review.assign.done', { ref: outcome.ref, count: outcome.picks.length });
  const excluded = outcome.missing > 0 ? outcome.excluded.map((e) => exclusionText(e.userId, e.exclusion, lang)) : [];
  const lines = [
    ...picks,
    ...(outcome.missing > 0 && excluded.length === 0 ? [t(lang, 'review.assign.emptyPool')] : []),
    ...(outcome.withoutRole ?? []).map((id) => t(lang, 'review.assign.noRole', { user: `<@${id}>` })),
  ];
  const blocks: KnownBlock[] = [mrkdwnSection(head)];
  if (lines.length > 0) blocks.push(mrkdwnSection(lines.join('\n')));
  // One context line per 10 exclusions keeps every block within Slack's limits even for a large pool.
  for (let i = 0; i < excluded.length && blocks.length < 48; i += 10)
    blocks.push(context(excluded.slice(i, i + 10).join('\n')));
  return { text: truncate(`${head}\n${lines.join('\n')}`, 3000), blocks };
}

/** The reviewer's invitation in their DMs (issue 6): summary, material links, due dates, Accept / Decline / Conflict. */
export function invitationMessage(data: InvitationData, lang: Lang): SlackMessage {
  const value = JSON.stringify({ p: data.projectId });
  const head = t(lang, data.simplified ? 'review.invite.titleSimplified' : 'review.invite.title', {
    ref: data.ref,
    title: data.title,
  });
  const links = Object.entries(data.materials).map(([m, url]) => {
    const label = machineLabel(lang, `option.materials.${m}`);
    return url ? `• <${url}|${label}>` : `• ${label}: ${t(lang, 'review.invite.toFollow')}`;
  });
  const dates = t(lang, 'review.invite.dates', {
    respondBy: data.respondBy ?? '—',
    days: data.reviewWorkingDays,
  });
  return {
    text: head,
    blocks: [
      mrkdwnSection(`*${head}*\n${truncate(data.scenario, 1500)}`),
      context(`${t(lang, 'review.invite.technologies')}: ${tagList(data.technologies, lang)}`),
      mrkdwnSection(`*${t(lang, 'review.invite.materials')}*\n${links.join('\n') || '—'}`),
      mrkdwnSection(dates),
      {
        type: 'actions',
        elements: [
          button(t(lang, 'review.invite.accept'), value, REVIEW.actions.accept, 'primary'),
          button(t(lang, 'review.invite.decline'), value, REVIEW.actions.decline),
          button(t(lang, 'review.invite.conflict'), value, REVIEW.actions.conflict, 'danger'),
        ],
      },
    ],
  };
}

/** The DM after accepting: the review's due date and the button that opens the review form. */
export function acceptedMessage(
  data: { projectId: string; ref: string; dueDate: string | null },
  lang: Lang,
): SlackMessage {
  const text = t(lang, 'review.accepted.dm', { ref: data.ref, due: data.dueDate ?? '—' });
  return {
    text,
    blocks: [
      mrkdwnSection(text),
      {
        type: 'actions',
        elements: [
          button(
            t(lang, 'review.form.open'),
            JSON.stringify({ p: data.projectId }),
            REVIEW.actions.openForm,
            'primary',
          ),
        ],
      },
    ],
  };
}
