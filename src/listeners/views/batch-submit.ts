import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { BATCH_MODAL } from '../../batches/ids.ts';
import type { CommonWiring, SettingsWiring } from '../../wiring/index.ts';
import { answerUnderFields, submitWithin } from './ack-within.ts';
import { readInput } from './read-values.ts';

const BLOCK_OF = {
  name: BATCH_MODAL.blocks.name,
  opensOn: BATCH_MODAL.blocks.opensOn,
  closesOn: BATCH_MODAL.blocks.closesOn,
};

/** The batch modal's submission: schedules the batch, or shows what is wrong under the field. */
export function batchSubmit(services: CommonWiring & SettingsWiring) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const v = view.state.values;
    await submitWithin(
      ack,
      async () => {
        await services.batches.open(userId, {
          name: String(readInput(v, BLOCK_OF.name, BATCH_MODAL.action) ?? ''),
          opensOn: String(readInput(v, BLOCK_OF.opensOn, BATCH_MODAL.action) ?? ''),
          closesOn: String(readInput(v, BLOCK_OF.closesOn, BATCH_MODAL.action) ?? ''),
        });
      },
      answerUnderFields(services, { client, userId }, BLOCK_OF, BLOCK_OF.name),
    );
  };
}
