import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { explainConnectError } from './connect-errors.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { Prisma } from './generated/client.ts';
import { PrismaClient } from './generated/client.ts';
import { applyMigrations, migrationsUpToDate } from './migrations.ts';
import { pgAdapterFactory } from './pg-adapter.ts';
import { type PgliteBridge, startPgliteWorker } from './pglite-bridge.ts';

export type {
  AuditEvent,
  Batch,
  Deadline,
  GeneratedFile,
  Prisma,
  PrismaClient,
  Project,
  SupervisionRecord,
} from './generated/client.ts';

/** The client or the change's transaction: repositories read and write through either. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** Where the data lives: an embedded PGlite (a directory, or a loaded dump for tests) or a PostgreSQL server. */
export type DatabaseTarget =
  | { engine: 'pglite'; dataDir?: string; loadDataDir?: Blob; role?: string }
  | { engine: 'postgres'; url: string; poolSize?: number };

/** An open database: the Prisma client plus what start-up, health checks and migrations need. */
export interface Database {
  readonly engine: 'pglite' | 'postgres';
  readonly prisma: PrismaClient;
  /**
   * The client for background work (the scheduler's ticks). On PostgreSQL it has its own small pool, so a flood of
   * Slack requests queued for the main pool cannot starve the scheduler, nor the scheduler the requests (decision
   * 015); on the embedded database, with its one thread, it is the same client as `prisma`.
   */
  readonly background: PrismaClient;
  /** Applies pending migrations under an advisory lock, so replicas starting together take turns. */
  migrate(): Promise<string[]>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /** The embedded database only: a consistent copy of the whole data folder as a gzipped tar (PGlite's format). */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

/** Connections of the background pool: the scheduler runs one statement at a time, plus a few consequences. */
const BACKGROUND_POOL_SIZE = 3;

// Any fixed 64-bit key; every replica must use the same one.
const MIGRATION_LOCK_KEY = 72_270_221_2026n;

/** Opens the database the configuration names; only src/db knows which engine runs. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.engine === 'pglite' ? openPglite(target) : openPostgres(target);
}

async function openPglite(target: Extract<DatabaseTarget, { engine: 'pglite' }>): Promise<Database> {
  // PGlite itself does not stop a second process from opening the folder, and two would corrupt it. The process
  // holds the lock; its database thread only ever opens the folder while the lock is held.
  const lock = target.dataDir ? lockDataDir(target.dataDir, { role: target.role ?? 'a Pilot Desk process' }) : null;
  let bridge: PgliteBridge;
  try {
    bridge = await startPgliteWorker({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: bridge.factory });
  return {
    engine: 'pglite',
    prisma,
    background: prisma,
    // The folder's lock keeps every other process out, so no other migrator can run at the same time.
    migrate: () => applyMigrations(bridge.factory),
    ping: () => bridge.ping(),
    dump: () => bridge.dump(),
    // Idempotent: a health check may have closed it already when the server stops.
    close: once(async () => {
      try {
        await prisma.$disconnect();
        await bridge.close();
      } finally {
        lock?.release();
      }
    }),
  };
}

async function openPostgres(target: Extract<DatabaseTarget, { engine: 'postgres' }>): Promise<Database> {
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
  // An idle client that errors (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // Connect once now, so a missing database or a stopped server is one clear line at start, not a stack trace later.
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw explainConnectError(target.url, error);
  }
  const factory: SqlMigrationAwareDriverAdapterFactory = pgAdapterFactory(pool);
  const prisma = new PrismaClient({ adapter: factory });
  // Connected lazily: a process that never ticks (a script) never opens it.
  const backgroundPool = new pg.Pool({ connectionString: target.url, max: BACKGROUND_POOL_SIZE });
  backgroundPool.on('error', () => {});
  const background = new PrismaClient({ adapter: pgAdapterFactory(backgroundPool) });
  return {
    engine: 'postgres',
    prisma,
    background,
    // Nothing pending is one query on the open pool; otherwise replicas take turns under the advisory lock.
    migrate: async () =>
      (await migrationsUpToDate(factory)) ? [] : withAdvisoryLock(target.url, () => migratePostgres(target.url)),
    ping: () => pingWith(() => pool.query('select 1')),
    close: once(async () => {
      await Promise.all([prisma.$disconnect(), background.$disconnect()]);
      await Promise.all([pool.end(), backgroundPool.end()]);
    }),
  };
}

async function migratePostgres(url: string): Promise<string[]> {
  // The engine keeps its session (and Prisma's own migration lock) until its pool ends: end it here.
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => {});
  try {
    return await applyMigrations(pgAdapterFactory(pool));
  } finally {
    await pool.end();
  }
}

async function withAdvisoryLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  // A dedicated session holds the lock: the engine's own connections come and go while it works.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    return await fn();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]).catch(() => {});
    await client.end();
  }
}

async function pingWith(query: () => Promise<unknown>): Promise<boolean> {
  try {
    await query();
    return true;
  } catch {
    return false;
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= fn();
    return done;
  };
}
