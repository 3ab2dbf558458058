import type { PrismaClient } from '../db/client.ts';
import { type BatchView, batchView } from './batch-view.ts';

/** R-APP-1: the batch open on a day, if any; a submitted application joins it, else waits for the next one. */
export async function openBatchOn(prisma: Pick<PrismaClient, 'batch'>, date: string): Promise<BatchView | null> {
  const day = new Date(`${date}T00:00:00Z`);
  const rows = await prisma.batch.findMany({
    where: { opensOn: { lte: day }, closesOn: { gte: day }, closedEarly: null },
    orderBy: { opensOn: 'asc' },
    take: 1,
  });
  return rows[0] ? batchView(rows[0], date) : null;
}

/** Batches a project can still be placed in (planned or open), as select choices. */
export async function listBatchOptions(
  prisma: Pick<PrismaClient, 'batch'>,
  today: string,
): Promise<Array<{ value: string; label: string }>> {
  const rows = await prisma.batch.findMany({
    where: { closedEarly: null, closesOn: { gte: new Date(`${today}T00:00:00Z`) } },
    orderBy: { opensOn: 'asc' },
    take: 100,
  });
  return rows.map((b) => ({
    value: b.id,
    label: `${b.name} (${b.opensOn.toISOString().slice(0, 10)}–${b.closesOn.toISOString().slice(0, 10)})`,
  }));
}
