import { shanghaiDate } from '../clock.ts';
import { InputError, UserFacingError } from '../errors.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { type ApplyEventDeps, applyEvent } from '../runtime/apply-event.ts';
import { assertMayManageBatches } from './batch-view.ts';
import { placeable } from './list-waiting-applications.ts';
import { batchById, pilotProjectsByIds } from './repository.ts';

/** What a placement did: the references moved into the batch, and those refused with the reason. */
export interface PlacementResult {
  batch: string;
  moved: string[];
  refused: Array<{ ref: string; error: Pick<UserFacingError, 'key' | 'params'> }>;
}

/**
 * R-BATCH-1: moves the chosen waiting applications into a batch in one action. Each move is its own change through
 * applyEvent (`batch.assigned`: snapshot, audit, card and thread), so one that cannot move (withdrawn meanwhile,
 * already placed) is reported with its reason and the others still move.
 */
export async function placeApplications(
  deps: ApplyEventDeps,
  actor: UserActor,
  command: { batchId: string; projectIds: readonly string[] },
): Promise<PlacementResult> {
  assertMayManageBatches(actor.roles);
  const batch = placeable(await batchById(deps.prisma, command.batchId), '', shanghaiDate(deps.clock.now()));
  if (command.projectIds.length === 0)
    throw new InputError('rules.batch.placeNone', {}, { projects: { key: 'rules.batch.placeNone' } });
  const rows = await pilotProjectsByIds(deps.prisma, command.projectIds);
  const result: PlacementResult = { batch: batch.name, moved: [], refused: [] };
  // An id the form offered that is no pilot project any more (or never was) is reported, not skipped in silence.
  for (const id of command.projectIds)
    if (!rows.some((r) => r.id === id))
      result.refused.push({ ref: id, error: { key: 'error.projectNotFound', params: { ref: id } } });
  const recordedAt = deps.clock.now().toISOString();
  for (const row of rows) {
    try {
      await applyEvent(deps, row.id, {
        type: 'batch.assigned',
        actor,
        recordedAt,
        factDate: shanghaiDate(deps.clock.now()),
        batchId: batch.id,
      });
      result.moved.push(row.ref);
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      result.refused.push({ ref: row.ref, error: { key: error.key, params: error.params } });
    }
  }
  return result;
}
