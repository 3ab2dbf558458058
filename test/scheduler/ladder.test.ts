import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/index.ts';
import { DEADLINE_ACTIONS, parseDeadlineButtonValue } from '../../src/deadlines/ids.ts';
import { syncDeadlines } from '../../src/deadlines/sync-deadlines.ts';
import { subscribeDigest } from '../../src/digests/subscribe-digest.ts';
import type { RecordedCall } from '../support/fake-slack.ts';
import { manager, pilotInput } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';
import { schedule, sh, useTickBench } from '../support/scheduler.ts';

const calendar = createWorkingCalendar();
// The managers' channels and the projects' channel, with the bot invited as the README's set-up says.
const bench = useTickBench({
  token: 'xoxb-ladder',
  channels: ['C0MGRS1', 'C0MGRS2', 'C0PROJECTS'],
  langFor: async () => 'en',
});
const { tick } = bench;
let n = 0;

const project = async () =>
  insertProject(bench.db.prisma, { ...pilotInput({ ref: `P-2026-9${String(++n).padStart(2, '0')}` }), track: 'pilot' });
/** Workflow messages (digests, which subscribed channels also get each working morning, left out). */
const posts = (channel?: string): RecordedCall[] =>
  bench.fake
    .callsTo('chat.postMessage')
    .filter((c) => (channel === undefined || c.args.channel === channel) && !String(c.args.text).includes('digest'));
const texts = (channel?: string) => posts(channel).map((c) => String(c.args.text));
/** The basis from which `working` working days end on `dueDate`. */
const basisFor = (dueDate: string, working: number) => calendar.addWorkingDays(dueDate, -working);

