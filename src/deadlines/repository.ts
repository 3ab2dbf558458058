import type { Db, Deadline, Prisma, PrismaClient } from '../db/client.ts';

export type { Db, Deadline, PrismaClient };

/** A deadline's stored JSON (its spec), as read back. */
export type StoredJson = Prisma.JsonValue;

/** What a write sets on a deadline row; the JSON columns (spec, explanation) take plain data. */
export type DeadlineFields = Partial<Omit<Deadline, 'id' | 'projectId' | 'key' | 'spec' | 'explanation'>> & {
  spec?: unknown;
  explanation?: unknown;
};

const RUNNING = { in: ['open', 'missed'] };

function jsonOf(fields: DeadlineFields): Prisma.DeadlineUncheckedUpdateInput {
  const { spec, explanation, ...rest } = fields;
  return {
    ...rest,
    ...(spec !== undefined ? { spec: spec as Prisma.InputJsonValue } : {}),
    ...(explanation !== undefined ? { explanation: explanation as Prisma.InputJsonValue } : {}),
  };
}

/** A project's deadlines still running (open or missed), soonest first. */
export async function openDeadlinesOf(db: Db, projectId: string): Promise<Deadline[]> {
  return db.deadline.findMany({ where: { projectId, status: RUNNING }, orderBy: [{ dueAt: 'asc' }, { key: 'asc' }] });
}

/** A project's running deadlines in the order stored (the change path cancels them all; no order is needed). */
export async function runningDeadlines(db: Db, projectId: string): Promise<Deadline[]> {
  return db.deadline.findMany({ where: { projectId, status: RUNNING } });
}

/** The due date of a project's open deadline by key (e.g. `review:<user>`), or null. */
export async function openDueDate(db: Db, projectId: string, key: string): Promise<Date | null> {
  const row = await db.deadline.findFirst({ where: { projectId, key, status: 'open' }, select: { dueDate: true } });
  return row?.dueDate ?? null;
}

/** A deadline by id with the project people know it by, or null. */
export async function deadlineWithProject(
  db: Db,
  id: string,
): Promise<(Deadline & { project: { ref: string; title: string; ownerId: string } }) | null> {
  return db.deadline.findUnique({
    where: { id },
    include: { project: { select: { ref: true, title: true, ownerId: true } } },
  });
}

/** A project's deadline by its key, or null. */
export async function deadlineByKey(db: Db, projectId: string, key: string): Promise<Deadline | null> {
  return db.deadline.findUnique({ where: { projectId_key: { projectId, key } } });
}

/** A new deadline row. */
export async function insertDeadline(
  tx: Db,
  row: { projectId: string; key: string } & DeadlineFields & Pick<Deadline, 'kind' | 'rule' | 'clock' | 'basis'>,
): Promise<void> {
  await tx.deadline.create({ data: jsonOf(row) as Prisma.DeadlineUncheckedCreateInput });
}

/** Writes some fields of a deadline row. */
export async function updateDeadline(tx: Db, id: string, fields: DeadlineFields): Promise<void> {
  await tx.deadline.update({ where: { id }, data: jsonOf(fields) });
}

/** Writes the same fields on several deadline rows. */
export async function updateDeadlines(tx: Db, ids: readonly string[], fields: DeadlineFields): Promise<void> {
  await tx.deadline.updateMany({ where: { id: { in: [...ids] } }, data: jsonOf(fields) });
}

/** Who first acknowledged a deadline's escalation (the audit trail records it), or null. */
export async function firstAcknowledgement(db: Db, projectId: string, deadlineId: string): Promise<string | null> {
  const row = await db.auditEvent.findFirst({
    where: { projectId, eventType: 'deadline.acknowledged', payload: { path: ['deadlineId'], equals: deadlineId } },
    orderBy: { id: 'asc' },
  });
  return row?.actorId ?? null;
}

/**
 * Open deadlines whose counting or ladder can touch the year: counted from before its end and due after its start,
 * with a month's margin either side for reminders before and escalations after the due date.
 */
export async function deadlinesTouchingYear(tx: Db, year: number) {
  return tx.deadline.findMany({
    where: {
      status: RUNNING,
      basis: { lte: `${year + 1}-01-31` },
      dueDate: { gte: new Date(`${year - 1}-12-01T00:00:00Z`) },
    },
    include: { project: { select: { ref: true, ownerId: true } } },
    orderBy: { dueAt: 'asc' },
  });
}

/** Every official calendar year an admin loaded, oldest first. */
export async function calendarYears(db: Db) {
  return db.calendarYear.findMany({ orderBy: { year: 'asc' } });
}

/** Stores (or replaces) a year's official calendar. */
export async function saveCalendarYear(
  tx: Db,
  year: number,
  data: { holidays: string[]; adjustedWorkingDays: string[]; source: string; loadedBy: string; loadedAt: Date },
): Promise<void> {
  await tx.calendarYear.upsert({ where: { year }, create: { year, ...data }, update: data });
}
