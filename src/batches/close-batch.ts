import { shanghaiDate } from '../clock.ts';
import { NotFoundError } from '../errors.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { assertMayManageBatches, type BatchDeps, type BatchView, batchView } from './batch-view.ts';

/** Closes a batch's collection early (staff, managers, admins); audited. */
export async function closeBatch(deps: BatchDeps, actor: UserActor, name: string): Promise<BatchView> {
  assertMayManageBatches(actor.roles);
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const batch = await tx.batch.findUnique({ where: { name } });
    if (!batch) throw new NotFoundError('batch.notFound', { name });
    const updated = batch.closedEarly
      ? batch
      : await tx.batch.update({ where: { id: batch.id }, data: { closedEarly: now } });
    if (!batch.closedEarly)
      await tx.auditEvent.create({
        data: {
          actorKind: 'user',
          actorId: actor.userId,
          actorRoles: actor.roles,
          eventType: 'batch.closed',
          payload: { batchId: batch.id, name: batch.name },
          recordedAt: now,
        },
      });
    return batchView(updated, shanghaiDate(now));
  });
}
