import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { BatchRefSchema } from '../../batches/ids.ts';
import { placementModal } from '../../views/batches/placement.ts';
import type { CommonWiring, SettingsWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** R-BATCH-1: "Place waiting applications" under a newly scheduled batch: opens the placement form. */
export function openPlacementForm(services: CommonWiring & SettingsWiring) {
  return async ({ ack, action, body, client }: Args) => {
    await ack();
    const lang = await services.langFor(body.user.id);
    const { b } = parseMetadata(BatchRefSchema, action.value);
    const placement = await services.batches.waiting(body.user.id, { id: b });
    await client.views.open({ trigger_id: body.trigger_id, view: placementModal(lang, placement) });
  };
}
