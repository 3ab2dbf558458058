import type { KnownBlock } from '@slack/types';
import { type Lang, type MessageKey, t } from '../../i18n/index.ts';
import { stageLabel } from '../../i18n/labels.ts';
import { LIST } from '../../projects/ids.ts';
import type { SearchResult } from '../../search/search-projects.ts';
import { LIMITS, truncate } from '../shared/blocks.ts';
import { escapeMrkdwn } from '../shared/mrkdwn.ts';

/** The answer to `/pilot search`: one line per project with its stage and where it matched, and a button to open its card. */
export function searchResultsMessage(result: SearchResult, lang: Lang): { text: string; blocks: KnownBlock[] } {
  if (result.total === 0) {
    const text = t(lang, 'search.none', { text: result.text });
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } }] };
  }
  const more = result.total > result.hits.length ? t(lang, 'search.more', { shown: result.hits.length }) : '';
  const text = t(lang, 'search.header', { text: result.text, total: result.total, more });
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } }];
  for (const hit of result.hits) {
    const where = hit.matched.map((f) => t(lang, `search.match.${f}` as MessageKey)).join('、');
    const line = `*${hit.ref}* ${escapeMrkdwn(hit.title)}\n${stageLabel(lang, hit.machine, hit.stage)}${
      where ? ` · ${t(lang, 'search.matched', { where })}` : ''
    }`;
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(line, LIMITS.sectionText) },
      accessory: {
        type: 'button',
        text: { type: 'plain_text', text: t(lang, 'search.open'), emoji: true },
        value: hit.ref,
        action_id: `${LIST.showAction}.${hit.ref}`,
      },
    });
  }
  return { text, blocks };
}
