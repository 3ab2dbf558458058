// The embedded database's own thread: PGlite (WebAssembly) and its Prisma adapter run here, so a long query or a
// migration never blocks the event loop that answers Slack (decision 009). The main thread talks to it through
// pglite-bridge.ts; every message is a request with an id and gets exactly one reply.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapter, Transaction } from '@prisma/driver-adapter-utils';
import { pgliteAdapterFactory } from './pglite-adapter.ts';

/** What the main thread hands the worker when it starts it. */
export interface PgliteWorkerData {
  dataDir?: string;
  loadDataDir?: ArrayBuffer;
}

/** One request from the main thread. */
export interface BridgeRequest {
  id: number;
  op: string;
  /** The connection or transaction the request is about. */
  target?: number;
  arg?: unknown;
}

const data = workerData as PgliteWorkerData;
const port = parentPort!;
const pglite = await PGlite.create({
  ...(data.dataDir ? { dataDir: data.dataDir } : {}),
  ...(data.loadDataDir ? { loadDataDir: new Blob([data.loadDataDir]) } : {}),
});
const factory = pgliteAdapterFactory(pglite);
const shadows: PGlite[] = [];
const adapters = new Map<number, SqlDriverAdapter>();
const transactions = new Map<number, Transaction>();
let nextHandle = 1;

async function handle(req: BridgeRequest): Promise<unknown> {
  const adapter = () => adapters.get(req.target!)!;
  const tx = () => transactions.get(req.target!)!;
  switch (req.op) {
    case 'connect':
    case 'connectToShadowDb': {
      let a: SqlDriverAdapter;
      if (req.op === 'connect') a = await factory.connect();
      else {
        // The schema engine's shadow database: a fresh in-memory PGlite, as the in-process adapter makes one.
        const shadow = new PGlite();
        shadows.push(shadow);
        a = await pgliteAdapterFactory(shadow).connect();
      }
      const handle = nextHandle++;
      adapters.set(handle, a);
      return { handle, connectionInfo: a.getConnectionInfo?.() ?? null };
    }
    case 'queryRaw':
      return adapter().queryRaw(req.arg as never);
    case 'executeRaw':
      return adapter().executeRaw(req.arg as never);
    case 'executeScript':
      return adapter().executeScript(req.arg as string);
    case 'startTransaction': {
      const t = await adapter().startTransaction(req.arg as never);
      const handle = nextHandle++;
      transactions.set(handle, t);
      return { handle, options: t.options };
    }
    case 'dispose':
      await adapter().dispose();
      adapters.delete(req.target!);
      return null;
    case 'tx.queryRaw':
      return tx().queryRaw(req.arg as never);
    case 'tx.executeRaw':
      return tx().executeRaw(req.arg as never);
    case 'tx.commit':
    case 'tx.rollback': {
      const t = tx();
      transactions.delete(req.target!);
      return req.op === 'tx.commit' ? t.commit() : t.rollback();
    }
    case 'tx.createSavepoint':
      return tx().createSavepoint?.(req.arg as string);
    case 'tx.rollbackToSavepoint':
      return tx().rollbackToSavepoint?.(req.arg as string);
    case 'tx.releaseSavepoint':
      return tx().releaseSavepoint?.(req.arg as string);
    case 'ping':
      await pglite.query('select 1');
      return true;
    case 'dump': {
      // Data files up to date first, so the copy opens without replaying the write-ahead log.
      await pglite.query('CHECKPOINT');
      return (await pglite.dumpDataDir('gzip')).arrayBuffer();
    }
    case 'close':
      for (const s of shadows) await s.close().catch(() => {});
      await pglite.close();
      return null;
    default:
      throw new Error(`unknown bridge operation ${req.op}`);
  }
}

/** An error as plain data: DriverAdapterError's mapped cause must reach Prisma intact for its error codes. */
function serialise(error: unknown) {
  const e = error as { name?: string; message?: string; stack?: string; cause?: unknown };
  return { name: e?.name ?? 'Error', message: e?.message ?? String(error), stack: e?.stack, cause: e?.cause };
}

port.on('message', (req: BridgeRequest) => {
  handle(req).then(
    (value) => {
      const transfer = value instanceof ArrayBuffer ? [value] : [];
      port.postMessage({ id: req.id, ok: true, value }, transfer);
      if (req.op === 'close') port.close();
    },
    (error: unknown) => {
      let payload: ReturnType<typeof serialise>;
      try {
        payload = structuredClone(serialise(error));
      } catch {
        payload = { ...serialise(error), cause: undefined };
      }
      port.postMessage({ id: req.id, ok: false, error: payload });
    },
  );
});
port.postMessage({ ready: true });
