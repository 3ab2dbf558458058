import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { explainProjectDeadlines } from '../../src/deadlines/explain-project-deadlines.ts';
import { loadCalendarYear } from '../../src/deadlines/load-calendar-year.ts';
import { InputError, PermissionError } from '../../src/errors.ts';
import { runTick } from '../../src/scheduler/tick.ts';
import { createSlackCaller } from '../../src/slack/web-api.ts';
import { projectDeadlinesMessage } from '../../src/views/deadlines/why-message.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { admin, manager } from '../support/machines.ts';
import { coachingInCoaching, sh } from '../support/scheduler.ts';

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

// A made-up 2027 schedule (the State Council has not published it): Spring Festival 6–12 February.
const SPRING_2027 = ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'];
const schedule2027 = {
  year: 2027,
  holidays: ['2027-01-01', ...SPRING_2027],
  adjustedWorkingDays: ['2027-02-20'],
  source: 'test notice 2027',
};

describe('a deadline counted into 2027, a year the calendar does not know', () => {
  it('R-COA-4: is explained as counted without the official calendar; loading the 2027 schedule moves it and tells the owner', async () => {
    const at = sh('2026-11-20', 10);
    const p = await coachingInCoaching(db.prisma, 'C-2026-027', '2026-02-10', at.toISOString());
    await db.prisma.outboxMessage.deleteMany();
    const before = await explainProjectDeadlines(db.prisma, p.id, 'en');
    const [coaching] = before.deadlines;
    expect(coaching).toMatchObject({
      kind: 'coachingExpires',
      rule: 'R-COA-4',
      dueDate: '2027-02-10',
      unknownYears: [2027],
      basis: '2026-02-10',
    });
    expect(coaching!.unknownYearWarning).toContain('2027');
    expect(coaching!.counting.join(' ')).toContain('The official holiday schedule for 2027 has not been loaded');
    const zh = await explainProjectDeadlines(db.prisma, 'C-2026-027', 'zh-CN');
    expect(zh.deadlines[0]!.counting.join('')).toContain('2027 年的官方节假日安排尚未载入');
    const message = projectDeadlinesMessage(before, 'en');
    expect(JSON.stringify(message.blocks)).toContain('Counted without the official calendar for 2027');

    const deps = { prisma: db.prisma, clock: fixedClock(at) };
    await expect(loadCalendarYear(deps, { schedule: schedule2027, actor: manager })).rejects.toBeInstanceOf(
      PermissionError,
    );
    await expect(
      loadCalendarYear(deps, { schedule: { ...schedule2027, adjustedWorkingDays: ['2027-02-17'] }, actor: admin }),
    ).rejects.toBeInstanceOf(InputError);
    const loaded = await loadCalendarYear(deps, { schedule: schedule2027, actor: admin });
    expect(loaded.moved).toEqual([
      expect.objectContaining({
        ref: 'C-2026-027',
        kind: 'coachingExpires',
        from: '2027-02-10',
        to: '2027-02-15',
        notified: 'U0OWNER01',
      }),
    ]);
    const after = await explainProjectDeadlines(db.prisma, p.id, 'en');
    expect(after.deadlines[0]).toMatchObject({ dueDate: '2027-02-15', unknownYears: [], unknownYearWarning: null });
    expect(after.deadlines[0]!.holidaysSkipped).toEqual(['2027-02-10', '2027-02-11', '2027-02-12']);
    // Loading the same schedule again changes nothing and tells nobody twice.
    const again = await loadCalendarYear(deps, {
      file: schedule2027.holidays
        .map((d) => `${d},holiday,`)
        .concat('2027-02-20,workday,')
        .join('\n'),
      source: 'test notice 2027',
      actor: admin,
    });
    expect(again.moved).toEqual([]);
    const slack = createSlackCaller('xoxb-2027', fake.apiUrl);
    await runTick({ prisma: db.prisma, slack, hooks: runtimeHooks }, at);
    const told = fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0OWNER01');
    expect(told).toHaveLength(1);
    expect(String(told[0]!.args.text)).toMatch(/2027.*2027-02-10.*2027-02-15/);
    const audit = await db.prisma.auditEvent.findMany({ where: { eventType: 'calendar.loaded' } });
    expect(audit).toHaveLength(2);
    expect(audit[0]!.projectId).toBeNull();
  });
});
