import type { Actor } from '../../machines/shared/actor.ts';
import { nextDeliveryInstant } from '../calendar/index.ts';
import { InputError } from '../errors.ts';
import { enqueueMessages } from '../outbox/enqueue-messages.ts';
import { renderedMessage } from '../outbox/rendered.ts';
import { assertRole, auditDeadline, DEADLINE_EDITORS, type DeadlineDeps, openDeadline } from './access.ts';
import { loadCalendar } from './load-calendar.ts';
import { dateOf } from './replan.ts';
import { updateDeadline } from './repository.ts';

/**
 * Makes another person responsible for a deadline (staff, managers, admins; audited with before and after): the
 * reminders and the owner-level escalation go to them from now on, and they are told (within quiet hours).
 */
export async function reassignDeadline(
  deps: DeadlineDeps,
  command: { deadlineId: string; userId: string; actor: Actor },
): Promise<{ deadlineId: string; ref: string; from: string | null; to: string }> {
  const { actor } = command;
  assertRole(actor, DEADLINE_EDITORS, 'error.permission.deadline');
  const userId = command.userId.trim();
  if (!/^[UW][A-Z0-9]{2,}$/.test(userId))
    throw new InputError('error.reassign.userInvalid', {}, { userId: { key: 'error.reassign.userInvalid' } });
  const row = await openDeadline(deps.prisma, command.deadlineId);
  const now = deps.clock.now();
  const calendar = await loadCalendar(deps.prisma);
  await deps.prisma.$transaction(async (tx) => {
    await updateDeadline(tx, row.id, { responsibleUserId: userId });
    await auditDeadline(tx, {
      projectId: row.projectId,
      actor,
      eventType: 'deadline.reassigned',
      at: now,
      payload: { deadlineId: row.id, key: row.key, kind: row.kind, before: row.responsibleUserId, after: userId },
    });
    await enqueueMessages(tx, [
      {
        key: `reassigned:${row.id}:${userId}:${now.getTime()}`,
        ...renderedMessage(
          userId,
          'deadline.reassigned',
          { ref: row.project.ref, kind: row.kind, dueDate: dateOf(row.dueDate), by: actor.userId },
          'zh-CN',
        ),
        projectId: row.projectId,
        notBefore: new Date(nextDeliveryInstant(now, calendar)),
      },
    ]);
  });
  return { deadlineId: row.id, ref: row.project.ref, from: row.responsibleUserId, to: userId };
}
