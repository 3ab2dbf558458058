import type { Actor } from '../../machines/shared/actor.ts';
import { NotFoundError } from '../errors.ts';
import { assertRole, auditDeadline, DEADLINE_EDITORS, type DeadlineDeps } from './access.ts';
import { deadlineWithProject, firstAcknowledgement } from './repository.ts';

/**
 * A manager acknowledges a late deadline escalated to the managers' channel: recorded once in the audit trail (a
 * second click tells who acknowledged it first); the deadline stays as it is, so the digest still lists it as missed.
 */
export async function acknowledgeEscalation(
  deps: DeadlineDeps,
  command: { deadlineId: string; actor: Actor },
): Promise<{ deadlineId: string; ref: string; acknowledgedBy: string; already: boolean }> {
  const { actor } = command;
  assertRole(actor, DEADLINE_EDITORS, 'error.permission.deadline');
  const row = /^[0-9a-f-]{36}$/i.test(command.deadlineId)
    ? await deadlineWithProject(deps.prisma, command.deadlineId)
    : null;
  if (!row) throw new NotFoundError('error.deadlineNotFound');
  const previous = await firstAcknowledgement(deps.prisma, row.projectId, row.id);
  if (previous) return { deadlineId: row.id, ref: row.project.ref, acknowledgedBy: previous, already: true };
  await deps.prisma.$transaction((tx) =>
    auditDeadline(tx, {
      projectId: row.projectId,
      actor,
      eventType: 'deadline.acknowledged',
      at: deps.clock.now(),
      payload: { deadlineId: row.id, key: row.key, kind: row.kind, status: row.status },
    }),
  );
  return { deadlineId: row.id, ref: row.project.ref, acknowledgedBy: actor.userId, already: false };
}
