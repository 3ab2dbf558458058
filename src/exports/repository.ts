import type { AuditEvent, Db, Deadline, GeneratedFile, Prisma, PrismaClient, Project } from '../db/client.ts';

export type { AuditEvent, Db, Deadline, GeneratedFile, PrismaClient, Project };

/** A generated file's row, written in the exporting transaction beside its audit row and outbox message. */
export async function insertGeneratedFile(
  tx: Db,
  data: Omit<Prisma.GeneratedFileUncheckedCreateInput, 'createdAt' | 'deliveredAt' | 'slackFileId'>,
): Promise<void> {
  await tx.generatedFile.create({ data });
}

/** A generated file by id, or null. */
export async function generatedFile(db: Db, id: string): Promise<GeneratedFile | null> {
  return db.generatedFile.findUnique({ where: { id } });
}

/** Slack has the file: its id is kept and the bytes dropped (an export may hold personal data). */
export async function markFileDelivered(db: Db, id: string, slackFileId: string, at: Date): Promise<void> {
  await db.generatedFile.updateMany({ where: { id }, data: { slackFileId, deliveredAt: at, bytes: null } });
}

/** Projects created in a period (either end open), oldest first, with their batch's name. */
export async function projectsCreatedIn(
  db: Db,
  range: { from: Date | null; until: Date | null },
): Promise<Array<Project & { batchName: string | null }>> {
  const rows = await db.project.findMany({
    where: { createdAt: createdRange(range) },
    orderBy: [{ createdAt: 'asc' }, { ref: 'asc' }],
  });
  const batchIds = [
    ...new Set(rows.map((r) => batchIdOf(r.snapshot)).filter((id): id is string => typeof id === 'string')),
  ];
  const batches = batchIds.length
    ? await db.batch.findMany({ where: { id: { in: batchIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(batches.map((b) => [b.id, b.name]));
  return rows.map((r) => ({ ...r, batchName: names.get(batchIdOf(r.snapshot) ?? '') ?? null }));
}

/** Deadlines due in a period (either end open), by due date, with their project's reference and title. */
export async function deadlinesDueIn(
  db: Db,
  range: { from: Date | null; until: Date | null },
): Promise<Array<Deadline & { project: { ref: string; title: string } }>> {
  return db.deadline.findMany({
    where: { dueDate: createdRange(range) },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    include: { project: { select: { ref: true, title: true } } },
  });
}

/** Audit rows recorded in a period (either end open), in order, with their project's reference. */
export async function auditRecordedIn(
  db: Db,
  range: { from: Date | null; until: Date | null },
): Promise<Array<AuditEvent & { project: { ref: string; machine: string } | null }>> {
  return db.auditEvent.findMany({
    where: { recordedAt: createdRange(range) },
    orderBy: { id: 'asc' },
    include: { project: { select: { ref: true, machine: true } } },
  });
}

/** A batch by name with the projects whose machine context names it (the selection list's rows), by reference. */
export async function batchWithProjects(
  db: Db,
  name: string,
): Promise<{ batch: { id: string; name: string; opensOn: Date; closesOn: Date }; projects: Project[] } | null> {
  const batch = await db.batch.findUnique({ where: { name } });
  if (!batch) return null;
  const projects = await db.project.findMany({
    where: { machine: 'pilot', snapshot: { path: ['context', 'batchId'], equals: batch.id } },
    orderBy: { ref: 'asc' },
  });
  return { batch, projects };
}

function createdRange(range: { from: Date | null; until: Date | null }): { gte?: Date; lt?: Date } {
  return { ...(range.from ? { gte: range.from } : {}), ...(range.until ? { lt: range.until } : {}) };
}

function batchIdOf(snapshot: unknown): string | null {
  const ctx = (snapshot as { context?: { batchId?: unknown } } | null)?.context;
  return typeof ctx?.batchId === 'string' ? ctx.batchId : null;
}
