import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { loadCalendarYear } from '../../src/deadlines/load-calendar-year.ts';
import type { Lang } from '../../src/i18n/index.ts';
import { runTick } from '../../src/scheduler/tick.ts';
import { createSlackCaller } from '../../src/slack/web-api.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { admin } from '../support/machines.ts';
import { sh } from '../support/scheduler.ts';

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

// One admin from PILOTDESK_ADMINS, one granted the role with `/pilot roles`; the granted one reads English.
const CONFIGURED = 'U0ADMINCFG';
const langs: Record<string, Lang> = { U_ADMIN: 'en' };
const tick = (at: Date) =>
  runTick(
    {
      prisma: db.prisma,
      slack: createSlackCaller('xoxb-upkeep', fake.apiUrl),
      hooks: runtimeHooks,
      admins: [CONFIGURED],
      langFor: async (recipient) => langs[recipient] ?? 'zh-CN',
      onError: (e) => {
        throw e;
      },
    },
    at,
  );
const prompts = () =>
  fake.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.args).includes('/pilot calendar'));

describe('calendar upkeep: next year’s official schedule (issue 13)', () => {
  it('prompts every admin from 1 November, on a working day at 09:00, once a week, until next year is loaded', async () => {
    await db.prisma.userRole.create({ data: { userId: 'U_ADMIN', role: 'admin', grantedBy: CONFIGURED } });
    // Saturday 31 October, Sunday 1 November: nothing (October, then a rest day).
    expect((await tick(sh('2026-10-31', 9, 30))).calendarUpkeep).toBe(0);
    expect((await tick(sh('2026-11-01', 10))).calendarUpkeep).toBe(0);
    // Monday 2 November before 09:00: nothing yet; at 09:00 both admins are told, each in their language.
    expect((await tick(sh('2026-11-02', 8, 30))).calendarUpkeep).toBe(0);
    await tick(sh('2026-11-02', 9));
    expect(
      prompts()
        .map((c) => c.args.channel)
        .sort(),
    ).toEqual([CONFIGURED, 'U_ADMIN'].sort());
    const zh = prompts().find((c) => c.args.channel === CONFIGURED)!;
    expect(String(zh.args.text)).toContain('2027 年的官方节假日安排尚未载入');
    const en = prompts().find((c) => c.args.channel === 'U_ADMIN')!;
    expect(String(en.args.text)).toContain("2027's official holiday schedule is not loaded yet");
    // The same week: later that day and on Tuesday nothing more.
    await tick(sh('2026-11-02', 15));
    await tick(sh('2026-11-03', 9));
    expect(prompts()).toHaveLength(2);
    // The next Monday: once more.
    await tick(sh('2026-11-09', 9, 5));
    expect(prompts()).toHaveLength(4);
    // An admin loads 2027: no more prompts.
    await loadCalendarYear(
      { prisma: db.prisma, clock: fixedClock(sh('2026-11-10', 10)) },
      { schedule: { year: 2027, holidays: ['2027-01-01'], adjustedWorkingDays: [], source: 'test' }, actor: admin },
    );
    expect((await tick(sh('2026-11-16', 9))).calendarUpkeep).toBe(0);
    expect(prompts()).toHaveLength(4);
  });
});
