import type { Actor, Role } from '../../machines/shared/actor.ts';
import type { Clock } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import { InputError, NotFoundError, PermissionError } from '../errors.ts';
import type { MessageKey } from '../i18n/index.ts';
import { type Db, type Deadline, deadlineWithProject, type PrismaClient } from './repository.ts';

/** What the deadline use cases need: the database and the clock ("today" for a new due date, audit times). */
export interface DeadlineDeps {
  prisma: PrismaClient;
  clock: Clock;
}

/** Roles that may change a deadline (extend, snooze, reassign, acknowledge). */
export const DEADLINE_EDITORS: readonly Role[] = ['staff', 'manager', 'admin'];

/** Throws a PermissionError unless the actor is a user holding one of the roles. */
export function assertRole(
  actor: Actor,
  roles: readonly Role[],
  key: MessageKey,
): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user' || !actor.roles.some((r) => roles.includes(r))) throw new PermissionError(key);
}

/** The deadline, still open (open or missed); NotFound for an unknown id, InputError for a closed one. */
export async function openDeadline(
  db: Db,
  deadlineId: string,
): Promise<Deadline & { project: { ref: string; title: string; ownerId: string } }> {
  const row = /^[0-9a-f-]{36}$/i.test(deadlineId) ? await deadlineWithProject(db, deadlineId) : null;
  if (!row) throw new NotFoundError('error.deadlineNotFound');
  if (row.status !== 'open' && row.status !== 'missed')
    throw new InputError('error.deadlineClosed', { status: row.status });
  return row;
}

/** Appends an audit row for a deadline change (projectId set; no machine state changes). */
export async function auditDeadline(
  tx: Db,
  input: { projectId: string | null; actor: Actor; eventType: string; payload: Record<string, unknown>; at: Date },
): Promise<void> {
  await recordAudit(tx, {
    projectId: input.projectId,
    actorKind: input.actor.kind,
    actorId: input.actor.kind === 'user' ? input.actor.userId : null,
    actorRoles: input.actor.kind === 'user' ? input.actor.roles : [],
    eventType: input.eventType,
    payload: input.payload,
    recordedAt: input.at,
  });
}