describe('the reminder and escalation ladder', () => {
  it('R-APP-2: what the institution owes goes to the owner as "chase the institution", each step once, then to every managers channel with Extend / Reassign / Acknowledge', async () => {
    const p = await project();
    await subscribeDigest(bench.db.prisma, 'C0MGRS1', {}, manager);
    await subscribeDigest(bench.db.prisma, 'C0MGRS2', {}, manager);
    const [d] = await schedule(bench.db.prisma, p, {
      kind: 'infoDue',
      key: 'info:1',
      rule: 'R-APP-2',
      basis: basisFor('2026-03-12', 10),
    });
    expect(d!.dueDate.toISOString().slice(0, 10)).toBe('2026-03-12');
    const steps = [
      sh('2026-03-09'),
      sh('2026-03-11'),
      sh('2026-03-12'),
      sh('2026-03-13', 0),
      sh('2026-03-13'),
      sh('2026-03-17'),
    ];
    for (const at of steps) {
      await tick(at);
      await tick(new Date(at.getTime() + 60_000)); // a second tick a minute later changes nothing
    }
    const owner = texts('U0OWNER01');
    expect(owner).toHaveLength(4);
    expect(owner.slice(0, 3).every((t) => t.includes('chase the institution'))).toBe(true);
    expect(owner[0]).toContain('in 3 working days');
    expect(owner[2]).toContain('today');
    expect(owner[3]).toContain('has not delivered');
    for (const channel of ['C0MGRS1', 'C0MGRS2']) {
      const [escalation] = posts(channel);
      expect(posts(channel)).toHaveLength(1);
      expect(String(escalation!.args.text)).toContain('3 working days late');
      const actions = (
        escalation!.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]
      ).find((b) => b.type === 'actions')!;
      expect(actions.elements!.map((e) => e.action_id)).toEqual([
        DEADLINE_ACTIONS.extend,
        DEADLINE_ACTIONS.reassign,
        DEADLINE_ACTIONS.acknowledge,
      ]);
      expect(parseDeadlineButtonValue(actions.elements![0]!.value)).toEqual({ deadlineId: d!.id });
    }
    const row = await bench.db.prisma.deadline.findUniqueOrThrow({ where: { id: d!.id } });
    expect(row).toMatchObject({ status: 'missed', nextStep: null, nextStepAt: null });
    expect(row.stepsDone).toEqual([
      'reminder:3',
      'reminder:1',
      'reminder:0',
      'due',
      'escalation:owner',
      'escalation:managers',
    ]);
  });

  it('R-APP-2: what a reviewer owes goes to the reviewer first, then the owner, then the project channel when no managers channel is subscribed', async () => {
    const p = await project();
    await schedule(bench.db.prisma, p, {
      kind: 'reviewDue',
      key: 'review:1',
      rule: 'R-APP-2',
      basis: basisFor('2026-03-12', 10),
      userId: 'U_REVIEWER_1',
    });
    for (const at of [
      sh('2026-03-09'),
      sh('2026-03-11'),
      sh('2026-03-12'),
      sh('2026-03-13', 0),
      sh('2026-03-13'),
      sh('2026-03-17'),
    ])
      await tick(at);
    expect(texts('U_REVIEWER_1')).toHaveLength(3);
    expect(texts('U_REVIEWER_1')[0]).toContain('your');
    expect(texts('U0OWNER01')).toEqual([expect.stringContaining('reviewer <@U_REVIEWER_1> has not completed')]);
    expect(texts('C0PROJECTS')).toHaveLength(1);
  });

  it('R-APP-4: the CSRC clock only informs the owner after its date, never reminds, never reaches managers', async () => {
    const p = await project();
    await subscribeDigest(bench.db.prisma, 'C0MGRS1', {}, manager);
    const [d] = await schedule(bench.db.prisma, p, {
      kind: 'csrcAnswerExpected',
      key: 'csrc',
      rule: 'R-APP-4',
      basis: basisFor('2026-03-12', 20),
    });
    for (let day = '2026-03-02'; day <= '2026-03-27'; day = calendar.nextWorkingDay(day)) {
      await tick(sh(day, 0));
      await tick(sh(day, 9));
    }
    expect(posts('C0MGRS1').filter((c) => String(c.args.text).includes(p.ref))).toEqual([]);
    expect(texts('U0OWNER01')).toEqual([expect.stringContaining('for information only')]);
    const row = await bench.db.prisma.deadline.findUniqueOrThrow({ where: { id: d!.id } });
    expect(row.stepsDone).toEqual(['due', 'escalation:owner']);
  });

  it('the ladder stops as soon as the deadline is met', async () => {
    const p = await project();
    await schedule(bench.db.prisma, p, {
      kind: 'commitmentDue',
      key: 'commitment',
      rule: 'R-APP-6',
      basis: basisFor('2026-03-12', 15),
    });
    await tick(sh('2026-03-09'));
    expect(texts('U0OWNER01')).toHaveLength(1);
    // What the runtime does when the machine's state is left (commitment received): cancelDeadline → met.
    await bench.db.prisma.$transaction((tx) =>
      syncDeadlines(
        tx,
        { id: p.id, ownerId: 'U0OWNER01' },
        [{ type: 'cancelDeadline', params: { kind: 'commitmentDue', key: 'commitment' } }],
        calendar,
        sh('2026-03-10'),
      ),
    );
    for (const at of [sh('2026-03-11'), sh('2026-03-12'), sh('2026-03-13'), sh('2026-03-17'), sh('2026-03-30')])
      await tick(at);
    expect(texts('U0OWNER01')).toHaveLength(1);
    expect(await bench.db.prisma.deadline.findFirstOrThrow({ where: { projectId: p.id } })).toMatchObject({
      status: 'met',
      nextStep: null,
    });
  });

  it('quiet hours: a reminder processed at 21:00 goes out at 09:00 the next working morning, not before', async () => {
    const p = await project();
    await schedule(bench.db.prisma, p, {
      kind: 'infoDue',
      key: 'info:q',
      rule: 'R-APP-2',
      basis: basisFor('2026-03-13', 10),
    });
    // reminder:3 is planned for Tuesday 10 March 09:00; the scheduler first runs at 21:00 that day.
    await tick(sh('2026-03-10', 21));
    expect(posts()).toEqual([]);
    await tick(sh('2026-03-11', 8, 59));
    expect(posts()).toEqual([]);
    await tick(sh('2026-03-11', 9));
    expect(texts('U0OWNER01')).toEqual([expect.stringContaining('in 3 working days')]);
    // It was processed twelve hours late, and says so.
    expect(JSON.stringify(posts()[0]!.args.blocks)).toContain('Sent late');
  });

  it("R-SUP-5: an incident's reminders count in clock hours and go at once, even at 08:00 on a Sunday", async () => {
    const p = await project();
    await schedule(bench.db.prisma, p, {
      kind: 'incidentFirstReport',
      key: 'incident:1',
      rule: 'R-SUP-5',
      basis: '2026-03-14T20:00:00+08:00',
    });
    await tick(sh('2026-03-15', 8));
    expect(texts('U0OWNER01')).toEqual([expect.stringContaining('in 12 hours')]);
    await tick(sh('2026-03-15', 18));
    await tick(sh('2026-03-15', 20));
    await tick(sh('2026-03-16', 8));
    expect(texts('U0OWNER01')).toHaveLength(3);
    expect(texts('C0PROJECTS')).toHaveLength(1);
    const row = await bench.db.prisma.deadline.findFirstOrThrow({ where: { projectId: p.id } });
    expect(row.stepsDone).toEqual(['reminder:12h', 'reminder:2h', 'due', 'escalation:owner', 'escalation:managers']);
  });

  it('after downtime the pre-due reminders are dropped, not sent late; the due step is processed once, marked late, and the ladder takes over', async () => {
    const p = await project();
    await schedule(bench.db.prisma, p, {
      kind: 'infoDue',
      key: 'info:down',
      rule: 'R-APP-2',
      basis: basisFor('2026-03-12', 10),
    });
    // Down from before the first reminder until Friday 13 March 10:00.
    await tick(sh('2026-03-13', 10));
    await tick(sh('2026-03-13', 11));
    const row = await bench.db.prisma.deadline.findFirstOrThrow({ where: { projectId: p.id } });
    expect(row.status).toBe('missed');
    expect(row.stepsDone.filter((s) => s === 'due')).toHaveLength(1);
    expect(row.stepsDone).toEqual(
      expect.arrayContaining(['dropped:reminder:3', 'dropped:reminder:1', 'dropped:reminder:0', 'due', 'late:due']),
    );
    // Only the owner's escalation (due 09:00 that morning, an hour late) went out.
    expect(texts('U0OWNER01')).toEqual([expect.stringContaining('has not delivered')]);
    expect(row.nextStep).toBe('escalation:managers');
  });
});
