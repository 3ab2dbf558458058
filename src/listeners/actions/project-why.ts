import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ProjectRefSchema } from '../../projects/ids.ts';
import type { CommonWiring, DeadlinesWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';

/** The card's "why these dates" button: the same explanation as `/pilot why`. */
export function projectWhy(services: CommonWiring & DeadlinesWiring) {
  return async ({ ack, action, body, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const lang = await services.langFor(body.user.id);
    const ref = parseMetadata(ProjectRefSchema, action.value);
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      ...((await services.deadlines.why(ref.p, lang)) as { text: string }),
    });
  };
}
