import type { KnownBlock } from '@slack/types';
import type { SelectionList, SelectionRow } from '../../batches/selection-list.ts';
import { formatDate } from '../../i18n/format.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { machineLabel } from '../../i18n/labels.ts';
import { LIMITS, truncate } from '../shared/blocks.ts';

const mrkdwn = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) },
});

const join = (lang: Lang, parts: string[]) => parts.join(lang === 'en' ? ', ' : '、');

function rowText(lang: Lang, row: SelectionRow, n: number): string {
  const institutions = row.institutions.map((i) =>
    t(lang, 'rules.selection.institution', {
      name: i.name,
      uscc: i.uscc,
      type: machineLabel(lang, `institution.${i.institutionType}`),
      lead: i.lead ? t(lang, 'rules.selection.lead') : '',
    }),
  );
  const scores = Object.entries(row.review.meanScores).map(([c, s]) => `${machineLabel(lang, `field.${c}`)} ${s}`);
  const recommendations = Object.entries(row.review.recommendations).map(
    ([r, count]) => `${machineLabel(lang, `option.recommendation.${r}`)} ${count}`,
  );
  return [
    t(lang, 'rules.selection.rowTitle', { n, ref: row.ref, title: row.title }),
    ...institutions,
    t(lang, 'rules.selection.scenario', { scenario: truncate(row.scenario, 600) }),
    t(lang, 'rules.selection.technologies', {
      list:
        join(
          lang,
          row.technologies.map((x) => machineLabel(lang, `option.technologies.${x}`)),
        ) || '—',
    }),
    t(lang, 'rules.selection.review', {
      count: row.review.reviews,
      scores: join(lang, scores) || '—',
      recommendations: join(lang, recommendations) || '—',
    }),
    t(lang, 'rules.selection.selectedOn', { date: formatDate(lang, row.selectedOn) }),
  ].join('\n');
}

/** R-APP-3: a batch's selection list for the CSRC Technology Supervision Bureau, as a message (a section per project). */
export function selectionListMessage(lang: Lang, list: SelectionList): { text: string; blocks: KnownBlock[] } {
  const title = t(lang, 'rules.selection.title', {
    name: list.batch.name,
    opens: formatDate(lang, list.batch.opensOn),
    closes: formatDate(lang, list.batch.closesOn),
    count: list.rows.length,
  });
  if (list.rows.length === 0) {
    const text = `${title}\n${t(lang, 'rules.selection.none')}`;
    return { text, blocks: [mrkdwn(text)] };
  }
  // A message holds at most 50 blocks: the title, 48 projects, and a line saying where the rest are.
  const shown = list.rows.slice(0, LIMITS.messageBlocks - 2);
  const blocks: KnownBlock[] = [mrkdwn(title), ...shown.map((row, i) => mrkdwn(rowText(lang, row, i + 1)))];
  if (shown.length < list.rows.length)
    blocks.push(mrkdwn(t(lang, 'rules.selection.more', { count: list.rows.length - shown.length })));
  return { text: title, blocks };
}
