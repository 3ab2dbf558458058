import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/index.ts';
import { runTick } from '../../src/scheduler/tick.ts';
import { createSlackCaller } from '../../src/slack/web-api.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { pilotInput } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';
import { schedule, sh } from '../support/scheduler.ts';

const calendar = createWorkingCalendar();
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

describe('Slack refusing for a while', () => {
  it('429 with Retry-After, then 500s: everything is delivered after Slack recovers, nothing twice', async () => {
    for (let i = 1; i <= 6; i++) {
      const p = await insertProject(db.prisma, {
        ...pilotInput({ ref: `P-2026-6${String(i).padStart(2, '0')}` }),
        track: 'pilot',
      });
      await schedule(db.prisma, p, {
        kind: 'infoDue',
        key: 'info',
        rule: 'R-APP-2',
        basis: calendar.addWorkingDays('2026-03-12', -10),
      });
    }
    const slack = createSlackCaller('xoxb-failures', fake.apiUrl);
    const t0 = sh('2026-03-09', 10);
    fake.failMethod('chat.postMessage', { status: 429, retryAfter: 30, times: 4 });
    let now = t0;
    const reports = [];
    for (
      let i = 0;
      i < 40 && (await db.prisma.outboxMessage.count({ where: { status: { not: 'sent' } } })) + (i === 0 ? 1 : 0) > 0;
      i++
    ) {
      if (i === 1) fake.failMethod('chat.postMessage', { status: 500, times: 5 });
      reports.push(await runTick({ prisma: db.prisma, slack, hooks: runtimeHooks }, now));
      now = new Date(now.getTime() + 60_000);
    }
    const calls = fake.callsTo('chat.postMessage');
    expect(calls.filter((c) => c.status === 429)).toHaveLength(4);
    expect(calls.filter((c) => c.status === 500)).toHaveLength(5);
    const ok = calls.filter((c) => c.status === 200);
    expect(ok).toHaveLength(6);
    expect(new Set(ok.map((c) => String(c.args.text))).size).toBe(6);
    const rows = await db.prisma.outboxMessage.findMany();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    // The first tick met the 429s (retried after Retry-After), the second the 500s (backed off), then it recovered.
    expect(reports[0]!.outbox).toEqual({ sent: 2, retrying: 4, dead: 0 });
    expect(reports[1]!.outbox).toMatchObject({ retrying: 4 });
    // Nothing more goes out afterwards.
    await runTick({ prisma: db.prisma, slack, hooks: runtimeHooks }, new Date(now.getTime() + 3_600_000));
    expect(fake.callsTo('chat.postMessage').filter((c) => c.status === 200)).toHaveLength(6);
  });
});
