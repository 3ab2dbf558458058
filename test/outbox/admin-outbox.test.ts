import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { PermissionError } from '../../src/errors.ts';
import { listDeadMessages, retryDeadMessage } from '../../src/outbox/admin-outbox.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

const admin = { kind: 'user' as const, userId: 'U0ADMIN01', roles: ['admin' as const] };
const staff = { kind: 'user' as const, userId: 'U0STAFF01', roles: ['staff' as const] };

describe('/pilot admin outbox: retrying a message Slack kept refusing', () => {
  let db: TestDatabase;
  let id: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    const row = await db.prisma.outboxMessage.create({
      data: {
        key: 'digest:C0GONE:2026-12-01',
        method: 'chat.postMessage',
        args: { channel: 'C0GONE', text: '摘要' },
        status: 'dead',
        attempts: 5,
        lastError: 'channel_not_found',
      },
    });
    id = row.id.toString();
  });
  afterAll(() => db.close());

  it('is for admins only, and changes nothing when refused', async () => {
    await expect(
      retryDeadMessage(db.prisma, fixedClock('2026-12-01T02:00:00Z'), { outboxId: id, actor: staff }),
    ).rejects.toBeInstanceOf(PermissionError);
    expect((await listDeadMessages(db.prisma, admin)).map((m) => m.id)).toEqual([id]);
    expect(await db.prisma.auditEvent.count({ where: { eventType: 'outbox.retried' } })).toBe(0);
  });

  it('puts the row back in the queue with fresh attempts and audits who did it, in the same transaction', async () => {
    const at = new Date('2026-12-01T02:00:00Z');
    expect(await retryDeadMessage(db.prisma, fixedClock(at), { outboxId: id, actor: admin })).toEqual({
      id,
      key: 'digest:C0GONE:2026-12-01',
    });
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: BigInt(id) } });
    expect(row).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: at });
    const audit = await db.prisma.auditEvent.findMany({ where: { eventType: 'outbox.retried' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: 'U0ADMIN01',
      actorRoles: ['admin'],
      projectId: null,
      chain: 'programme',
    });
    expect(audit[0]!.payload).toEqual({
      outboxId: id,
      key: 'digest:C0GONE:2026-12-01',
      method: 'chat.postMessage',
      lastError: 'channel_not_found',
    });
    // A second press finds the row no longer dead: refused with a reason, nothing audited twice.
    await expect(retryDeadMessage(db.prisma, fixedClock(at), { outboxId: id, actor: admin })).rejects.toMatchObject({
      key: 'error.outboxNotDead',
    });
    expect(await db.prisma.auditEvent.count({ where: { eventType: 'outbox.retried' } })).toBe(1);
  });
});
