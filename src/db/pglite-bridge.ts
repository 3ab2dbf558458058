import { Worker } from 'node:worker_threads';
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import type { PgliteWorkerData } from './pglite-worker.ts';

/** The embedded database running on its own thread, and the Prisma adapter factory that reaches it. */
export interface PgliteBridge {
  factory: SqlMigrationAwareDriverAdapterFactory;
  ping(): Promise<boolean>;
  dump(): Promise<Blob>;
  close(): Promise<void>;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: Record<string, unknown> };

// Under tsx (npm start, tests) the worker is TypeScript and needs tsx's loader registered in its own thread; a
// precompiled build loads the .js beside this file directly.
const WORKER_URL = new URL(`./pglite-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
const BOOT = `
const { workerData } = await import('node:worker_threads');
if (workerData.url.endsWith('.ts')) (await import(workerData.tsx)).register();
await import(workerData.url);
`;

/** Starts PGlite on a worker thread (the data folder's lock stays with the caller) and resolves once it is open. */
export async function startPgliteWorker(target: { dataDir?: string; loadDataDir?: Blob }): Promise<PgliteBridge> {
  const data: PgliteWorkerData = {
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(target.loadDataDir ? { loadDataDir: await target.loadDataDir.arrayBuffer() } : {}),
  };
  const tsx = WORKER_URL.pathname.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : '';
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: { ...data, url: WORKER_URL.href, tsx },
    transferList: data.loadDataDir ? [data.loadDataDir] : [],
    // The parent's --import tsx would run again in the worker before BOOT registers it; BOOT does it instead.
    execArgv: process.execArgv.filter((a, i, all) => a !== '--import' && all[i - 1] !== '--import'),
  });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  let nextId = 1;
  let failure: unknown;
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the embedded database's thread exited (${code}) while opening`)));
  });
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  const failAll = (error: unknown) => {
    // A thread that exits after close() keeps saying "closed", not its exit code.
    failure ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the embedded database's thread exited (${code})`)));
  worker.on('message', (reply: Reply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.ok) p.resolve(reply.value);
    else p.reject(revive(reply.error));
  });
  // An idle database thread must not keep a finished process alive (scripts, tests that forget to close).
  worker.unref();
  const call = <T>(op: string, target?: number, arg?: unknown): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      // Referenced only while a request is out: an awaited query keeps the process alive, an idle thread does not.
      if (pending.size === 1) worker.ref();
      worker.postMessage({ id, op, target, arg });
    });
  };

  const provider = 'postgres' as const;
  const adapterName = '@prisma/adapter-pglite';
  const adapter = async (op: 'connect' | 'connectToShadowDb'): Promise<SqlDriverAdapter> => {
    const { handle, connectionInfo } = await call<{ handle: number; connectionInfo: unknown }>(op);
    return {
      provider,
      adapterName,
      queryRaw: (q: SqlQuery) => call('queryRaw', handle, q),
      executeRaw: (q: SqlQuery) => call('executeRaw', handle, q),
      executeScript: (script: string) => call('executeScript', handle, script),
      ...(connectionInfo ? { getConnectionInfo: () => connectionInfo as never } : {}),
      async startTransaction(isolationLevel) {
        const tx = await call<{ handle: number; options: Transaction['options'] }>(
          'startTransaction',
          handle,
          isolationLevel,
        );
        return {
          provider,
          adapterName,
          options: tx.options,
          queryRaw: (q: SqlQuery) => call('tx.queryRaw', tx.handle, q),
          executeRaw: (q: SqlQuery) => call('tx.executeRaw', tx.handle, q),
          commit: () => call('tx.commit', tx.handle),
          rollback: () => call('tx.rollback', tx.handle),
          createSavepoint: (name: string) => call('tx.createSavepoint', tx.handle, name),
          rollbackToSavepoint: (name: string) => call('tx.rollbackToSavepoint', tx.handle, name),
          releaseSavepoint: (name: string) => call('tx.releaseSavepoint', tx.handle, name),
        };
      },
      dispose: () => call('dispose', handle),
    };
  };
  return {
    factory: {
      provider,
      adapterName,
      connect: () => adapter('connect'),
      connectToShadowDb: () => adapter('connectToShadowDb'),
    },
    ping: () => call<boolean>('ping').catch(() => false),
    dump: async () => new Blob([await call<ArrayBuffer>('dump')]),
    async close() {
      if (failure) return;
      await call('close');
      // Later calls are refused with this, not with the thread's exit code.
      failure = new Error('the embedded database is closed');
      await worker.terminate();
    },
  };
}

/** Rebuilds an error from the worker: a DriverAdapterError keeps its mapped cause, which Prisma turns into codes. */
function revive(e: Record<string, unknown>): Error {
  const error =
    e.name === 'DriverAdapterError' && e.cause
      ? new DriverAdapterError(e.cause as ConstructorParameters<typeof DriverAdapterError>[0])
      : Object.assign(new Error(String(e.message)), { name: String(e.name) });
  if (typeof e.stack === 'string') error.stack = e.stack;
  return error;
}
