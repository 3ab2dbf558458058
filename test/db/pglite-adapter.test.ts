import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/db/migrations.ts';
import { pgliteAdapterFactory } from '../../src/db/pglite-adapter.ts';

describe('the embedded database adapter', () => {
  it('a failing migration is reported to the caller, not left as an unhandled rejection', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-bad-migration-'));
    mkdirSync(path.join(dir, '20260101000000_broken'));
    writeFileSync(
      path.join(dir, '20260101000000_broken', 'migration.sql'),
      'CREATE TABLE "A" ("x" INT);\nCREATE TABLE "A" ("x" INT);\n',
    );
    const pglite = new PGlite();
    try {
      await expect(applyMigrations(pgliteAdapterFactory(pglite), dir)).rejects.toThrow(/already exists/);
    } finally {
      await pglite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
