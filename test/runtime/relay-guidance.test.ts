import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { PermissionError } from '../../src/errors.ts';
import { relayGuidance } from '../../src/projects/relay-guidance.ts';
import { createActorResolver } from '../../src/roles/resolve-actor.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { pilotInput, toPiloting } from '../support/machines.ts';
import { insertProject, insertProjectAt } from '../support/projects.ts';

let db: TestDatabase;
const clock = fixedClock('2024-06-10T02:00:00Z');
// The person's actor as the wiring resolves it where their request enters.
const actorOf = (userId: string) => createActorResolver(db.prisma, [])(userId);

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.userRole.create({ data: { userId: 'U0STAFF01', role: 'staff', grantedBy: 'test' } });
});
afterAll(async () => {
  await db?.close();
});

describe('relaying CSRC guidance', () => {
  it('R-SUP-3: a relayed notice is recorded on every piloting project and its owner is told', async () => {
    const piloting = [];
    for (const n of [1, 2, 3]) {
      const s = toPiloting();
      piloting.push(
        await insertProjectAt(db.prisma, { ...s, context: { ...s.context, ref: `P-2024-00${n}` } } as never, {
          ownerId: `U0OWNER0${n}`,
        }),
      );
    }
    await insertProject(db.prisma, { ...pilotInput({ ref: 'P-2024-009' }), track: 'pilot' });
    const keys: string[][] = [];
    const result = await relayGuidance(
      { prisma: db.prisma, clock, afterCommit: (k) => keys.push(k), hooks: runtimeHooks },
      await actorOf('U0STAFF01'),
      { noticeRef: '科技监管局〔2024〕3号', summary: '加强数据安全', factDate: '2024-06-07' },
    );
    expect(result.relayed).toEqual(['P-2024-001', 'P-2024-002', 'P-2024-003']);
    for (const p of piloting) {
      const audit = await db.prisma.auditEvent.findMany({ where: { projectId: p.id, eventType: 'guidance.relayed' } });
      expect(audit).toHaveLength(1);
      expect(audit[0]!.payload).toMatchObject({ noticeRef: '科技监管局〔2024〕3号' });
    }
    const told = await db.prisma.outboxMessage.findMany({ where: { key: { contains: ':notify:' } } });
    expect(new Set(told.map((m) => (m.args as { channel: string }).channel))).toEqual(
      new Set(['U0OWNER01', 'U0OWNER02', 'U0OWNER03']),
    );
    const untouched = await db.prisma.project.findUniqueOrThrow({ where: { ref: 'P-2024-009' } });
    expect(untouched.version).toBe(1);
  });

  it('R-SUP-3: only staff may relay', async () => {
    await expect(
      relayGuidance(
        { prisma: db.prisma, clock, afterCommit: () => {}, hooks: runtimeHooks },
        await actorOf('U0NOBODY1'),
        { noticeRef: 'x', summary: 'y', factDate: '2024-06-07' },
      ),
    ).rejects.toBeInstanceOf(PermissionError);
  });
});
