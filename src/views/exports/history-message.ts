import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { HISTORY, type HistoryPage } from '../../history/ids.ts';
import type { HistoryPageData } from '../../history/list-history.ts';
import { formatDate, formatInstant } from '../../i18n/format.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { machineLabel, stageLabel } from '../../i18n/labels.ts';
import { LIMITS, truncate } from '../shared/blocks.ts';
import { escapeMrkdwn } from '../shared/mrkdwn.ts';

function pagerButton(lang: Lang, data: HistoryPageData, page: number, key: 'history.prev' | 'history.next'): Button {
  const value: HistoryPage = { ref: data.ref, kind: data.kind, page };
  return {
    type: 'button',
    text: { type: 'plain_text', text: t(lang, key), emoji: true },
    value: JSON.stringify(value),
    action_id: `${HISTORY.pageAction}.${key === 'history.prev' ? 'prev' : 'next'}`,
  };
}

/**
 * A page of a project's timeline: per audit row the event, who (or the scheduler), when (in the reader's time zone),
 * the fact date when one was recorded, and the from → to stage; previous/next buttons page through it.
 */
export function historyMessage(data: HistoryPageData, lang: Lang, tz?: string): { text: string; blocks: KnownBlock[] } {
  const kind = data.kind ? t(lang, 'history.kind', { kind: data.kind }) : '';
  if (data.total === 0) {
    const text = t(lang, 'history.none', {
      ref: data.ref,
      kind: data.kind ? t(lang, 'history.noneOfKind', { kind: data.kind }) : '',
    });
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } }] };
  }
  const text = t(lang, 'history.header', {
    ref: data.ref,
    title: escapeMrkdwn(data.title),
    kind,
    total: data.total,
    page: data.page,
    pages: data.pages,
  });
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) } },
  ];
  for (const e of data.entries) {
    const states =
      e.fromState || e.toState
        ? t(lang, 'history.states', {
            from: e.fromState ? stageLabel(lang, data.machine, e.fromState) : '—',
            to: e.toState ? stageLabel(lang, data.machine, e.toState) : '—',
          })
        : '';
    const line = t(lang, 'history.entry', {
      event: machineLabel(lang, `event.${e.eventType}`),
      actor: e.actorId ? `<@${e.actorId}>` : t(lang, 'card.scheduler'),
      at: formatInstant(lang, e.recordedAt.toISOString(), tz),
      fact: e.factDate ? t(lang, 'history.fact', { date: formatDate(lang, e.factDate) }) : '',
      states,
    });
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(line, LIMITS.sectionText) } });
  }
  const buttons: Button[] = [];
  if (data.page > 1) buttons.push(pagerButton(lang, data, data.page - 1, 'history.prev'));
  if (data.page < data.pages) buttons.push(pagerButton(lang, data, data.page + 1, 'history.next'));
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons } satisfies ActionsBlock);
  return { text: `${data.ref} ${data.title}`, blocks };
}
