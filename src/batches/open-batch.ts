import { shanghaiDate } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import { InputError } from '../errors.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { assertMayManageBatches, type BatchDeps, type BatchView, batchView } from './batch-view.ts';
import { batchByName, insertBatch } from './repository.ts';

/** Schedules a batch's collection window (staff, managers, admins); audited. */
export async function openBatch(
  deps: BatchDeps,
  actor: UserActor,
  command: { name: string; opensOn: string; closesOn: string },
): Promise<BatchView> {
  assertMayManageBatches(actor.roles);
  const name = command.name.trim();
  if (!name || name.length > 100) throw new InputError('batch.nameInvalid', {}, { name: { key: 'batch.nameInvalid' } });
  if (command.closesOn < command.opensOn)
    throw new InputError('batch.datesInvalid', {}, { closesOn: { key: 'batch.datesInvalid' } });
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    if (await batchByName(tx, name))
      throw new InputError('batch.exists', { name }, { name: { key: 'batch.exists', params: { name } } });
    const created = await insertBatch(tx, {
      name,
      opensOn: new Date(`${command.opensOn}T00:00:00Z`),
      closesOn: new Date(`${command.closesOn}T00:00:00Z`),
      createdById: actor.userId,
    });
    await recordAudit(tx, {
      actorKind: 'user',
      actorId: actor.userId,
      actorRoles: actor.roles,
      eventType: 'batch.opened',
      payload: { batchId: created.id, name, opensOn: command.opensOn, closesOn: command.closesOn },
      recordedAt: now,
    });
    return batchView(created, shanghaiDate(now));
  });
}
