import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { ListPageSchema } from '../../projects/ids.ts';
import { cardModal, listModal } from '../../views/projects/drill-modals.ts';
import { projectCard } from '../../views/projects/project-card.ts';
import { projectListMessage } from '../../views/projects/project-list.ts';
import type { CommonWiring, ProjectsWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * Shows a view for a button pressed in a view (the Home tab or a modal), where there is no response_url: a modal
 * is replaced (next page) or stacked on (open), the Home tab opens a new modal.
 */
async function showInView({ body, client }: Args, view: ModalView, inModal: 'update' | 'push') {
  const current = body.view!;
  if (current.type !== 'modal') await client.views.open({ trigger_id: body.trigger_id, view });
  else if (inModal === 'update') await client.views.update({ view_id: current.id, hash: current.hash, view });
  else await client.views.push({ trigger_id: body.trigger_id, view });
}

/** "Next page" under a project list, or a Home tab drill-in: replaces the list with the requested page. */
export function listPage(services: CommonWiring & ProjectsWiring) {
  return async (args: Args) => {
    const { ack, action, body, respond } = args;
    await ack();
    const lang = await services.langFor(body.user.id);
    const next = parseMetadata(ListPageSchema, action.value);
    const page = await services.projects.list(next.f, next.n, body.user.id);
    if (body.view) {
      await showInView(args, listModal(page, next.f, lang), 'update');
      return;
    }
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      ...(projectListMessage(page, next.f, lang) as { text: string }),
    });
  };
}

/** "Open" beside a listed project: shows its card, with the actions this person may take. */
export function listShow(services: CommonWiring & ProjectsWiring) {
  return async (args: Args) => {
    const { ack, action, body, respond } = args;
    await ack();
    const lang = await services.langFor(body.user.id);
    const card = await services.projects.cardByRef(action.value ?? '', body.user.id);
    if (body.view) {
      await showInView(args, cardModal(card, lang), 'push');
      return;
    }
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: `${card.ref} ${card.title}`,
      blocks: projectCard(card, lang),
    });
  };
}
