import { shanghaiDate } from '../clock.ts';
import { type BatchDeps, type BatchView, batchView } from './batch-view.ts';
import { allBatches } from './repository.ts';

/** Every batch, newest window first. */
export async function listBatches(deps: BatchDeps): Promise<BatchView[]> {
  const today = shanghaiDate(deps.clock.now());
  const rows = await allBatches(deps.prisma);
  return rows.map((b) => batchView(b, today));
}
