import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';
import { applyMigrations } from '../../src/db/migrations.ts';
import { pgliteAdapterFactory } from '../../src/db/pglite-adapter.ts';
import { databaseName, databaseUrl, TEST_POSTGRES_URL } from './engine.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

/**
 * Migrates one template per engine once per run, so each test file gets a fresh, fully migrated database in
 * milliseconds: a PGlite dump to load, or a PostgreSQL database to copy with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-test-'));
  const pglite = new PGlite();
  await applyMigrations(pgliteAdapterFactory(pglite));
  const dump = await pglite.dumpDataDir('gzip');
  await pglite.close();
  const dumpPath = path.join(dir, 'template.tar.gz');
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', dumpPath);

  let template: string | null = null;
  if (TEST_POSTGRES_URL) {
    template = `${databaseName(TEST_POSTGRES_URL)}_template`;
    await adminQuery(TEST_POSTGRES_URL, `DROP DATABASE IF EXISTS "${template}"`);
    await adminQuery(TEST_POSTGRES_URL, `CREATE DATABASE "${template}"`);
    const db = await openDatabase({ engine: 'postgres', url: databaseUrl(TEST_POSTGRES_URL, template) });
    await db.migrate();
    await db.close();
  }
  project.provide('postgresTemplate', template);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
  };
}

/** Runs one statement on the server's maintenance connection (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
