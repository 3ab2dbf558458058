import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/index.ts';
import { subscribeDigest } from '../../src/digests/subscribe-digest.ts';
import { runTick } from '../../src/scheduler/tick.ts';
import { createSlackCaller } from '../../src/slack/web-api.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { manager } from '../support/machines.ts';
import { coachingInCoaching, local, type RestartableDatabase, restartableDatabase, sh } from '../support/scheduler.ts';

const calendar = createWorkingCalendar();
const HOUR = 3_600_000;
const START = sh('2025-11-03', 0);
const END = sh('2026-11-10', 23);
const RESTART_AT = sh('2026-05-01', 0);
const DIGEST_CHANNEL = 'C0MANAGERS';

let store: RestartableDatabase;
let fake: FakeSlack;
/** When (on the simulated clock) each Slack call was made. */
const deliveredAt: Date[] = [];
let projectId = '';

beforeAll(async () => {
  store = await restartableDatabase();
  fake = await startFakeSlack();
  // The digest channel and the project's channel, with the bot invited as the README's set-up says.
  for (const channel of [DIGEST_CHANNEL, 'C0PROJECTS']) fake.inviteBot(channel);
});
afterAll(async () => {
  await fake?.close();
  await store?.dispose();
});

/** Ticks on the hours a person could receive something (and midnight, when periods end), plus a few in between. */
function instants(): Date[] {
  const out: Date[] = [];
  for (let t = START.getTime(); t <= END.getTime(); t += HOUR) {
    const { hour } = local(new Date(t));
    if ([0, 8, 9, 13, 20, 23].includes(hour)) out.push(new Date(t));
  }
  return out;
}

describe('a simulated year of a coaching project on the injected clock', () => {
  it('R-COA-4: every warning and the expiry arrive exactly once, at 09:00 on working days, skipping the 2026 Spring Festival and National Day and honouring adjusted working days; a restart in the middle loses and doubles nothing', async () => {
    const p = await coachingInCoaching(store.db.prisma, 'C-2025-001', '2025-11-03', '2025-11-03T01:00:00Z');
    projectId = p.id;
    await subscribeDigest(store.db.prisma, DIGEST_CHANNEL, {}, manager);
    // Messages from driving the project there (decisions) are not what this year is about.
    await store.db.prisma.outboxMessage.deleteMany();
    const deadline = await store.db.prisma.deadline.findUniqueOrThrow({
      where: { projectId_key: { projectId, key: 'coachingExpires' } },
    });
    expect(deadline.dueDate.toISOString().slice(0, 10)).toBe('2026-11-03');

    let slack = createSlackCaller('xoxb-year', fake.apiUrl);
    let restarted = false;
    for (const now of instants()) {
      if (!restarted && now >= RESTART_AT) {
        // A new process: new database client, new Slack client, nothing carried over in memory.
        await store.restart();
        slack = createSlackCaller('xoxb-year', fake.apiUrl);
        restarted = true;
      }
      const before = fake.calls.length;
      await runTick(
        {
          prisma: store.db.prisma,
          slack,
          hooks: runtimeHooks,
          onError: (e) => {
            throw e;
          },
        },
        now,
      );
      for (let i = before; i < fake.calls.length; i++) deliveredAt[i] = now;
    }
    expect(restarted).toBe(true);

    const calls = fake.calls;
    expect(calls.every((c) => c.status === 200 && (c.response as { ok: boolean }).ok)).toBe(true);
    // Every message went out at 09:00 Shanghai on a working day.
    for (const at of deliveredAt) {
      expect(local(at).hour).toBe(9);
      expect(calendar.isWorkingDay(local(at).date)).toBe(true);
    }
    const days = deliveredAt.map((d) => local(d).date);
    for (const holiday of [
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-23',
      '2026-10-01',
      '2026-10-02',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ])
      expect(days).not.toContain(holiday);

    // The owner got the three warnings and the expiry's consequence, each once, on the right mornings.
    const toOwner = calls.map((c, i) => ({ c, at: deliveredAt[i]! })).filter(({ c }) => c.args.channel === 'U0OWNER01');
    expect(toOwner.map(({ at }) => at.toISOString())).toEqual([
      sh('2026-08-05').toISOString(), // 90 days before
      sh('2026-10-08').toISOString(), // 30 days before is 4 October, inside National Day: the next working morning
      sh('2026-10-27').toISOString(), // 7 days before
      sh('2026-11-04').toISOString(), // expired at 24:00 on 3 November; told the next working morning
      // R-COA-5: the notice removal is due 5 working days after the expiry (10 November): reminded 3 and 1 working
      // days before and on the day.
      sh('2026-11-05').toISOString(),
      sh('2026-11-09').toISOString(),
      sh('2026-11-10').toISOString(),
    ]);
    expect(String(toOwner[4]!.c.args.text)).toContain('R-COA-5');
    expect(String(toOwner[0]!.c.args.text)).toContain('90');
    expect(String(toOwner[3]!.c.args.text)).toContain('C-2025-001');
    const project = await store.db.prisma.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(project.stage).toBe('removingNotice');
    const audit = await store.db.prisma.auditEvent.findMany({ where: { projectId, eventType: 'coaching.expired' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: 'scheduler' });
    expect(audit[0]!.factDate?.toISOString().slice(0, 10)).toBe('2026-11-03');

    // One digest per working day, adjusted working days included, none on a day off.
    const digests = calls
      .map((c, i) => ({ c, day: local(deliveredAt[i]!).date }))
      .filter(({ c }) => c.args.channel === DIGEST_CHANNEL);
    const digestDays = digests.map((d) => d.day);
    expect(new Set(digestDays).size).toBe(digestDays.length);
    const workingDays: string[] = [];
    for (let d = '2025-11-03'; d <= '2026-11-10'; d = next(d)) if (calendar.isWorkingDay(d)) workingDays.push(d);
    expect(digestDays).toEqual(workingDays);
    for (const adjusted of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
      expect(digestDays).toContain(adjusted);

    // Nothing left behind, nothing sent twice: every outbox row sent exactly once.
    const rows = await store.db.prisma.outboxMessage.findMany();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(rows).toHaveLength(calls.length);
  }, 240_000);
});

function next(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
