import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAuditDaily } from '../../src/audit/daily-check.ts';
import { fixedClock } from '../../src/clock.ts';
import { buildDigest } from '../../src/digests/build-digest.ts';
import { digestMessage } from '../../src/views/digests/digest-message.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

// Shanghai wall-clock instants (UTC+8).
const sh = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

describe('the daily audit check (issue 14)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.prisma.userRole.create({ data: { userId: 'U0ADMIN02', role: 'admin', grantedBy: 'U0ADMIN01' } });
    for (const role of ['staff', 'manager'])
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
  });
  afterAll(() => db.close());

  it('runs once a Shanghai day from 03:00; the digest shows the last outcome', async () => {
    const before = await buildDigest(db.prisma, sh('2026-12-01', 2), {});
    expect(JSON.stringify(digestMessage(before, 'zh-CN').blocks.at(-1))).toContain('审计日志：尚未校验');

    expect(await checkAuditDaily(db.prisma, fixedClock(sh('2026-12-01', 2)), { admins: ['U0ADMIN01'] })).toBe('notDue');
    expect(await checkAuditDaily(db.prisma, fixedClock(sh('2026-12-01', 3)), { admins: ['U0ADMIN01'] })).toBe('intact');
    expect(await checkAuditDaily(db.prisma, fixedClock(sh('2026-12-01', 9)), { admins: ['U0ADMIN01'] })).toBe('notDue');
    expect(await db.prisma.auditVerification.count()).toBe(1);

    const after = await buildDigest(db.prisma, sh('2026-12-01', 9), {});
    expect(after.auditCheck).toEqual({ ranAt: sh('2026-12-01', 3).toISOString(), ok: true, rows: 2 });
    expect(JSON.stringify(digestMessage(after, 'zh-CN').blocks.at(-1))).toContain('校验完整（2 条记录）');
  });

  it('a break tells every admin by DM, once that day, in their language, and the digest says so', async () => {
    await db.prisma.userPreference.create({ data: { userId: 'U0ADMIN02', lang: 'en' } });
    await db.prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"');
    await db.prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET payload = '{"role":"admin"}' WHERE "chainSeq" = 1`);
    await db.prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"');

    const options = { admins: ['U0ADMIN01'] };
    expect(await checkAuditDaily(db.prisma, fixedClock(sh('2026-12-02', 3)), options)).toBe('broken');
    expect(await checkAuditDaily(db.prisma, fixedClock(sh('2026-12-02', 4)), options)).toBe('notDue');
    const dms = await db.prisma.outboxMessage.findMany({
      where: { key: { startsWith: 'audit.broken:' } },
      orderBy: { key: 'asc' },
    });
    expect(dms.map((m) => m.key)).toEqual(['audit.broken:2026-12-02:U0ADMIN01', 'audit.broken:2026-12-02:U0ADMIN02']);
    const [zh, en] = dms.map((m) => m.args as { channel: string; text: string });
    expect(zh).toMatchObject({ channel: 'U0ADMIN01' });
    expect(zh!.text).toContain('审计日志校验未通过（2026-12-02）：1 条审计链');
    expect(zh!.text).toContain('programme #1');
    expect(en!.text).toContain('The audit log failed its check (2026-12-02)');

    const digest = digestMessage(await buildDigest(db.prisma, sh('2026-12-02', 9), {}), 'zh-CN');
    expect(JSON.stringify(digest.blocks.at(-1))).toContain('校验发现问题，已通知管理员');
  });
});
