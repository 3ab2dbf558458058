import type { DeadlineKind } from '../../machines/shared/settings.ts';
import { shanghaiDate } from '../clock.ts';
import { loadCalendar } from '../deadlines/load-calendar.ts';
import { deadlineByKey } from '../deadlines/repository.ts';
import { syncDeadlines } from '../deadlines/sync-deadlines.ts';
import type { Db } from './repository.ts';

/** The project as the records' deadlines need it: whose clock reminds, and which rows. */
export interface DeadlineProject {
  id: string;
  ownerId: string;
}

/**
 * Schedules a deadline the records keep themselves (an incident's handling and final reports, a rectification
 * item's due date, complaints after conversion) through the deadline engine, in the caller's transaction: the same
 * rows, reminders and escalations as the machine's. Returns the due date (YYYY-MM-DD) and instant.
 */
export async function scheduleOwn(
  tx: Db,
  project: DeadlineProject,
  now: Date,
  d: { kind: DeadlineKind; key: string; rule: string; basis: string; dueDate?: string },
): Promise<{ dueDate: string; dueAt: string }> {
  const calendar = await loadCalendar(tx);
  const [change] = await syncDeadlines(tx, project, [{ type: 'scheduleDeadline', params: d }], calendar, now);
  return { dueDate: change?.dueDate ?? d.basis, dueAt: change?.dueAt ?? d.basis };
}

/** Closes one of the records' deadlines (met, or met late after its due instant), in the caller's transaction. */
export async function closeOwn(tx: Db, project: DeadlineProject, now: Date, kind: DeadlineKind, key: string) {
  const calendar = await loadCalendar(tx);
  await syncDeadlines(tx, project, [{ type: 'cancelDeadline', params: { kind, key } }], calendar, now);
}

/**
 * When something was due, by the deadline row (the machine's or the records' own), and whether a fact on `on`
 * (recorded at `recordedAt`) came after it: a later day is late; on the last day itself, only after the due instant
 * (an incident's 24 hours end at an hour, not at midnight).
 */
export async function dueOf(
  tx: Db,
  projectId: string,
  key: string,
  on: string,
  recordedAt: Date,
): Promise<{ dueDate: string | null; late: boolean }> {
  const row = await deadlineByKey(tx, projectId, key);
  if (!row) return { dueDate: null, late: false };
  const dueDate = row.dueDate.toISOString().slice(0, 10);
  const lastDay = shanghaiDate(new Date(row.dueAt.getTime() - 1));
  const late = on > lastDay || (on === lastDay && on === shanghaiDate(recordedAt) && recordedAt >= row.dueAt);
  return { dueDate, late };
}
