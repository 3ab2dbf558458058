import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services.ts';
import { projectCard } from '../../views/project-card.ts';
import { ListPageSchema, projectListMessage } from '../../views/project-list.ts';
import { parseMetadata } from '../metadata.ts';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Next page" under a project list: replaces the list with the next page. */
export function listPage(services: Services) {
  return async ({ ack, action, body, respond }: Args) => {
    await ack();
    const lang = await services.langFor(body.user.id);
    const next = parseMetadata(ListPageSchema, action.value);
    const page = await services.projects.list(next.f, next.n, body.user.id);
    await respond({ response_type: 'ephemeral', replace_original: true, ...(projectListMessage(page, next.f, lang) as { text: string }) });
  };
}

/** "Open" beside a listed project: shows its card, with the actions this person may take. */
export function listShow(services: Services) {
  return async ({ ack, action, body, respond }: Args) => {
    await ack();
    const lang = await services.langFor(body.user.id);
    const card = await services.projects.cardByRef(action.value ?? '', body.user.id);
    await respond({ response_type: 'ephemeral', replace_original: false, text: `${card.ref} ${card.title}`, blocks: projectCard(card, lang) as never });
  };
}
