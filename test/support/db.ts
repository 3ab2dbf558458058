import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { databaseName, databaseUrl, TEST_ENGINE, TEST_POSTGRES_URL } from './engine.ts';

export { TEST_ENGINE };

/** A fresh, migrated database on this run's engine, private to the caller; `close()` also drops it. */
export interface TestDatabase extends Database {
  /** For PostgreSQL: the URL of this database (to start the app or other processes on it). */
  url: string | null;
}

/** Creates a fresh database copied from the run's migrated template (isolation per test file or per test). */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_ENGINE === 'pglite') {
    const dump = readFileSync(inject('pgliteTemplate'));
    const db = await openDatabase({ engine: 'pglite', loadDataDir: new Blob([dump]) });
    return Object.assign(db, { url: null });
  }
  const url = await createPostgresDatabase();
  const db = await openDatabase({ engine: 'postgres', url, poolSize: 5 });
  const close = db.close.bind(db);
  return Object.assign(db, {
    url,
    async close() {
      await close();
      await dropPostgresDatabase(url);
    },
  });
}

/** A new database on the test server, copied from the migrated template; returns its URL. */
export async function createPostgresDatabase(): Promise<string> {
  const admin = TEST_POSTGRES_URL!;
  const template = inject('postgresTemplate')!;
  const name = `${databaseName(admin)}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(admin, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return databaseUrl(admin, name);
}

/** Drops a database made by createPostgresDatabase, disconnecting anything still attached. */
export async function dropPostgresDatabase(url: string): Promise<void> {
  await withAdmin(TEST_POSTGRES_URL!, (c) => c.query(`DROP DATABASE IF EXISTS "${databaseName(url)}" WITH (FORCE)`));
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
