import type { KnownBlock } from '@slack/types';
import { type Lang, t } from '../../i18n/index.ts';
import { machineLabel } from '../../i18n/labels.ts';
import type { ReviewerStatus, ReviewPanel } from '../../review/review-panel.ts';
import { context, mrkdwnSection } from '../shared/blocks.ts';

const STATUS_KEYS: Record<ReviewerStatus, Parameters<typeof t>[1]> = {
  invited: 'review.status.invited',
  accepted: 'review.status.accepted',
  declined: 'review.status.declined',
  conflict: 'review.status.conflict',
  withdrawn: 'review.status.withdrawn',
  submitted: 'review.status.submitted',
  late: 'review.status.late',
};

/** The card's review section (issue 6): statuses, then once all are in the statistics, disagreement and recommendations. */
export function reviewBlocks(panel: ReviewPanel, lang: Lang): KnownBlock[] {
  const head = t(lang, 'review.panel.title', { submitted: panel.submitted, needed: panel.needed });
  const lines = panel.reviewers.slice(0, 30).map((r) => `<@${r.userId}> · ${t(lang, STATUS_KEYS[r.status])}`);
  const blocks: KnownBlock[] = [mrkdwnSection(`*${head}*\n${lines.join('\n')}`)];
  if (panel.summary) {
    const stats = panel.summary.stats.map((s) =>
      t(lang, 'review.panel.stat', {
        criterion: machineLabel(lang, `field.${s.criterion}`),
        mean: s.mean.toFixed(1),
        min: s.min,
        max: s.max,
      }),
    );
    const recommendations = panel.summary.recommendations
      .map((r) => machineLabel(lang, `option.recommendation.${r}`))
      .join('、');
    const flag = panel.summary.disagreement ? `\n${t(lang, 'review.panel.disagreement')}` : '';
    blocks.push(
      mrkdwnSection(
        `${stats.join('\n')}${flag}\n${t(lang, 'review.panel.recommendations', { list: recommendations })}`,
      ),
    );
  }
  if (panel.override)
    blocks.push(
      context(t(lang, 'review.panel.override', { by: `<@${panel.override.by}>`, reason: panel.override.reason })),
    );
  return blocks;
}
