import type { SectionBlock } from '@slack/types';
import { type Lang, type MessageKey, t } from '../../i18n/index.ts';
import type { RecordsSummary } from '../../records/list-records.ts';

/** The card's supervision-records line: per kind how many, how many open, how many late (no text: channels see it). */
export function recordsCardSection(summary: RecordsSummary, ref: string, lang: Lang): SectionBlock | null {
  if (summary.kinds.length === 0) return null;
  const parts = summary.kinds.map((k) =>
    t(lang, k.late > 0 ? 'records.card.kindLate' : 'records.card.kind', {
      kind: t(lang, `records.kind.${k.kind}` as MessageKey),
      total: k.total,
      open: k.open,
      late: k.late,
    }),
  );
  return {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `*${t(lang, 'records.card.title')}* ${parts.join(' · ')}\n${t(lang, 'records.card.hint', { ref })}`,
    },
  };
}
