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
