import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { startProcess } from '../support/bot-process.ts';

const env = (over: Record<string, string>) => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...over });

// The operator's command, as a real process on an embedded database (the chain itself is tested on both engines in
// chain.test.ts): it says "intact" and exits 0, or names the broken row and exits 1.
describe('npm run audit:verify', () => {
  let root: string;
  let dataDir: string;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'pilotdesk-auditv-'));
    dataDir = path.join(root, 'data');
    const db = await openDatabase({ engine: 'pglite', dataDir });
    try {
      await db.migrate();
      for (const role of ['staff', 'manager', 'reviewer'])
        await db.prisma.auditEvent.create({
          data: {
            actorKind: 'user',
            actorId: 'U0ADMIN01',
            actorRoles: ['admin'],
            eventType: 'role.granted',
            payload: { role },
            recordedAt: new Date(),
          },
        });
    } finally {
      await db.close();
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('exits 0 on an intact log, then 1 naming the edited row after someone changed it behind the app', async () => {
    const intact = await startProcess(env({ PILOTDESK_DATA_DIR: dataDir }), ['scripts/audit-verify.ts']).exited();
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toContain('Audit log intact: 3 rows in 1 chains');

    const db = await openDatabase({ engine: 'pglite', dataDir });
    try {
      await db.prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"');
      await db.prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET payload = '{"role":"admin"}' WHERE "chainSeq" = 2`);
    } finally {
      await db.close();
    }
    const broken = await startProcess(env({ PILOTDESK_DATA_DIR: dataDir }), ['scripts/audit-verify.ts']).exited();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('Audit log BROKEN in 1 of 1 chains');
    expect(broken.stderr).toMatch(
      /programme #2: row \d+ \(role\.granted\) now hashes to [0-9a-f]{12}… but was written as/,
    );
  });
});
