import { nextDeliveryInstant, type WorkingCalendar } from '../calendar/index.ts';
import type { Deadline } from '../db/client.ts';
import { dateOf, storedSpec } from '../deadlines/replan.ts';
import type { PlannedStep } from '../deadlines/steps.ts';
import { isHourly } from '../deadlines/sync-deadlines.ts';
import type { Lang } from '../i18n/index.ts';
import type { OutboxItem } from '../outbox/enqueue-messages.ts';
import { renderedMessage } from '../outbox/rendered.ts';

/** A deadline row as the scheduler reads it, with the project fields its messages name. */
export type StepRow = Deadline & {
  project: { id: string; ref: string; title: string; ownerId: string; channelId: string | null; machine: string };
};

/** The outbox message a step sends to one recipient, in their language, held for quiet hours unless urgent. */
export function stepMessage(
  calendar: WorkingCalendar,
  row: StepRow,
  recipient: string,
  lang: Lang,
  planned: PlannedStep,
  now: Date,
  late: boolean,
): OutboxItem {
  const hourly = isHourly(storedSpec(row));
  const dueDate = dateOf(row.dueDate);
  const input = {
    project: row.project,
    deadline: {
      id: row.id,
      kind: row.kind,
      rule: row.rule,
      clock: row.clock,
      dueDate,
      dueAt: row.dueAt.toISOString(),
      hourly,
      responsibleUserId: row.responsibleUserId,
      unknownYears: row.unknownYears,
    },
    step: planned.step,
    ...(late ? { lateSince: planned.at } : {}),
    workingDaysLate: Math.max(0, calendar.workingDaysBetween(dueDate, dateOfInstant(now))),
  };
  const channelSuffix = planned.step === 'escalation:managers' ? `:${recipient}` : '';
  return {
    // The due date is part of the key: after an extension the ladder starts again with new messages.
    key: `reminder:${row.id}:${planned.step}:${dueDate}${channelSuffix}`,
    ...renderedMessage(recipient, 'deadline.step', input, lang),
    projectId: row.projectId,
    // Quiet hours: a person gets it on the next working morning, an incident's at once.
    notBefore: new Date(nextDeliveryInstant(now, calendar, { urgent: planned.urgent })),
  };
}

function dateOfInstant(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
