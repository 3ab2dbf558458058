import { MENU } from '../../home/ids.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { expertTagList } from '../../review/expert-tags.ts';
import type { SlackMessage } from '../../slack/message.ts';
import { button, mrkdwnSection } from '../shared/blocks.ts';

/** The `/pilot help` answer: every subcommand with an example. */
export function helpMessage(lang: Lang): SlackMessage {
  const text = `${t(lang, 'help.title')}\n${t(lang, 'help.body')}\n${t(lang, 'reports.help')}\n${t(lang, 'help.exports')}\n${t(lang, 'help.tags', { tags: expertTagList(lang) })}`;
  return { text, blocks: [mrkdwnSection(text)] };
}

const MENU_LABEL = {
  'new pilot': 'menu.newPilot',
  'new coaching': 'menu.newCoaching',
  'list mine': 'menu.mine',
  'list overdue': 'menu.overdue',
  list: 'menu.pipeline',
  'batch list': 'menu.batches',
  experts: 'menu.experts',
  'roles list': 'menu.roles',
  'digest now': 'menu.digest',
  'lang zh': 'menu.langZh',
  'lang en': 'menu.langEn',
  help: 'menu.help',
} as const;

/** `/pilot` alone: a menu of buttons for people who do not type subcommands. */
export function menuMessage(lang: Lang): SlackMessage {
  const text = t(lang, 'menu.title');
  return {
    text,
    blocks: [
      mrkdwnSection(text),
      {
        type: 'actions',
        elements: MENU.items.map((item, i) => button(t(lang, MENU_LABEL[item]), item, `${MENU.actionPrefix}${i}`)),
      },
    ],
  };
}
