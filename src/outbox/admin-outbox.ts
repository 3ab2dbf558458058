import type { Actor } from '../../machines/shared/actor.ts';
import type { Clock } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import type { PrismaClient } from '../db/client.ts';
import { InputError, NotFoundError, PermissionError } from '../errors.ts';
import type { OutboxButtonValue } from './ids.ts';

/** A parked (dead) outbox row as an admin sees it. */
export interface DeadMessage {
  id: string;
  key: string;
  method: string;
  channel: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

function assertAdmin(actor: Actor): void {
  if (actor.kind !== 'user' || !actor.roles.includes('admin')) throw new PermissionError('error.permission.outbox');
}

/** `/pilot admin outbox`: the messages Slack kept refusing, newest first (admins only). */
export async function listDeadMessages(prisma: PrismaClient, actor: Actor, limit = 20): Promise<DeadMessage[]> {
  assertAdmin(actor);
  const rows = await prisma.outboxMessage.findMany({ where: { status: 'dead' }, orderBy: { id: 'desc' }, take: limit });
  return rows.map((r) => ({
    id: r.id.toString(),
    key: r.key,
    method: r.method,
    channel:
      typeof (r.args as { channel?: unknown })?.channel === 'string' ? (r.args as { channel: string }).channel : null,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The retry button: puts a dead row back in the queue with a fresh count of attempts (admins only; audited). */
export async function retryDeadMessage(
  prisma: PrismaClient,
  clock: Clock,
  command: OutboxButtonValue & { actor: Actor },
): Promise<{ id: string; key: string }> {
  assertAdmin(command.actor);
  const row = await prisma.outboxMessage.findUnique({ where: { id: BigInt(command.outboxId) } });
  if (!row) throw new NotFoundError('error.outboxNotFound', { id: command.outboxId });
  if (row.status !== 'dead') throw new InputError('error.outboxNotDead', { id: command.outboxId, status: row.status });
  const now = clock.now();
  const actor = command.actor;
  // An admin's decision like any other: the message goes back in the queue and the trail says who sent it again.
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: row.id, status: 'dead' },
      data: { status: 'pending', attempts: 0, nextAttemptAt: now },
    });
    if (count === 0) return;
    await recordAudit(tx, {
      projectId: row.projectId,
      actorKind: actor.kind,
      actorId: actor.kind === 'user' ? actor.userId : null,
      actorRoles: actor.kind === 'user' ? actor.roles : [],
      eventType: 'outbox.retried',
      payload: { outboxId: row.id.toString(), key: row.key, method: row.method, lastError: row.lastError },
      recordedAt: now,
    });
  });
  return { id: row.id.toString(), key: row.key };
}
