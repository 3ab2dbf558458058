import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../../src/audit/verify-audit-chains.ts';
import type { Clock } from '../../src/clock.ts';
import { openDatabase } from '../../src/db/client.ts';
import { applyMigrations, MIGRATIONS_DIR } from '../../src/db/migrations.ts';
import { pgAdapterFactory } from '../../src/db/pg-adapter.ts';
import { pgliteAdapterFactory } from '../../src/db/pglite-adapter.ts';
import { createPostgresDatabase, createTestDatabase, dropPostgresDatabase, type TestDatabase } from '../support/db.ts';
import { TEST_ENGINE } from '../support/engine.ts';

const clock: Clock = { now: () => new Date('2026-12-01T02:00:00Z') };

// What a DBA (or an intruder with the owner's rights) could do behind the app's back: switch the append-only trigger
// off, change the rows, switch it on again. The chain must still show it.
async function tamper(db: TestDatabase, ...sql: string[]): Promise<void> {
  await db.prisma.$transaction([
    db.prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"'),
    ...sql.map((s) => db.prisma.$executeRawUnsafe(s)),
    db.prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"'),
  ]);
}

async function audit(db: TestDatabase, projectId: string | null, eventType: string, payload: object = {}) {
  return db.prisma.auditEvent.create({
    data: {
      projectId,
      actorKind: 'user',
      actorId: 'U0STAFF01',
      actorRoles: ['staff'],
      eventType,
      payload,
      recordedAt: new Date('2026-11-30T01:02:03.456Z'),
    },
  });
}

async function project(db: TestDatabase, ref: string) {
  return db.prisma.project.create({
    data: {
      ref,
      track: 'pilot',
      title: `项目${ref}`,
      intake: {},
      machine: 'pilot',
      machineVersion: 1,
      snapshot: {},
      stage: 'application',
      status: 'active',
      ownerId: 'U0STAFF01',
      createdById: 'U0STAFF01',
    },
  });
}

