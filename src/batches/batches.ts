import type { Clock } from '../clock.ts';
import { shanghaiDate } from '../clock.ts';
import type { PrismaClient } from '../db/client.ts';
import { InputError, NotFoundError, PermissionError } from '../errors.ts';
import { holdsAny, rolesOf } from '../roles/roles.ts';

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
  const rows = await deps.prisma.batch.findMany({ orderBy: { opensOn: 'desc' } });
  return rows.map((b) => view(b, today));
}

/** R-APP-1: the batch open on a day, if any; a submitted application joins it, else waits for the next one. */
export async function openBatchOn(prisma: Pick<PrismaClient, 'batch'>, date: string): Promise<BatchView | null> {
  const day = new Date(`${date}T00:00:00Z`);
  const rows = await prisma.batch.findMany({
    where: { opensOn: { lte: day }, closesOn: { gte: day }, closedEarly: null },
    orderBy: { opensOn: 'asc' },
    take: 1,
  });
  return rows[0] ? view(rows[0], date) : null;
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
    if (await tx.batch.findUnique({ where: { name } }))
      throw new InputError('batch.exists', { name }, { name: { key: 'batch.exists', params: { name } } });
    const created = await tx.batch.create({
      data: {
        name,
        opensOn: new Date(`${command.opensOn}T00:00:00Z`),
        closesOn: new Date(`${command.closesOn}T00:00:00Z`),
        createdById: command.actorId,
      },
    });
    await tx.auditEvent.create({
      data: {
        actorKind: 'user',
        actorId: command.actorId,
        actorRoles: roles,
        eventType: 'batch.opened',
        payload: { batchId: created.id, name, opensOn: command.opensOn, closesOn: command.closesOn },
        recordedAt: now,
      },
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
    const batch = await tx.batch.findUnique({ where: { name: command.name } });
    if (!batch) throw new NotFoundError('batch.notFound', { name: command.name });
    const updated = batch.closedEarly
      ? batch
      : await tx.batch.update({ where: { id: batch.id }, data: { closedEarly: now } });
    if (!batch.closedEarly)
      await tx.auditEvent.create({
        data: {
          actorKind: 'user',
          actorId: command.actorId,
          actorRoles: roles,
          eventType: 'batch.closed',
          payload: { batchId: batch.id, name: batch.name },
          recordedAt: now,
        },
      });
    return view(updated, shanghaiDate(now));
  });
}

/** Batches a project can still be placed in (planned or open), as select choices. */
export async function listBatchOptions(
  prisma: Pick<PrismaClient, 'batch'>,
  today: string,
): Promise<Array<{ value: string; label: string }>> {
  const rows = await prisma.batch.findMany({
    where: { closedEarly: null, closesOn: { gte: new Date(`${today}T00:00:00Z`) } },
    orderBy: { opensOn: 'asc' },
    take: 100,
  });
  return rows.map((b) => ({
    value: b.id,
    label: `${b.name} (${b.opensOn.toISOString().slice(0, 10)}–${b.closesOn.toISOString().slice(0, 10)})`,
  }));
}
