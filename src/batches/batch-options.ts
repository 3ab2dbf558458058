import { type BatchView, batchView } from './batch-view.ts';
import { batchesOpenFrom, batchOpenOn, type Db } from './repository.ts';

/** R-APP-1: the batch open on a day, if any; a submitted application joins it, else waits for the next one. */
export async function openBatchOn(prisma: Db, date: string): Promise<BatchView | null> {
  const batch = await batchOpenOn(prisma, new Date(`${date}T00:00:00Z`));
  return batch ? batchView(batch, date) : null;
}

/** Batches a project can still be placed in (planned or open), as select choices. */
export async function listBatchOptions(prisma: Db, today: string): Promise<Array<{ value: string; label: string }>> {
  const rows = await batchesOpenFrom(prisma, new Date(`${today}T00:00:00Z`));
  return rows.map((b) => ({
    value: b.id,
    label: `${b.name} (${b.opensOn.toISOString().slice(0, 10)}–${b.closesOn.toISOString().slice(0, 10)})`,
  }));
}
