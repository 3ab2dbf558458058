import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { BATCH_MODAL } from '../../batches/ids.ts';
import { placementModal } from '../../views/batches/placement.ts';
import type { CommonWiring, SettingsWiring } from '../../wiring/index.ts';
import { answerUnderFields, submitWithin } from './ack-within.ts';
import { readInput } from './read-values.ts';

const BLOCK_OF = {
  name: BATCH_MODAL.blocks.name,
  opensOn: BATCH_MODAL.blocks.opensOn,
  closesOn: BATCH_MODAL.blocks.closesOn,
};

/**
 * The batch modal's submission: schedules the batch, or shows what is wrong under the field. When applications wait
 * for a batch (R-BATCH-1), the form turns into the placement form with them preselected; otherwise it closes.
 */
export function batchSubmit(services: CommonWiring & SettingsWiring) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const v = view.state.values;
    await submitWithin(
      ack,
      async () => {
        const batch = await services.batches.open(userId, {
          name: String(readInput(v, BLOCK_OF.name, BATCH_MODAL.action) ?? ''),
          opensOn: String(readInput(v, BLOCK_OF.opensOn, BATCH_MODAL.action) ?? ''),
          closesOn: String(readInput(v, BLOCK_OF.closesOn, BATCH_MODAL.action) ?? ''),
        });
        if (batch.status === 'closed') return undefined;
        const placement = await services.batches.waiting(userId, { id: batch.id });
        if (placement.waiting.length === 0) return undefined;
        return { response_action: 'update' as const, view: placementModal(await services.langFor(userId), placement) };
      },
      answerUnderFields(services, { client, userId }, BLOCK_OF, BLOCK_OF.name, { viewId: view.id }),
    );
  };
}
