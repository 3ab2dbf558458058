import type { KnownBlock } from '@slack/types';
import { type Lang, t } from '../../i18n/index.ts';
import type { DeadMessage } from '../../outbox/admin-outbox.ts';
import { OUTBOX_ACTIONS, type OutboxButtonValue } from '../../outbox/ids.ts';
import type { SlackMessage } from '../../slack/message.ts';
import { mrkdwnSection } from '../shared/blocks.ts';

/** The admin's list of dead messages with a retry button each (at most 20 rows, within Slack's 50 blocks). Pure. */
export function deadMessagesMessage(rows: readonly DeadMessage[], lang: Lang): SlackMessage {
  const title = t(lang, rows.length ? 'outbox.dead.title' : 'outbox.dead.none', { count: rows.length });
  const blocks: KnownBlock[] = [mrkdwnSection(title)];
  for (const r of rows.slice(0, 20)) {
    const text = t(lang, 'outbox.dead.line', {
      key: r.key,
      channel: r.channel ?? '—',
      attempts: r.attempts,
      error: (r.lastError ?? '').slice(0, 500),
    });
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text },
      accessory: {
        type: 'button',
        action_id: `${OUTBOX_ACTIONS.retry}.${r.id}`,
        text: { type: 'plain_text', text: t(lang, 'outbox.button.retry') },
        value: JSON.stringify({ outboxId: r.id } satisfies OutboxButtonValue),
      },
    });
  }
  return { text: title, blocks };
}
