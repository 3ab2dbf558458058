import type { Lang } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';

export interface CreatedProjectView {
  ref: string;
  track: 'pilot' | 'coaching';
  title: string;
  stage: string;
  ownerId: string;
  creatorId: string;
}

/** The channel message that confirms a new application; a pure function of the project and the channel's language. */
export function projectCreatedMessage(p: CreatedProjectView, channel: string, lang: Lang): Record<string, unknown> {
  const headline = t(lang, p.track === 'coaching' ? 'intake.createdCoaching' : 'intake.created', {
    actor: `<@${p.creatorId}>`,
    ref: p.ref,
    title: escapeMrkdwn(p.title),
  });
  return {
    channel,
    text: headline,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: headline } },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: t(lang, 'project.card.stage', { stage: p.stage }) },
          { type: 'mrkdwn', text: t(lang, 'project.card.owner', { owner: `<@${p.ownerId}>` }) },
        ],
      },
    ],
  };
}

/** Escapes the three characters Slack's mrkdwn treats as control characters in user text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
