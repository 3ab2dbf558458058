import { type Lang, t } from '../../i18n/index.ts';
import { machineLabel, stageLabel } from '../../i18n/labels.ts';
import type { ProjectCardData } from '../../projects/get-project-card.ts';
import type { SlackMessage } from '../../slack/message.ts';
import { projectCard } from './project-card.ts';

/** The channel card as a message: the fallback text names the project, the blocks show where it stands. */
export function cardMessage(card: ProjectCardData, lang: Lang): SlackMessage {
  return { text: `${card.ref} ${card.title}`, blocks: projectCard(card, lang) };
}

/** One line of the project's thread under its card: who did what, and the stage it led to. */
export function threadEntryText(
  entry: { eventType: string; actorId: string | null; stage: string },
  machine: string,
  lang: Lang,
): string {
  return t(lang, 'thread.entry', {
    actor: entry.actorId ? `<@${entry.actorId}>` : t(lang, 'card.scheduler'),
    event: machineLabel(lang, `event.${entry.eventType}`),
    stage: stageLabel(lang, machine, entry.stage),
  });
}
