import type { KnownBlock } from '@slack/types';
import type { Lang } from '../../i18n/index.ts';
import type { ProjectCardData } from '../../projects/get-project-card.ts';
import type { SlackMessage } from '../../slack/message.ts';
import { mrkdwnSection } from '../shared/blocks.ts';
import { projectCard } from './project-card.ts';

/**
 * A short notice followed, when there is one, by the project's current card (an out-of-date button, form or
 * shortcut), so the person can carry on from what the project looks like now.
 */
export function noticeWithCard(
  text: string,
  card: ProjectCardData | null,
  lang: Lang,
  readerTz: string | undefined,
): SlackMessage {
  const blocks: KnownBlock[] = [mrkdwnSection(text)];
  if (card) blocks.push({ type: 'divider' }, ...projectCard(card, lang, readerTz));
  return { text, blocks };
}
