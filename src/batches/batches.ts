import type { Clock } from '../clock.ts';
import { shanghaiDate } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import { InputError, NotFoundError, PermissionError } from '../errors.ts';
import { holdsAny, rolesOf } from '../roles/roles.ts';
import {
  allBatches,
  batchByName,
  batchesOpenFrom,
  batchOpenOn,
  closeBatchEarly,
  type Db,
  insertBatch,
  type PrismaClient,
} from './repository.ts';

export interface BatchDeps {
  prisma: PrismaClient;
  clock: Clock;
  admins: readonly string[];
}

/** A batch as people see it, with its status on a given day. */
export interface BatchView {
  id: string;
  name: string;
  opensOn: string;
  closesOn: string;
  status: 'planned' | 'open' | 'closed';
}

const BATCH_ROLES = ['staff', 'manager', 'admin'] as const;

/** R-BATCH-1: a batch is open from its first to its last day inclusive (Shanghai), unless staff closed it early. */
export function batchStatus(
  b: { opensOn: Date; closesOn: Date; closedEarly: Date | null },
  today: string,
): BatchView['status'] {
  if (b.closedEarly) return 'closed';
  const opens = b.opensOn.toISOString().slice(0, 10);
  const closes = b.closesOn.toISOString().slice(0, 10);
  if (today < opens) return 'planned';
  return today <= closes ? 'open' : 'closed';
}

function view(
  b: { id: string; name: string; opensOn: Date; closesOn: Date; closedEarly: Date | null },
  today: string,
): BatchView {
  return {
    id: b.id,
    name: b.name,
    opensOn: b.opensOn.toISOString().slice(0, 10),
    closesOn: b.closesOn.toISOString().slice(0, 10),
    status: batchStatus(b, today),
  };
}

/** Every batch, newest window first. */
export async function listBatches(deps: BatchDeps): Promise<BatchView[]> {
  const today = shanghaiDate(deps.clock.now());
  const rows = await allBatches(deps.prisma);
  return rows.map((b) => view(b, today));
}

/** R-APP-1: the batch open on a day, if any; a submitted application joins it, else waits for the next one. */
export async function openBatchOn(prisma: Db, date: string): Promise<BatchView | null> {
  const batch = await batchOpenOn(prisma, new Date(`${date}T00:00:00Z`));
  return batch ? view(batch, date) : null;
}

/** Schedules a batch's collection window (staff, managers, admins); audited. */
export async function openBatch(
  deps: BatchDeps,
  command: { actorId: string; name: string; opensOn: string; closesOn: string },
): Promise<BatchView> {
  const roles = await rolesOf(deps.prisma, command.actorId, deps.admins);
  if (!holdsAny(roles, BATCH_ROLES)) throw new PermissionError('batch.permission');
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
      createdById: command.actorId,
    });
    await recordAudit(tx, {
      actorKind: 'user',
      actorId: command.actorId,
      actorRoles: roles,
      eventType: 'batch.opened',
      payload: { batchId: created.id, name, opensOn: command.opensOn, closesOn: command.closesOn },
      recordedAt: now,
    });
    return view(created, shanghaiDate(now));
  });
}

/** Closes a batch's collection early (staff, managers, admins); audited. */
export async function closeBatch(deps: BatchDeps, command: { actorId: string; name: string }): Promise<BatchView> {
  const roles = await rolesOf(deps.prisma, command.actorId, deps.admins);
  if (!holdsAny(roles, BATCH_ROLES)) throw new PermissionError('batch.permission');
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const batch = await batchByName(tx, command.name);
    if (!batch) throw new NotFoundError('batch.notFound', { name: command.name });
    const updated = batch.closedEarly ? batch : await closeBatchEarly(tx, batch.id, now);
    if (!batch.closedEarly)
      await recordAudit(tx, {
        actorKind: 'user',
        actorId: command.actorId,
        actorRoles: roles,
        eventType: 'batch.closed',
        payload: { batchId: batch.id, name: batch.name },
        recordedAt: now,
      });
    return view(updated, shanghaiDate(now));
  });
}

/** Batches a project can still be placed in (planned or open), as select choices. */
export async function listBatchOptions(prisma: Db, today: string): Promise<Array<{ value: string; label: string }>> {
  const rows = await batchesOpenFrom(prisma, new Date(`${today}T00:00:00Z`));
  return rows.map((b) => ({
    value: b.id,
    label: `${b.name} (${b.opensOn.toISOString().slice(0, 10)}–${b.closesOn.toISOString().slice(0, 10)})`,
  }));
}