describe(`the audit log shows tampering (issue 14, ${TEST_ENGINE})`, () => {
  let db: TestDatabase;
  let a: { id: string };
  let b: { id: string };
  beforeAll(async () => {
    db = await createTestDatabase();
    a = await project(db, 'P-2026-101');
    b = await project(db, 'P-2026-102');
  });
  afterAll(() => db.close());

  it('links every row to the one before it in its chain: one chain per project, one for everything else', async () => {
    for (let i = 0; i < 4; i++) await audit(db, a.id, `a.${i}`, { i, text: '中文，全角' });
    for (let i = 0; i < 3; i++) await audit(db, b.id, `b.${i}`);
    await audit(db, null, 'role.granted', { role: 'staff' });
    const rows = await db.prisma.auditEvent.findMany({ where: { projectId: a.id }, orderBy: { chainSeq: 'asc' } });
    expect(rows.map((r) => [r.chain, r.chainSeq])).toEqual([1, 2, 3, 4].map((n) => [a.id, n]));
    expect(rows[0]!.prevHash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.rowHash);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.rowHash))).toBe(true);
    const programme = await db.prisma.auditEvent.findMany({ where: { projectId: null } });
    expect(programme.map((r) => [r.chain, r.chainSeq])).toEqual([['programme', 1]]);

    const result = await verifyAuditChains(db.prisma, clock);
    expect(result).toEqual({ ok: true, rowsChecked: 8, chains: 3, breaks: [] });
  });

  it('the app’s database role cannot update, delete or truncate audit rows', async () => {
    const row = (await db.prisma.auditEvent.findFirst({ where: { projectId: a.id } }))!;
    await expect(db.prisma.auditEvent.update({ where: { id: row.id }, data: { eventType: 'x' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.prisma.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
    expect(await db.prisma.auditEvent.count()).toBe(8);
  });

  it('an edited row: verification fails at exactly that row, naming the project and what differs', async () => {
    const target = (await db.prisma.auditEvent.findFirst({ where: { projectId: a.id, chainSeq: 2 } }))!;
    await tamper(db, `UPDATE "AuditEvent" SET payload = '{"i": 99}' WHERE id = ${target.id}`);
    const result = await verifyAuditChains(db.prisma, clock);
    expect(result.ok).toBe(false);
    expect(result.breaks).toHaveLength(1);
    expect(result.breaks[0]).toMatchObject({ label: 'P-2026-101', rowId: String(target.id), seq: 2, kind: 'edited' });
    expect(result.breaks[0]!.detail).toContain('changed after it was written');
    const run = await db.prisma.auditVerification.findFirst({ orderBy: { id: 'desc' } });
    expect(run).toMatchObject({ ok: false, rowsChecked: 8, chains: 3 });
    expect(run!.problem).toContain('P-2026-101 #2');
  });

  it('a deleted row in the middle: the gap is found at the row after it', async () => {
    const gone = (await db.prisma.auditEvent.findFirst({ where: { projectId: b.id, chainSeq: 2 } }))!;
    const next = (await db.prisma.auditEvent.findFirst({ where: { projectId: b.id, chainSeq: 3 } }))!;
    await tamper(db, `DELETE FROM "AuditEvent" WHERE id = ${gone.id}`);
    const result = await verifyAuditChains(db.prisma, clock);
    const found = result.breaks.find((x) => x.label === 'P-2026-102');
    expect(found).toMatchObject({ rowId: String(next.id), seq: 3, kind: 'deleted' });
    expect(found!.detail).toContain('position 2 is missing');
  });

  it('a row replaced with a freshly hashed one: the next row no longer points at it', async () => {
    const c = await project(db, 'P-2026-103');
    for (let i = 0; i < 3; i++) await audit(db, c.id, `c.${i}`);
    const second = (await db.prisma.auditEvent.findFirst({ where: { projectId: c.id, chainSeq: 2 } }))!;
    const third = (await db.prisma.auditEvent.findFirst({ where: { projectId: c.id, chainSeq: 3 } }))!;
    // Rewritten with its own hash recomputed, as someone who knows the scheme would: the row itself checks out.
    await tamper(
      db,
      `UPDATE "AuditEvent" SET "eventType" = 'c.forged' WHERE id = ${second.id}`,
      `UPDATE "AuditEvent" a SET "rowHash" = audit_row_hash(a) WHERE id = ${second.id}`,
    );
    const result = await verifyAuditChains(db.prisma, clock);
    expect(result.breaks.find((x) => x.label === 'P-2026-103')).toMatchObject({
      rowId: String(third.id),
      seq: 3,
      kind: 'relinked',
    });
  });

  it('rows cut from the end of a chain after a run that saw them are found too', async () => {
    const d = await project(db, 'P-2026-104');
    for (let i = 0; i < 3; i++) await audit(db, d.id, `d.${i}`);
    await verifyAuditChains(db.prisma, clock);
    await tamper(db, `DELETE FROM "AuditEvent" WHERE "projectId" = '${d.id}' AND "chainSeq" = 3`);
    const result = await verifyAuditChains(db.prisma, clock);
    expect(result.breaks.find((x) => x.label === 'P-2026-104')).toMatchObject({
      rowId: null,
      seq: 3,
      kind: 'truncated',
    });
  });

  it('concurrent writers of one chain take turns: 30 inserts at once, positions 1–30, the chain intact', async () => {
    const e = await project(db, 'P-2026-105');
    await Promise.all(Array.from({ length: 30 }, (_, i) => audit(db, e.id, `e.${i}`)));
    const rows = await db.prisma.auditEvent.findMany({ where: { projectId: e.id }, orderBy: { chainSeq: 'asc' } });
    expect(rows.map((r) => r.chainSeq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const result = await verifyAuditChains(db.prisma, clock);
    expect(result.breaks.find((x) => x.label === 'P-2026-105')).toBeUndefined();
  });
});

describe(`audit rows written before the chain existed are chained by its migration (${TEST_ENGINE})`, () => {
  it('an older database upgrades with its rows linked in the order they were written, and verifies', async () => {
    const names = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const before = mkdtempSync(path.join(tmpdir(), 'pilotdesk-premig-'));
    for (const n of names.slice(
      0,
      names.findIndex((n) => n.endsWith('_audit_chain')),
    ))
      cpSync(path.join(MIGRATIONS_DIR, n), path.join(before, n), { recursive: true });
    const insert = `INSERT INTO "AuditEvent" ("actorKind", "actorRoles", "eventType", payload, "recordedAt")
      VALUES ('system', '{}', 'old.1', '{}', now()), ('system', '{}', 'old.2', '{"k": "值"}', now())`;
    let url: string | null = null;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-audit-'));
    try {
      if (TEST_ENGINE === 'pglite') {
        const pglite = new PGlite(dataDir);
        await applyMigrations(pgliteAdapterFactory(pglite), before);
        await pglite.exec(insert);
        await applyMigrations(pgliteAdapterFactory(pglite));
        await pglite.close();
      } else {
        url = await createPostgresDatabase();
        const pool = new pg.Pool({ connectionString: url });
        await pool.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
        await applyMigrations(pgAdapterFactory(pool), before);
        await pool.query(insert);
        await applyMigrations(pgAdapterFactory(pool));
        await pool.end();
      }
      const db = url
        ? await openDatabase({ engine: 'postgres', url })
        : await openDatabase({ engine: 'pglite', dataDir });
      try {
        const rows = await db.prisma.auditEvent.findMany({ orderBy: { id: 'asc' } });
        expect(rows.map((r) => [r.eventType, r.chain, r.chainSeq])).toEqual([
          ['old.1', 'programme', 1],
          ['old.2', 'programme', 2],
        ]);
        expect((await verifyAuditChains(db.prisma, clock)).ok).toBe(true);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(before, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
      if (url) await dropPostgresDatabase(url);
    }
  });
});
