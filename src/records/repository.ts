import type { Db, Prisma, PrismaClient, SupervisionRecord } from '../db/client.ts';

export type { Db, Prisma, PrismaClient, SupervisionRecord };

/** A new record row, or its later state: what the area writes. */
export interface RecordWrite {
  projectId: string;
  kind: string;
  key: string;
  parentKey?: string | null;
  status: string;
  data: unknown;
  personal?: unknown;
  openedOn: string;
  dueDate?: string | null;
  closedOn?: string | null;
  late?: boolean;
  createdBy?: string | null;
}

const day = (d: string | null | undefined) => (d ? new Date(`${d}T00:00:00Z`) : null);

/** Inserts a record row inside the change's transaction. */
export async function insertRecord(tx: Db, r: RecordWrite): Promise<SupervisionRecord> {
  return tx.supervisionRecord.create({
    data: {
      projectId: r.projectId,
      kind: r.kind,
      key: r.key,
      parentKey: r.parentKey ?? null,
      status: r.status,
      data: r.data as Prisma.InputJsonValue,
      ...(r.personal ? { personal: r.personal as Prisma.InputJsonValue } : {}),
      openedOn: day(r.openedOn)!,
      dueDate: day(r.dueDate),
      closedOn: day(r.closedOn),
      late: r.late ?? false,
      createdBy: r.createdBy ?? null,
    },
  });
}

/** The fields of a record that change over its life. */
export interface RecordUpdate {
  status?: string;
  data?: unknown;
  personal?: unknown;
  dueDate?: string | null;
  closedOn?: string | null;
  late?: boolean;
}

/** Updates a record row inside the caller's transaction. */
export async function updateRecord(tx: Db, id: string, u: RecordUpdate): Promise<SupervisionRecord> {
  return tx.supervisionRecord.update({
    where: { id },
    data: {
      ...(u.status !== undefined ? { status: u.status } : {}),
      ...(u.data !== undefined ? { data: u.data as Prisma.InputJsonValue } : {}),
      ...(u.personal !== undefined ? { personal: u.personal as Prisma.InputJsonValue } : {}),
      ...(u.dueDate !== undefined ? { dueDate: day(u.dueDate) } : {}),
      ...(u.closedOn !== undefined ? { closedOn: day(u.closedOn) } : {}),
      ...(u.late !== undefined ? { late: u.late } : {}),
    },
  });
}

/** One record of a project by kind and key, or null. */
export async function recordByKey(db: Db, projectId: string, kind: string, key: string) {
  return db.supervisionRecord.findUnique({ where: { projectId_kind_key: { projectId, kind, key } } });
}

/** One record by id, or null. */
export async function recordById(db: Db, id: string) {
  return db.supervisionRecord.findUnique({ where: { id } });
}

/** A project's records, of one kind or all, in the order they were opened. */
export async function recordsOf(db: Db, projectId: string, kind?: string): Promise<SupervisionRecord[]> {
  return db.supervisionRecord.findMany({
    where: { projectId, ...(kind ? { kind } : {}) },
    orderBy: [{ openedOn: 'asc' }, { createdAt: 'asc' }],
  });
}

/** How many records of a kind a project has (for the next key: r1, r2 …). */
export async function countRecords(db: Db, projectId: string, kind: string): Promise<number> {
  return db.supervisionRecord.count({ where: { projectId, kind } });
}

/**
 * Locks the project's row for the rest of the transaction, so the records' own changes on one project (an item
 * opened, a record beside a final machine) take their next key one after the other, as machine changes do.
 */
export async function lockProject(tx: Db, projectId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId}::uuid FOR UPDATE`;
}
