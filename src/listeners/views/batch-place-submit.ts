import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { BATCH_PLACE, BatchRefSchema, PlacementSchema } from '../../batches/ids.ts';
import { InputError } from '../../errors.ts';
import { placementResultModal } from '../../views/batches/placement.ts';
import type { CommonWiring, SettingsWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';
import { submitWithin } from './ack-within.ts';
import { readInput } from './read-values.ts';
import { viewErrorResponse } from './view-errors.ts';

const BLOCK_OF = { projects: BATCH_PLACE.blocks.projects };

/** R-BATCH-1: the placement form moves the ticked applications into the batch; the outcome replaces the form. */
export function batchPlaceSubmit(services: CommonWiring & SettingsWiring) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const lang = await services.langFor(userId);
    await submitWithin(
      ack,
      async () => {
        const { b } = parseMetadata(BatchRefSchema, view.private_metadata);
        const chosen = PlacementSchema.safeParse(readInput(view.state.values, BLOCK_OF.projects, BATCH_PLACE.action));
        if (!chosen.success) throw new InputError('error.metadata');
        const result = await services.batches.place(userId, { batchId: b, projectIds: chosen.data });
        return { response_action: 'update' as const, view: placementResultModal(lang, result) };
      },
      {
        client,
        userId,
        lang: async () => lang,
        errors: (error) => viewErrorResponse(error, lang, BLOCK_OF, BLOCK_OF.projects),
        viewId: view.id,
      },
    );
  };
}
