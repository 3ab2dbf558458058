import type { Actor } from '../../machines/shared/actor.ts';
import { isIsoDate } from '../calendar/index.ts';
import { shanghaiDate } from '../clock.ts';
import { InputError } from '../errors.ts';
import { assertRole, auditDeadline, DEADLINE_EDITORS, type DeadlineDeps, openDeadline } from './access.ts';
import { computeDeadline } from './compute-deadline.ts';
import { loadCalendar } from './load-calendar.ts';
import { dateOf, ladderPosition, paramsOf, planOf, storedSpec } from './replan.ts';
import { updateDeadline } from './repository.ts';

/** What staff enter to extend a deadline: the new last day and why (both required). */
export interface ExtendDeadlineCommand {
  deadlineId: string;
  /** The new last day, YYYY-MM-DD (Shanghai); the deadline ends at 24:00 of it. */
  newDueDate: string;
  reason: string;
  actor: Actor;
}

/** The outcome, for the confirmation a listener shows. */
export interface ExtendedDeadline {
  deadlineId: string;
  ref: string;
  kind: string;
  from: string;
  to: string;
}

/**
 * Extends a deadline to a new last day (staff, managers, admins; a reason is required; audited with before and
 * after). The new date becomes the deadline's explicit due date, so a later calendar load keeps it; the reminder
 * ladder is planned again from it and a missed deadline is open again.
 */
export async function extendDeadline(deps: DeadlineDeps, command: ExtendDeadlineCommand): Promise<ExtendedDeadline> {
  const { actor } = command;
  assertRole(actor, DEADLINE_EDITORS, 'error.permission.deadline');
  const reason = command.reason.trim();
  if (reason === '')
    throw new InputError('error.extend.reasonRequired', {}, { reason: { key: 'error.extend.reasonRequired' } });
  const newDueDate = command.newDueDate.trim();
  if (!isIsoDate(newDueDate))
    throw new InputError(
      'error.extend.dateInvalid',
      { value: newDueDate },
      { newDueDate: { key: 'error.extend.dateInvalid', params: { value: newDueDate } } },
    );
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  if (newDueDate < today)
    throw new InputError(
      'error.extend.dateInPast',
      { date: newDueDate, today },
      { newDueDate: { key: 'error.extend.dateInPast', params: { date: newDueDate, today } } },
    );
  const row = await openDeadline(deps.prisma, command.deadlineId);
  const calendar = await loadCalendar(deps.prisma);
  const computed = computeDeadline({ ...paramsOf(row), dueDate: newDueDate }, calendar);
  const position = ladderPosition(planOf(row, computed, calendar), null, now);
  const from = dateOf(row.dueDate);
  await deps.prisma.$transaction(async (tx) => {
    await updateDeadline(tx, row.id, {
      spec: { ...storedSpec(row), explicitDueDate: newDueDate, extendedFrom: from, extendedReason: reason },
      dueDate: new Date(`${computed.dueDate}T00:00:00Z`),
      dueAt: new Date(computed.dueAt),
      explanation: [],
      unknownYears: [],
      status: 'open',
      snoozedUntil: null,
      ...position,
    });
    await auditDeadline(tx, {
      projectId: row.projectId,
      actor,
      eventType: 'deadline.extended',
      at: now,
      payload: {
        deadlineId: row.id,
        key: row.key,
        kind: row.kind,
        reason,
        before: { dueDate: from, dueAt: row.dueAt.toISOString(), status: row.status },
        after: { dueDate: computed.dueDate, dueAt: computed.dueAt, status: 'open' },
      },
    });
  });
  return { deadlineId: row.id, ref: row.project.ref, kind: row.kind, from, to: computed.dueDate };
}
