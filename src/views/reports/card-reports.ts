import type { KnownBlock } from '@slack/types';
import { formatDate } from '../../i18n/format.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { periodLabel, unofficialMark, unofficialNote } from '../../i18n/period-label.ts';
import type { ReportsCardSummary } from '../../reports/card-summary.ts';
import { LIMITS, truncate } from '../shared/blocks.ts';
import { statusText } from './reports-message.ts';

/**
 * The project card's report lines (R-SUP-1): the next period due and every missing or late one, which stay visible
 * until received; a ※ date says in one line that it was counted without the official schedule.
 */
export function reportsCardBlocks(summary: ReportsCardSummary, ref: string, lang: Lang): KnownBlock[] {
  const due = (p: { dueDate: string; unknownYears: number[] }) =>
    `${formatDate(lang, p.dueDate)}${unofficialMark(p.unknownYears.length > 0)}`;
  const lines = [
    ...(summary.next
      ? [t(lang, 'reports.card.next', { label: periodLabel(summary.next, lang), due: due(summary.next) })]
      : []),
    ...summary.overdue.map((p) =>
      t(lang, 'reports.card.late', { label: periodLabel(p, lang), due: due(p), status: statusText(p.status, lang) }),
    ),
  ];
  if (lines.length === 0) return [];
  const unknown = [
    ...new Set([...(summary.next ? [summary.next] : []), ...summary.overdue].flatMap((p) => p.unknownYears)),
  ].sort();
  const notes = [...(unknown.length > 0 ? [unofficialNote(unknown, lang)] : []), t(lang, 'reports.card.more', { ref })];
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`*${t(lang, 'reports.card.title')}*\n${lines.join('\n')}`, LIMITS.sectionText),
      },
    },
    { type: 'context', elements: notes.map((text) => ({ type: 'mrkdwn', text })) },
  ];
}
