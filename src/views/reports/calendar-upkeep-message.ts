import type { KnownBlock } from '@slack/types';
import { type Lang, t } from '../../i18n/index.ts';

/** The weekly prompt to an admin to load next year's official holiday schedule (issue 13, calendar upkeep). */
export function calendarUpkeepMessage(year: number, lang: Lang): { text: string; blocks: KnownBlock[] } {
  const text = t(lang, 'calendar.upkeep.prompt', { year });
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
