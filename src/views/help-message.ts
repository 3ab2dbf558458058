import { type Lang, t } from '../i18n/index.ts';

/** The `/pilot help` answer. */
export function helpMessage(lang: Lang): { text: string; blocks: Record<string, unknown>[] } {
  const text = `${t(lang, 'help.title')}\n${t(lang, 'help.body')}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
