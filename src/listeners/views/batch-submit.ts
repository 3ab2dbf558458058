import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Services } from '../../services.ts';
import { BATCH_MODAL } from '../../views/settings-messages.ts';
import { readInput } from './read-values.ts';
import { viewErrorResponse } from './view-errors.ts';

const BLOCK_OF = {
  name: BATCH_MODAL.blocks.name,
  opensOn: BATCH_MODAL.blocks.opensOn,
  closesOn: BATCH_MODAL.blocks.closesOn,
};

/** The batch modal's submission: schedules the batch, or shows what is wrong under the field. */
export function batchSubmit(services: Services) {
  return async ({ ack, view, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const lang = await services.langFor(body.user.id);
    const v = view.state.values;
    try {
      await services.batches.open(body.user.id, {
        name: String(readInput(v, BLOCK_OF.name, BATCH_MODAL.action) ?? ''),
        opensOn: String(readInput(v, BLOCK_OF.opensOn, BATCH_MODAL.action) ?? ''),
        closesOn: String(readInput(v, BLOCK_OF.closesOn, BATCH_MODAL.action) ?? ''),
      });
      await ack();
    } catch (error) {
      const response = viewErrorResponse(error, lang, BLOCK_OF, BLOCK_OF.name);
      if (!response) throw error;
      await ack(response);
    }
  };
}
