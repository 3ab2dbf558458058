import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { startProcess } from '../support/bot-process.ts';

const env = (over: Record<string, string>) => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...over });

describe('npm run backup', () => {
  let root: string;
  let dataDir: string;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'pilotdesk-backup-'));
    dataDir = path.join(root, 'data');
    const db = await openDatabase({ engine: 'pglite', dataDir });
    try {
      await db.migrate();
      for (const name of ['备份一批', '备份二批'])
        await db.prisma.batch.create({
          data: { name, opensOn: new Date('2026-11-01'), closesOn: new Date('2026-12-31'), createdById: 'U0BACKUP1' },
        });
    } finally {
      await db.close();
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes a copy of the embedded database that opens with every row in it', async () => {
    const file = path.join(root, 'copy.tar.gz');
    const run = await startProcess(env({ PILOTDESK_DATA_DIR: dataDir }), ['scripts/backup.ts', file]).exited();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`to ${file}`);

    const copy = await openDatabase({ engine: 'pglite', loadDataDir: new Blob([readFileSync(file)]) });
    try {
      const names = (await copy.prisma.batch.findMany({ orderBy: { name: 'asc' } })).map((b) => b.name);
      expect(names).toEqual(['备份一批', '备份二批'].sort());
      // The copy is a whole database: its migrations are there too, so it can be started on as it is.
      expect(await copy.migrate()).toEqual([]);
    } finally {
      await copy.close();
    }

    // The restore README describes: extract into an empty folder and open it (the copied lock file is not about it).
    const restored = path.join(root, 'restored');
    mkdirSync(restored);
    const tar = spawnSync('tar', ['-xzf', file, '-C', restored], { encoding: 'utf8' });
    expect(tar.status, tar.stderr).toBe(0);
    const reopened = await openDatabase({ engine: 'pglite', dataDir: restored });
    try {
      expect(await reopened.prisma.batch.count()).toBe(2);
    } finally {
      await reopened.close();
    }

    const again = await startProcess(env({ PILOTDESK_DATA_DIR: dataDir }), ['scripts/backup.ts', file]).exited();
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  }, 120_000);

  it('without a file name writes ./backups/<timestamp>.tar.gz', async () => {
    const cwd = path.join(root, 'cwd');
    mkdirSync(cwd);
    const run = await startProcess(env({ PILOTDESK_DATA_DIR: dataDir }), ['scripts/backup.ts'], { cwd }).exited();
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(path.join(cwd, 'backups'))).toEqual([expect.stringMatching(/^\d{8}T\d{6}\.tar\.gz$/)]);
  }, 120_000);

  it('for PostgreSQL it copies nothing and gives the pg_dump command', async () => {
    const run = await startProcess(env({ DATABASE_URL: 'postgres://pilot:s3cret@db.internal:6543/pilotdesk' }), [
      'scripts/backup.ts',
    ]).exited();
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(
      'pg_dump --format=custom --host=db.internal --port=6543 --username=pilot --dbname=pilotdesk',
    );
    expect(run.stderr).not.toContain('s3cret');
  }, 60_000);
});
