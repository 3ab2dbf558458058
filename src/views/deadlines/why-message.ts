import type { KnownBlock } from '@slack/types';
import { formatInstant } from '../../deadlines/due-text.ts';
import type { DeadlineExplanation, ProjectDeadlines } from '../../deadlines/explain-project-deadlines.ts';
import { type Lang, t } from '../../i18n/index.ts';
import type { SlackMessage } from '../../slack/message.ts';
import { context, mrkdwnSection, truncate } from '../shared/blocks.ts';
import { escapeMrkdwn } from '../shared/mrkdwn.ts';
import { snoozeButton } from './messages.ts';

// Slack allows 50 blocks; a header plus two blocks per deadline leaves room for 24 deadlines and a "more" line.
const MAX_DEADLINES = 24;
const SECTION_LIMIT = 3000;

/** The `/pilot why` answer: one section per open deadline with its counting, and a snooze button. Pure. */
export function projectDeadlinesMessage(data: ProjectDeadlines, lang: Lang): SlackMessage {
  const title = t(lang, data.deadlines.length ? 'deadline.why.title' : 'deadline.why.none', {
    ref: data.project.ref,
    title: escapeMrkdwn(data.project.title),
  });
  const blocks: KnownBlock[] = [mrkdwnSection(title)];
  for (const d of data.deadlines.slice(0, MAX_DEADLINES)) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(deadlineText(d, lang), SECTION_LIMIT) },
      accessory: snoozeButton(d.deadlineId, lang),
    });
    blocks.push(context(d.result));
  }
  if (data.deadlines.length > MAX_DEADLINES) {
    const more = t(lang, 'digest.more', { count: data.deadlines.length - MAX_DEADLINES });
    blocks.push(context(more));
  }
  return { text: title, blocks };
}

function deadlineText(d: DeadlineExplanation, lang: Lang): string {
  const lines = [t(lang, 'deadline.why.item', { kind: d.kindLabel, rule: d.rule, clock: d.clockLabel })];
  lines.push(t(lang, 'deadline.why.fact', { basis: d.basis }));
  if (d.explicit) {
    lines.push(t(lang, 'deadline.why.explicit', { due: d.explicit.dueDate }));
    if (d.explicit.extendedFrom)
      lines.push(t(lang, 'deadline.why.extended', { from: d.explicit.extendedFrom, reason: d.explicit.reason ?? '' }));
  }
  lines.push(...d.counting);
  if (d.holidaysSkipped.length > 0)
    lines.push(t(lang, 'deadline.why.holidays', { days: d.holidaysSkipped.join(', ') }));
  if (d.adjustedDaysCounted.length > 0)
    lines.push(t(lang, 'deadline.why.adjusted', { days: d.adjustedDaysCounted.join(', ') }));
  if (d.unknownYearWarning) lines.push(t(lang, 'deadline.why.unknownYear', { years: d.unknownYears.join(', ') }));
  if (d.snoozedUntil) lines.push(t(lang, 'deadline.why.snoozed', { until: formatInstant(d.snoozedUntil) }));
  return lines.join('\n');
}
