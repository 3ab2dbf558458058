import type { Batch, Db, PrismaClient } from '../db/client.ts';

export type { Batch, Db, PrismaClient };

/** A batch's name by id, or null. */
export async function batchName(db: Db, id: string): Promise<string | null> {
  return (await db.batch.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}
