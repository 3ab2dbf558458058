import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/index.ts';
import { DEFAULT_TICK_MS, runTick } from '../../src/scheduler/tick.ts';
import { createSlackCaller } from '../../src/slack/web-api.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/db.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { pilotInput } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';
import { schedule, sh } from '../support/scheduler.ts';

// The bot's finding (issue 11): with the database busy serving Slack requests, the scheduler's interactive
// transactions waited longer than Prisma lets a transaction wait or run, failed, and the steps they had claimed sat
// out their lease (2 minutes, four of the loop's ticks) before anyone tried again. Here the database is kept busy by
// back-to-back statements longer than Prisma's transaction wait (2 s) while the real loop's tick runs; what is counted
// is what one tick delivered, not how long it took.
const calendar = createWorkingCalendar();
const N = 5;
const HOLD_S = 2.5;
let db: TestDatabase;
let fake: FakeSlack;
beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake?.close();
  await db?.close();
});

describe('a busy database', () => {
  it(`one tick delivers every due step exactly once while other work holds the database ${HOLD_S} s at a time`, async () => {
    const projects = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        insertProject(
          db.prisma,
          { ...pilotInput({ ref: `P-2026-80${i}` }), track: 'pilot' },
          { ownerId: `U0OWN00${i}` },
        ),
      ),
    );
    for (const [i, p] of projects.entries())
      await schedule(
        db.prisma,
        { id: p.id, ownerId: `U0OWN00${i}` },
        {
          kind: 'infoDue',
          key: 'info',
          rule: 'R-APP-2',
          basis: calendar.addWorkingDays('2026-03-12', -10),
        },
      );
    const t = sh('2026-03-09', 10);
    const errors: unknown[] = [];
    const tick = (at: Date) =>
      runTick(
        {
          prisma: db.background,
          slack: createSlackCaller('xoxb-busy', fake.apiUrl),
          hooks: runtimeHooks,
          onError: (e) => errors.push(e),
        },
        at,
      );
    // The busy spell: as many holders as the database serves at once (one thread embedded, the pool on PostgreSQL).
    let busy = true;
    const holders = Array.from({ length: TEST_ENGINE === 'pglite' ? 1 : 5 }, async () => {
      while (busy) await db.prisma.$queryRawUnsafe(`SELECT 1 AS held FROM pg_sleep(${HOLD_S})`);
    });
    let first: Awaited<ReturnType<typeof tick>> | Error;
    try {
      first = await tick(t).catch((e: Error) => e);
    } finally {
      busy = false;
      await Promise.all(holders);
    }
    // The next tick of the loop, 30 s later (well within the lease): nothing is left to send, nothing twice.
    const second = await tick(new Date(t.getTime() + DEFAULT_TICK_MS));
    expect(first).not.toBeInstanceOf(Error);
    expect(errors).toEqual([]);
    expect(first).toMatchObject({ deadlines: { processed: N, messages: N, failed: 0 }, outbox: { sent: N } });
    expect(second).toMatchObject({ deadlines: { processed: 0 }, outbox: { sent: 0 } });
    const sent = fake.callsTo('chat.postMessage').filter((c) => c.status === 200);
    expect(sent.map((c) => c.args.channel).sort()).toEqual(projects.map((_, i) => `U0OWN00${i}`));
    const rows = await db.prisma.outboxMessage.findMany({ where: { key: { startsWith: 'reminder:' } } });
    expect(rows).toHaveLength(N);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    const deadlines = await db.prisma.deadline.findMany();
    expect(deadlines.every((d) => d.stepsDone.includes('reminder:3') && d.nextStep === 'reminder:1')).toBe(true);
  }, 180_000);
});
