import type { Batch, Db, PrismaClient } from '../db/client.ts';

export type { Batch, Db, PrismaClient };

/** A batch's name by id, or null. */
export async function batchName(db: Db, id: string): Promise<string | null> {
  return (await db.batch.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}

/** Every batch, newest window first. */
export async function allBatches(db: Db): Promise<Batch[]> {
  return db.batch.findMany({ orderBy: { opensOn: 'desc' } });
}

/** The first batch (by opening day) whose window holds a day and that was not closed early, or null. */
export async function batchOpenOn(db: Db, day: Date): Promise<Batch | null> {
  const rows = await db.batch.findMany({
    where: { opensOn: { lte: day }, closesOn: { gte: day }, closedEarly: null },
    orderBy: { opensOn: 'asc' },
    take: 1,
  });
  return rows[0] ?? null;
}

/** The batches not closed early whose window ends on or after a day, by opening day (at most 100). */
export async function batchesOpenFrom(db: Db, day: Date): Promise<Batch[]> {
  return db.batch.findMany({
    where: { closedEarly: null, closesOn: { gte: day } },
    orderBy: { opensOn: 'asc' },
    take: 100,
  });
}

/** A batch by its name, or null. */
export async function batchByName(db: Db, name: string): Promise<Batch | null> {
  return db.batch.findUnique({ where: { name } });
}

/** A new batch's row. */
export async function insertBatch(
  tx: Db,
  data: { name: string; opensOn: Date; closesOn: Date; createdById: string },
): Promise<Batch> {
  return tx.batch.create({ data });
}

/** Marks a batch closed early at an instant. */
export async function closeBatchEarly(tx: Db, id: string, at: Date): Promise<Batch> {
  return tx.batch.update({ where: { id }, data: { closedEarly: at } });
}

/** A batch by its id, or null. */
export async function batchById(db: Db, id: string): Promise<Batch | null> {
  return db.batch.findUnique({ where: { id } });
}

/** A pilot application as the batch screens show it: reference, title, the machine's snapshot and the intake. */
export interface BatchProjectRow {
  id: string;
  ref: string;
  title: string;
  stage: string;
  snapshot: unknown;
  intake: unknown;
}

const BATCH_PROJECT = { id: true, ref: true, title: true, stage: true, snapshot: true, intake: true } as const;

/** R-BATCH-1: the pilot applications waiting for a batch, oldest reference first (at most 100, a select's limit). */
export async function applicationsAwaitingBatch(db: Db): Promise<BatchProjectRow[]> {
  return db.project.findMany({
    where: { machine: 'pilot', stage: 'awaitingBatch' },
    select: BATCH_PROJECT,
    orderBy: { ref: 'asc' },
    take: 100,
  });
}

/** Pilot projects by id, in reference order (those the person chose to place). */
export async function pilotProjectsByIds(db: Db, ids: readonly string[]): Promise<BatchProjectRow[]> {
  return db.project.findMany({
    where: { id: { in: [...ids] }, machine: 'pilot' },
    select: BATCH_PROJECT,
    orderBy: { ref: 'asc' },
  });
}

/** R-APP-3: every pilot project the machine records in a batch, by reference. */
export async function pilotProjectsInBatch(db: Db, batchId: string): Promise<BatchProjectRow[]> {
  // The machine records the batch by id in the snapshot; the stage column does not hold it, so match the JSON.
  return db.project.findMany({
    where: { machine: 'pilot', snapshot: { path: ['context', 'batchId'], equals: batchId } },
    select: BATCH_PROJECT,
    orderBy: { ref: 'asc' },
  });
}
