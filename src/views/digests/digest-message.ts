import type { KnownBlock, SectionBlock } from '@slack/types';
import type { DigestData, DigestLine } from '../../digests/build-digest.ts';
import { formatInstant } from '../../i18n/format.ts';
import { type Lang, type MessageKey, t } from '../../i18n/index.ts';
import { machineLabel } from '../../i18n/labels.ts';
import { unofficialMark, unofficialNote } from '../../i18n/period-label.ts';
import type { SlackMessage } from '../../slack/message.ts';
import { context, mrkdwnSection, truncate } from '../shared/blocks.ts';
import { escapeMrkdwn } from '../shared/mrkdwn.ts';

/** Slack's limits: 50 blocks a message, 3000 characters a section, 150 a header. */
export const SLACK_LIMITS = { blocks: 50, sectionText: 3000, headerText: 150 } as const;

/**
 * The digest as Block Kit, within Slack's limits: a section over 3000 characters is cut at a line with "…and N more",
 * and the message never exceeds 50 blocks. Pure: data and a language in, blocks out.
 */
export function digestMessage(data: DigestData, lang: Lang): SlackMessage {
  const title = t(lang, 'digest.title', { date: data.date });
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(title, SLACK_LIMITS.headerText) } },
  ];
  const filters = [data.filters.track, data.filters.stage].filter(Boolean).join(' · ');
  if (filters) blocks.push(context(t(lang, 'digest.filters', { filters })));
  const stageLines = data.stages.map((s) =>
    t(lang, 'digest.stageLine', {
      stage: machineLabel(lang, `state.${s.track}.${s.stage}`),
      track: s.track,
      count: s.count,
    }),
  );
  blocks.push(section(t(lang, 'digest.stages'), stageLines, lang));
  const lists: [MessageKey, DigestLine[]][] = [
    ['digest.upcoming', data.upcoming],
    ['digest.missed', data.missed],
    ['digest.coaching', data.coachingEnding],
    ['digest.lateReviewers', data.lateReviewers],
  ];
  for (const [key, lines] of lists) {
    blocks.push({ type: 'divider' });
    blocks.push(
      section(
        t(lang, key, { count: lines.length }),
        lines.map((l) => deadlineLine(l, lang)),
        lang,
      ),
    );
  }
  const unknown = [...new Set(lists.flatMap(([, lines]) => lines.flatMap((l) => l.unknownYears ?? [])))].sort();
  if (unknown.length > 0)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: unofficialNote(unknown, lang) }] });
  // The last line, and kept when the lists are long: whether the audit log was last proven intact (issue 14).
  const audit = auditLine(data.auditCheck, lang);
  return {
    text: title,
    blocks: [...blocks.slice(0, SLACK_LIMITS.blocks - 1), context(audit)],
  };
}

function auditLine(check: DigestData['auditCheck'], lang: Lang): string {
  if (!check) return t(lang, 'audit.digest.never');
  const at = formatInstant(lang, check.ranAt);
  return check.ok ? t(lang, 'audit.digest.intact', { at, rows: check.rows }) : t(lang, 'audit.digest.broken', { at });
}

function deadlineLine(l: DigestLine, lang: Lang): string {
  return t(lang, 'digest.line', {
    ref: l.ref,
    title: escapeMrkdwn(l.title),
    kind: machineLabel(lang, `deadline.${l.kind}`),
    due: `${l.dueDate}${unofficialMark((l.unknownYears ?? []).length > 0)}`,
    who: l.responsibleUserId ? `<@${l.responsibleUserId}>` : '—',
  });
}

/** A titled list in one section, cut at whole lines to fit, saying how many were left out. */
function section(title: string, lines: string[], lang: Lang): SectionBlock {
  const limit = SLACK_LIMITS.sectionText;
  if (lines.length === 0) return mrkdwnSection(`${title}\n${t(lang, 'digest.none')}`);
  let text = title;
  for (const [i, line] of lines.entries()) {
    const more = i + 1 < lines.length ? `\n${t(lang, 'digest.more', { count: lines.length - i - 1 })}` : '';
    // Keep room for the "…and N more" line a later cut would need.
    if (text.length + 1 + line.length + more.length > limit) {
      return mrkdwnSection(`${text}\n${t(lang, 'digest.more', { count: lines.length - i })}`);
    }
    text += `\n${line}`;
  }
  return mrkdwnSection(text);
}
