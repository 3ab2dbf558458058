import type { Actor } from '../../machines/shared/actor.ts';
import { STEP_HOUR, shanghaiInstant, shanghaiWallClock } from '../calendar/index.ts';
import { PermissionError } from '../errors.ts';
import { auditDeadline, DEADLINE_EDITORS, type DeadlineDeps, openDeadline } from './access.ts';
import { loadCalendar } from './load-calendar.ts';
import { updateDeadline } from './repository.ts';

/**
 * Snoozes a deadline's reminders to the next working morning at 09:00 (staff, managers, admins, or the person the
 * reminder is for); audited. The scheduler leaves the row alone until then and sends the step that is due at that
 * time; the due date itself does not move.
 */
export async function snoozeReminder(
  deps: DeadlineDeps,
  command: { deadlineId: string; actor: Actor },
): Promise<{ deadlineId: string; ref: string; snoozedUntil: string }> {
  const { actor } = command;
  const row = await openDeadline(deps.prisma, command.deadlineId);
  const mayByRole = actor.kind === 'user' && actor.roles.some((r) => DEADLINE_EDITORS.includes(r));
  const isResponsible = actor.kind === 'user' && actor.userId === row.responsibleUserId;
  if (!mayByRole && !isResponsible) throw new PermissionError('error.permission.snooze');
  const now = deps.clock.now();
  const calendar = await loadCalendar(deps.prisma);
  const local = shanghaiWallClock(now);
  // Before 09:00 on a working day the next working morning is this one.
  const day =
    calendar.isWorkingDay(local.date) && local.hour < STEP_HOUR ? local.date : calendar.nextWorkingDay(local.date);
  const until = shanghaiInstant(day, STEP_HOUR);
  await deps.prisma.$transaction(async (tx) => {
    await updateDeadline(tx, row.id, { snoozedUntil: new Date(until) });
    await auditDeadline(tx, {
      projectId: row.projectId,
      actor,
      eventType: 'deadline.snoozed',
      at: now,
      payload: { deadlineId: row.id, key: row.key, kind: row.kind, snoozedUntil: until, nextStep: row.nextStep },
    });
  });
  return { deadlineId: row.id, ref: row.project.ref, snoozedUntil: until };
}
