import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/index.ts';
import { claimDueDeadlines, SCHEDULER_POLICY } from '../../src/scheduler/claim-deadlines.ts';
import { runTick } from '../../src/scheduler/tick.ts';
import { createSlackCaller } from '../../src/slack/web-api.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { pilotInput } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';
import { type RestartableDatabase, restartableDatabase, schedule, sh } from '../support/scheduler.ts';

const calendar = createWorkingCalendar();
let store: RestartableDatabase;
let fake: FakeSlack;
beforeAll(async () => {
  store = await restartableDatabase();
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake?.close();
  await store?.dispose();
});

const tick = (at: Date) =>
  runTick(
    {
      prisma: store.db.prisma,
      slack: createSlackCaller('xoxb-restart', fake.apiUrl),
      hooks: runtimeHooks,
      onError: (e) => {
        throw e;
      },
    },
    at,
  );

describe('restarts', () => {
  it('a process that dies after claiming, or before Slack answered, loses nothing and a new one sends nothing twice', async () => {
    const projects = await Promise.all(
      [1, 2, 3].map((i) => insertProject(store.db.prisma, { ...pilotInput({ ref: `P-2026-70${i}` }), track: 'pilot' })),
    );
    for (const p of projects)
      await schedule(store.db.prisma, p, {
        kind: 'infoDue',
        key: 'info',
        rule: 'R-APP-2',
        basis: calendar.addWorkingDays('2026-03-12', -10),
      });
    const t = sh('2026-03-09', 10);
    // Process A claims every due row (taking the lease) and dies before processing any of them.
    expect(await claimDueDeadlines(store.db.prisma, t)).toHaveLength(3);
    await store.restart();
    // Process B: while the lease holds nothing is done twice; after it, everything is done once.
    await tick(new Date(t.getTime() + 60_000));
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
    fake.failMethod('chat.postMessage', { status: 500 });
    const leaseOver = new Date(t.getTime() + SCHEDULER_POLICY.leaseMs + 1_000);
    const report = await tick(leaseOver);
    expect(report.deadlines.messages).toBe(3);
    expect(report.outbox.retrying).toBe(3);
    // Slack was down; process B dies too. Process C delivers once Slack is back.
    await store.restart();
    fake.clearFailures();
    await tick(new Date(leaseOver.getTime() + 10 * 60_000));
    await tick(new Date(leaseOver.getTime() + 20 * 60_000));
    const ok = fake.callsTo('chat.postMessage').filter((c) => c.status === 200);
    expect(ok).toHaveLength(3);
    expect(new Set(ok.map((c) => String(c.args.text))).size).toBe(3);
    const rows = await store.db.prisma.outboxMessage.findMany();
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    const deadlines = await store.db.prisma.deadline.findMany();
    expect(deadlines.every((d) => d.stepsDone.includes('reminder:3') && d.nextStep === 'reminder:1')).toBe(true);
  });
});
