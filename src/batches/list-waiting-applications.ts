import { shanghaiDate } from '../clock.ts';
import { InputError, NotFoundError } from '../errors.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { assertMayManageBatches, type BatchDeps, type BatchView, batchView } from './batch-view.ts';
import { applicationsAwaitingBatch, type Batch, batchById, batchByName } from './repository.ts';

/** An application waiting for a batch, as the placement form offers it. */
export interface WaitingApplication {
  id: string;
  ref: string;
  title: string;
  submittedOn: string | null;
}

/** A batch that can take applications, with the applications waiting for one (R-BATCH-1). */
export interface Placement {
  batch: BatchView;
  waiting: WaitingApplication[];
}

/** R-BATCH-1: the applications waiting for a batch, offered when a batch is opened (by its name or id). */
export async function listWaitingApplications(
  deps: BatchDeps,
  actor: UserActor,
  which: { name: string } | { id: string },
): Promise<Placement> {
  assertMayManageBatches(actor.roles);
  const row = 'id' in which ? await batchById(deps.prisma, which.id) : await batchByName(deps.prisma, which.name);
  const batch = placeable(row, 'name' in which ? which.name : '', shanghaiDate(deps.clock.now()));
  const rows = await applicationsAwaitingBatch(deps.prisma);
  return {
    batch,
    waiting: rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      title: r.title,
      submittedOn: (r.snapshot as { context?: { submittedOn?: string | null } }).context?.submittedOn ?? null,
    })),
  };
}

/** The batch as people see it, if applications can still be placed in it (planned or collecting). */
export function placeable(row: Batch | null, name: string, today: string): BatchView {
  if (!row) throw new NotFoundError('batch.notFound', { name });
  const batch = batchView(row, today);
  if (batch.status === 'closed') throw new InputError('rules.batch.closedForPlacement', { name: batch.name });
  return batch;
}
