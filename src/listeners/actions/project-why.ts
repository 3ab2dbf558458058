import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ProjectRefSchema } from '../../projects/ids.ts';
import type { Services } from '../../services.ts';
import { parseMetadata } from '../metadata.ts';

/** The card's "why these dates" button: the same explanation as `/pilot why`. */
export function projectWhy(services: Services) {
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
