import type { Db, Prisma, PrismaClient, Project } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';

export type { Db, PrismaClient, Project };

/** What `/pilot list` narrows to (same shape as the parsed command's filter). */
export type ProjectFilter =
  | { kind: 'all' }
  | { kind: 'stage'; stage: string }
  | { kind: 'track'; track: 'pilot' | 'coaching' }
  | { kind: 'mine' }
  | { kind: 'overdue' }
  | { kind: 'batch'; name: string };

/** A project's row by id, or null. */
export async function projectRow(db: Db, id: string): Promise<Project | null> {
  return db.project.findUnique({ where: { id } });
}

/** A project's row by id; a clear NotFoundError (naming what was asked for) when there is none. */
export async function requireProject(db: Db, id: string): Promise<Project> {
  const project = await projectRow(db, id);
  if (!project) throw new NotFoundError('error.projectNotFound', { ref: id });
  return project;
}

/** A project's row by its human reference (already normalised), or null. */
export async function projectByRef(db: Db, ref: string): Promise<Project | null> {
  return db.project.findUnique({ where: { ref } });
}

/** The coaching projects among some references (R-COA-7 asks whether one of them is valid). */
export async function coachingProjectsByRef(db: Db, refs: readonly string[]): Promise<Project[]> {
  return db.project.findMany({ where: { ref: { in: [...refs] }, machine: 'coaching' } });
}

/** Every piloting project, by reference (R-SUP-3 relays guidance to each). */
export async function pilotingProjects(db: Db): Promise<Array<{ id: string; ref: string }>> {
  return db.project.findMany({
    where: { machine: 'pilot', stage: 'piloting' },
    select: { id: true, ref: true },
    orderBy: { ref: 'asc' },
  });
}

/**
 * Takes the next number of a reference counter inside the caller's transaction. The upsert locks the counter row, so
 * concurrent creations (on any replica) get distinct numbers and a rolled-back one frees its number.
 */
export async function takeRefNumber(tx: Db, prefix: string, year: number): Promise<number | undefined> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "RefCounter" (prefix, year, last) VALUES (${prefix}, ${year}, 1)
    ON CONFLICT (prefix, year) DO UPDATE SET last = "RefCounter".last + 1
    RETURNING last`;
  return rows[0]?.last;
}

/** A new project's row, written in the creating transaction. */
export async function insertProject(
  tx: Db,
  data: Omit<Prisma.ProjectUncheckedCreateInput, 'intake' | 'snapshot'> & { intake: unknown; snapshot: unknown },
): Promise<Project> {
  return tx.project.create({
    data: { ...data, intake: data.intake as Prisma.InputJsonValue, snapshot: data.snapshot as Prisma.InputJsonValue },
  });
}

/** Keeps the material links with the application (R-APP-8), beside what the machine knows, in the change's tx. */
export async function saveMaterialLinks(tx: Db, id: string, links: Record<string, string | null>): Promise<void> {
  const current = (await tx.project.findUniqueOrThrow({ where: { id }, select: { intake: true } })).intake;
  const intake = { ...((current ?? {}) as Record<string, unknown>), materials: links };
  await tx.project.update({ where: { id }, data: { intake: intake as Prisma.InputJsonValue } });
}

/** The application as entered (scenario, technologies, materials …), or an empty one. */
export async function projectIntake(db: Db, id: string): Promise<Record<string, unknown>> {
  const row = await db.project.findUnique({ where: { id }, select: { intake: true } });
  return (row?.intake ?? {}) as Record<string, unknown>;
}

/** Where the first card went: its message and thread, and the channel Slack answered with (a DM opens one). */
export async function recordCardPosted(
  db: Db,
  id: string,
  posted: { ts: string; channelId: string | null },
): Promise<void> {
  const data: Prisma.ProjectUpdateInput = { cardTs: posted.ts, threadTs: posted.ts };
  if (posted.channelId !== null) data.channelId = posted.channelId;
  await db.project.update({ where: { id }, data });
}

/** The status of an outbox row by key (the first card's, which later refreshes wait for), or null. */
export async function outboxStatus(db: Db, key: string): Promise<string | null> {
  return (await db.outboxMessage.findUnique({ where: { key }, select: { status: true } }))?.status ?? null;
}

/** The last entries of a project's audit trail, newest first (the card's timeline). */
export async function latestAudit(db: Db, projectId: string, take: number) {
  return db.auditEvent.findMany({ where: { projectId }, orderBy: { id: 'desc' }, take });
}

/** R-INC-2 after conversion: a support record kept beside the final machine. */
export async function insertSupportRecord(
  tx: Db,
  data: Omit<Prisma.SupportRecordUncheckedCreateInput, 'id' | 'createdAt'>,
): Promise<{ id: string }> {
  return tx.supportRecord.create({ data, select: { id: true } });
}

/**
 * One page of the projects matching a list filter, newest first, each with its nearest open deadline; a page past
 * the end is the last one. Also how many match in all.
 */
export async function projectPage(
  db: Db,
  query: { filter: ProjectFilter; viewerId: string; now: Date; page: number; size: number },
) {
  const where = await whereOf(db, query.filter, query.viewerId, query.now);
  const total = await db.project.count({ where });
  const page = Math.min(Math.max(1, query.page), Math.max(1, Math.ceil(total / query.size)));
  const rows = await db.project.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { ref: 'desc' }],
    skip: (page - 1) * query.size,
    take: query.size,
    include: { deadlines: { where: { status: { in: ['open', 'missed'] } }, orderBy: { dueAt: 'asc' }, take: 1 } },
  });
  return { total, page, rows };
}

async function whereOf(db: Db, filter: ProjectFilter, viewerId: string, now: Date): Promise<Prisma.ProjectWhereInput> {
  switch (filter.kind) {
    case 'all':
      return {};
    case 'stage':
      return { stage: filter.stage };
    case 'track':
      return { track: filter.track };
    case 'mine':
      return { ownerId: viewerId };
    case 'overdue':
      return {
        deadlines: { some: { status: { in: ['open', 'missed'] }, dueAt: { lte: now }, clock: { not: 'csrc' } } },
      };
    case 'batch': {
      const batch = await db.batch.findUnique({ where: { name: filter.name }, select: { id: true } });
      // The machine records the batch by id in the snapshot; the stage column does not hold it, so match the JSON.
      return batch ? { snapshot: { path: ['context', 'batchId'], equals: batch.id } } : { id: { in: [] } };
    }
  }
}
