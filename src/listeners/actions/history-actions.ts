import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { HistoryPageSchema } from '../../history/ids.ts';
import { historyMessage } from '../../views/exports/history-message.ts';
import type { CommonWiring, ExportsWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';

/** "Previous" / "Next" under a project's history: replaces the page with the one asked for. */
export function historyPage(services: CommonWiring & ExportsWiring) {
  return async ({ ack, action, body, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const lang = await services.langFor(body.user.id);
    const next = parseMetadata(HistoryPageSchema, action.value);
    const data = await services.history.page(body.user.id, next);
    const tz = await services.tzFor(body.user.id);
    await respond({ response_type: 'ephemeral', replace_original: true, ...historyMessage(data, lang, tz) });
  };
}
