import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { MIGRATIONS_DIR, migrationFolderName, pendingSchemaChanges } from '../../src/db/migrations.ts';
import { databaseName, databaseUrl, TEST_ENGINE, TEST_POSTGRES_URL } from '../support/engine.ts';

/** The migration folders on disk, in the order they apply. */
const MIGRATIONS = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL! });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An EMPTY database on this run's engine (not the migrated template): a PGlite data dir, or a new PostgreSQL db. */
async function emptyDatabase(): Promise<{ url: string | null; open(): Promise<Database>; dispose(): Promise<void> }> {
  if (TEST_ENGINE === 'pglite') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-mig-'));
    return {
      url: null,
      open: () => openDatabase({ engine: 'pglite', dataDir }),
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `${databaseName(TEST_POSTGRES_URL!)}_mig_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE "${name}"`);
  const url = databaseUrl(TEST_POSTGRES_URL!, name);
  return {
    url,
    open: () => openDatabase({ engine: 'postgres', url, poolSize: 2 }),
    dispose: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function fresh(): Promise<{ url: string | null; open(): Promise<Database> }> {
  const target = await emptyDatabase();
  cleanup.push(target.dispose);
  return target;
}

async function opened(target: { open(): Promise<Database> }): Promise<Database> {
  const db = await target.open();
  cleanup.push(() => db.close());
  return db;
}

describe('migrations', () => {
  it('there is at least one migration and the lock file names postgresql', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    for (const name of MIGRATIONS) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
    expect(readFileSync(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');
  });

  it('after every migration, the database matches schema.prisma (the engine diff is empty)', async () => {
    expect(await pendingSchemaChanges()).toBe('');
  });

  it(`apply every migration to an empty ${TEST_ENGINE} database; a second run applies nothing`, async () => {
    const db = await opened(await fresh());
    expect(await db.migrate()).toEqual(MIGRATIONS);
    expect(await db.migrate()).toEqual([]);
    // The tables exist and answer through the client.
    expect(await db.prisma.project.count()).toBe(0);
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });

  it('reopening the same database applies nothing (the state lives in _prisma_migrations)', async () => {
    const target = await fresh();
    const first = await target.open();
    expect(await first.migrate()).toEqual(MIGRATIONS);
    await first.close();
    const second = await opened(target);
    expect(await second.migrate()).toEqual([]);
  });

  it('_prisma_migrations records each migration once, finished, with the checksum the stock CLI expects', async () => {
    const db = await opened(await fresh());
    await db.migrate();
    await db.migrate();
    const rows = await db.prisma.$queryRawUnsafe<MigrationRow[]>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(MIGRATIONS);
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      const sql = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
    }
  });

  it.skipIf(TEST_ENGINE !== 'postgres')(
    'two replicas migrating the same fresh database at once both succeed; each migration applies once',
    async () => {
      const target = await fresh();
      const a = await opened(target);
      const b = await opened(target);
      const [ra, rb] = await Promise.all([a.migrate(), b.migrate()]);
      // The advisory lock makes one wait for the other, which then finds nothing to do.
      expect([ra, rb].sort((x, y) => y.length - x.length)).toEqual([MIGRATIONS, []]);
      const rows = await a.prisma.$queryRawUnsafe<{ migration_name: string; n: bigint }[]>(
        'SELECT migration_name, count(*) AS n FROM _prisma_migrations GROUP BY migration_name ORDER BY migration_name',
      );
      expect(rows.map((r) => [r.migration_name, Number(r.n)])).toEqual(MIGRATIONS.map((m) => [m, 1]));
      expect(await b.prisma.project.count()).toBe(0);
    },
  );
});

describe('migrationFolderName', () => {
  const at = new Date('2026-11-26T06:30:05.123Z');

  it("is Prisma's <UTC yyyyMMddHHmmss>_<slug>", () => {
    expect(migrationFolderName('add_deadlines', at)).toBe('20261126063005_add_deadlines');
  });

  it('slugs the name: lower case, runs of other characters become one underscore, none at the ends', () => {
    expect(migrationFolderName('  Add Deadlines & Reminders!! ', at)).toBe('20261126063005_add_deadlines_reminders');
    expect(migrationFolderName('v2-Outbox', at)).toBe('20261126063005_v2_outbox');
  });

  it('uses UTC whatever the local time zone (a Shanghai evening is the same UTC day)', () => {
    expect(migrationFolderName('x', new Date('2026-01-01T23:59:59+08:00'))).toBe('20260101155959_x');
  });

  it('sorts in time order', () => {
    const names = [new Date('2026-12-31T23:59:59Z'), new Date('2027-01-01T00:00:00Z'), new Date('2026-02-01T00:00:00Z')]
      .map((d) => migrationFolderName('m', d))
      .sort();
    expect(names).toEqual(['20260201000000_m', '20261231235959_m', '20270101000000_m']);
  });

  it.each(['', '   ', '!!!', '中文'])('refuses a name without letters or digits: %j', (name) => {
    expect(() => migrationFolderName(name, at)).toThrow(/letters or digits/);
  });
});
