import type { Actor } from '../../machines/shared/actor.ts';
import {
  formatCalendarError,
  type Lang,
  nextDeliveryInstant,
  type OfficialSchedule,
  parseScheduleFile,
  validateSchedule,
} from '../calendar/index.ts';
import { InputError } from '../errors.ts';
import { enqueueMessages, type OutboxItem } from '../outbox/enqueue-messages.ts';
import { renderedMessage } from '../outbox/rendered.ts';
import { assertRole, auditDeadline, type DeadlineDeps } from './access.ts';
import { loadCalendar } from './load-calendar.ts';
import { dateOf, ladderPosition, planOf, recompute } from './replan.ts';
import { deadlinesTouchingYear, saveCalendarYear, updateDeadline } from './repository.ts';

/** A year's schedule as an admin gives it: already structured (a modal) or the text of an uploaded file. */
export type ScheduleInput = { schedule: OfficialSchedule } | { file: string; year?: number; source?: string };

/** A deadline whose due date the new calendar moved; its responsible person is told. */
export interface MovedDeadline {
  deadlineId: string;
  ref: string;
  kind: string;
  from: string;
  to: string;
  notified: string;
}

/** What loading a year did. */
export interface CalendarYearLoaded {
  year: number;
  source: string;
  recomputed: number;
  moved: MovedDeadline[];
}

/**
 * Loads a year's official schedule (admins; audited): stores it, then recomputes every open deadline whose counting
 * touches that year through the same computeDeadline and planSteps as when it was scheduled, and tells the person
 * responsible for each due date that moved (key calendar:<year>:<deadlineId>:<newDueDate>, so a reload is a no-op).
 */
export async function loadCalendarYear(
  deps: DeadlineDeps,
  command: ScheduleInput & { actor: Actor; lang?: Lang },
): Promise<CalendarYearLoaded> {
  const { actor } = command;
  assertRole(actor, ['admin'], 'error.permission.calendar');
  const lang = command.lang ?? 'zh-CN';
  const result =
    'schedule' in command
      ? validateSchedule(command.schedule)
      : parseScheduleFile(command.file, {
          ...(command.year ? { year: command.year } : {}),
          ...(command.source ? { source: command.source } : {}),
        });
  if (!result.ok)
    throw new InputError('error.calendar.invalid', {
      problems: result.errors.map((e) => formatCalendarError(e, lang)).join('; '),
    });
  const schedule = result.schedule;
  const source = schedule.source ?? `loaded by ${actor.userId}`;
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const data = {
      holidays: schedule.holidays,
      adjustedWorkingDays: schedule.adjustedWorkingDays,
      source,
      loadedBy: actor.userId,
      loadedAt: now,
    };
    await saveCalendarYear(tx, schedule.year, data);
    const calendar = await loadCalendar(tx);
    const rows = await deadlinesTouchingYear(tx, schedule.year);
    const moved: MovedDeadline[] = [];
    const messages: OutboxItem[] = [];
    for (const row of rows) {
      const computed = recompute(row, calendar);
      const from = dateOf(row.dueDate);
      const dueMoved = computed.dueAt !== row.dueAt.toISOString();
      const position = ladderPosition(planOf(row, computed, calendar), dueMoved ? null : row.stepsDone, now);
      await updateDeadline(tx, row.id, {
        dueDate: new Date(`${computed.dueDate}T00:00:00Z`),
        dueAt: new Date(computed.dueAt),
        explanation: computed.explanations,
        unknownYears: computed.unknownYears,
        ...position,
      });
      if (!dueMoved) continue;
      const notified = row.responsibleUserId ?? row.project.ownerId;
      moved.push({ deadlineId: row.id, ref: row.project.ref, kind: row.kind, from, to: computed.dueDate, notified });
      messages.push({
        key: `calendar:${schedule.year}:${row.id}:${computed.dueDate}`,
        ...renderedMessage(
          notified,
          'deadline.calendarMoved',
          { ref: row.project.ref, kind: row.kind, year: schedule.year, from, to: computed.dueDate },
          lang,
        ),
        projectId: row.projectId,
        notBefore: new Date(nextDeliveryInstant(now, calendar)),
      });
    }
    await enqueueMessages(tx, messages);
    await auditDeadline(tx, {
      projectId: null,
      actor,
      eventType: 'calendar.loaded',
      at: now,
      payload: {
        year: schedule.year,
        source,
        holidays: schedule.holidays.length,
        adjustedWorkingDays: schedule.adjustedWorkingDays.length,
        recomputed: rows.length,
        moved: moved.map((m) => ({ deadlineId: m.deadlineId, from: m.from, to: m.to })),
      },
    });
    return { year: schedule.year, source, recomputed: rows.length, moved };
  });
}
