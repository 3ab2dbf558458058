import type { ModalView } from '@slack/types';
import { type Lang, t } from '../../i18n/index.ts';
import type { ProjectCardData } from '../../projects/get-project-card.ts';
import { PROJECT } from '../../projects/ids.ts';
import type { ProjectFilter, ProjectPage } from '../../projects/list-projects.ts';
import { context, LIMITS, plain } from '../shared/blocks.ts';
import { projectCard } from './project-card.ts';
import { projectListMessage } from './project-list.ts';

/**
 * A project list in a modal, for buttons pressed where there is no response_url to answer (the Home tab, a modal):
 * the same blocks as the ephemeral list, so "next page" and "open" work the same way.
 */
export function listModal(page: ProjectPage, filter: ProjectFilter, lang: Lang): ModalView {
  return {
    type: 'modal',
    title: plain(t(lang, 'home.listTitle'), LIMITS.modalTitle),
    close: plain(t(lang, 'home.close'), LIMITS.modalButton),
    blocks: projectListMessage(page, filter, lang).blocks.slice(0, LIMITS.viewBlocks),
  };
}

/**
 * A project card in a modal, read-only: its action buttons answer through the card's message, which a modal does
 * not have, so the modal says where to act instead.
 */
export function cardModal(card: ProjectCardData, lang: Lang): ModalView {
  const blocks = projectCard(card, lang).filter((b) => b.block_id !== PROJECT.blocks.actions);
  return {
    type: 'modal',
    title: plain(card.ref, LIMITS.modalTitle),
    close: plain(t(lang, 'home.close'), LIMITS.modalButton),
    blocks: [...blocks, context(t(lang, 'home.cardHint', { ref: card.ref }))].slice(0, LIMITS.viewBlocks),
  };
}
