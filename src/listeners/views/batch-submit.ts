import { BATCH_MODAL } from '../../batches/ids.ts';
import { placementModal } from '../../views/batches/placement.ts';
import type { CommonWiring, SettingsWiring } from '../../wiring/index.ts';
import { formListener } from './ack-within.ts';
import { readInput } from './read-values.ts';

const BLOCK_OF = {
  name: BATCH_MODAL.blocks.name,
  opensOn: BATCH_MODAL.blocks.opensOn,
  closesOn: BATCH_MODAL.blocks.closesOn,
};

/**
 * The batch modal's submission: schedules the batch, or shows what is wrong under the field. The form then turns into
 * the placement form with the applications waiting for a batch preselected (R-BATCH-1), or says none is waiting.
 */
export function batchSubmit(services: CommonWiring & SettingsWiring) {
  return formListener(
    services,
    BLOCK_OF,
    BLOCK_OF.name,
    async ({ view, userId }) => {
      const v = view.state.values;
      const batch = await services.batches.open(userId, {
        name: String(readInput(v, BLOCK_OF.name, BATCH_MODAL.action) ?? ''),
        opensOn: String(readInput(v, BLOCK_OF.opensOn, BATCH_MODAL.action) ?? ''),
        closesOn: String(readInput(v, BLOCK_OF.closesOn, BATCH_MODAL.action) ?? ''),
      });
      const lang = await services.langFor(userId);
      // A batch whose window is already over (recorded afterwards) takes no placement and offers none.
      const placement =
        batch.status === 'closed' ? { batch, waiting: [] } : await services.batches.waiting(userId, { id: batch.id });
      // Always a view, so that a late answer (the "working" modal) is replaced by it rather than left behind.
      return {
        response_action: 'update' as const,
        view: placementModal(lang, placement, true),
      };
    },
    { replacesView: true },
  );
}
