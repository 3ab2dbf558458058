import { shanghaiDate } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import { NotFoundError } from '../errors.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { assertMayManageBatches, type BatchDeps, type BatchView, batchView } from './batch-view.ts';
import { batchByName, closeBatchEarly } from './repository.ts';

/** Closes a batch's collection early (staff, managers, admins); audited. */
export async function closeBatch(deps: BatchDeps, actor: UserActor, name: string): Promise<BatchView> {
  assertMayManageBatches(actor.roles);
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const batch = await batchByName(tx, name);
    if (!batch) throw new NotFoundError('batch.notFound', { name });
    const updated = batch.closedEarly ? batch : await closeBatchEarly(tx, batch.id, now);
    if (!batch.closedEarly)
      await recordAudit(tx, {
        actorKind: 'user',
        actorId: actor.userId,
        actorRoles: actor.roles,
        eventType: 'batch.closed',
        payload: { batchId: batch.id, name: batch.name },
        recordedAt: now,
      });
    return batchView(updated, shanghaiDate(now));
  });
}
