import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { InputError, PermissionError } from '../../src/errors.ts';
import { getProjectCard } from '../../src/projects/get-project-card.ts';
import { changeReportInterval } from '../../src/reports/change-report-interval.ts';
import { listReports } from '../../src/reports/list-reports.ts';
import { reviewReport } from '../../src/reports/review-report.ts';
import { applyEvent, type EventInput } from '../../src/runtime/apply-event.ts';
import { runTick } from '../../src/scheduler/tick.ts';
import { createSlackCaller } from '../../src/slack/web-api.ts';
import { projectCard } from '../../src/views/projects/project-card.ts';
import { reportsMessage } from '../../src/views/reports/reports-message.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { accept, confirm, ev, launchReady, propose, staffA } from '../support/machines.ts';
import { insertProjectAt } from '../support/projects.ts';
import { local, schedule, sh } from '../support/scheduler.ts';

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

const staffUser = { kind: 'user' as const, userId: 'U_STAFF_A', roles: ['staff' as const] };

/** A project just before its launch announcement, inserted with its own reference. */
async function readyToLaunch(ref: string) {
  // Launch decided (two people), the announcement still to come: it is the launch date (R-APP-6).
  const s = accept(launchReady(), propose('launch'), confirm());
  return insertProjectAt(db.prisma, { ...s, context: { ...s.context, ref } } as never);
}

/** Applies one event through the runtime as of `at` (the change path with every area's hooks). */
function apply(projectId: string, at: Date, event: Record<string, unknown>) {
  const deps = { prisma: db.prisma, clock: fixedClock(at), afterCommit: () => {}, hooks: runtimeHooks };
  return applyEvent(deps, projectId, { ...(event as EventInput), recordedAt: at.toISOString() });
}

const slack = () => createSlackCaller('xoxb-reports', fake.apiUrl);
function tick(at: Date) {
  return runTick(
    {
      prisma: db.prisma,
      slack: slack(),
      hooks: runtimeHooks,
      onError: (e) => {
        throw e;
      },
    },
    at,
  );
}

/** Which outbox keys each scheduler tick created, by the Shanghai date and hour it ran at. */
type Sent = Array<{ at: string; key: string }>;

/**
 * Drives the scheduler as a deployment ticking every 30 seconds would, at the instants where something is due up to
 * `until`: every ladder step, and the first moment of each period not yet given its deadline row (the same pass as
 * `npm run tick -- --at`); each tick runs twice to prove that a second pass at the same instant sends nothing new.
 */
async function stepUntil(projectId: string, until: Date, sent: Sent) {
  for (;;) {
    const [step, begins] = await Promise.all([
      db.prisma.deadline.findFirst({
        where: { projectId, status: { in: ['open', 'missed'] }, nextStepAt: { not: null, lte: until } },
        orderBy: { nextStepAt: 'asc' },
      }),
      db.prisma.reportPeriod.findFirst({
        where: { projectId, state: 'planned', scheduledAt: null, startsOn: { lte: until } },
        orderBy: { startsOn: 'asc' },
      }),
    ]);
    const candidates = [step?.nextStepAt, begins ? sh(day(begins.startsOn), 0) : undefined].filter(
      (d): d is Date => d instanceof Date && d <= until,
    );
    if (candidates.length === 0) return;
    const at = new Date(Math.min(...candidates.map((d) => d.getTime())));
    const before = new Set((await db.prisma.outboxMessage.findMany({ select: { key: true } })).map((o) => o.key));
    await tick(at);
    const posted = fake.callsTo('chat.postMessage').length;
    await tick(at);
    expect(fake.callsTo('chat.postMessage').length).toBe(posted);
    const w = local(at);
    for (const o of await db.prisma.outboxMessage.findMany({ select: { key: true } }))
      if (!before.has(o.key)) sent.push({ at: `${w.date} ${String(w.hour).padStart(2, '0')}`, key: o.key });
  }
}

async function periodRows(projectId: string) {
  return db.prisma.reportPeriod.findMany({ where: { projectId }, orderBy: { seq: 'asc' } });
}

function report(periodId: string | undefined, factDate: string, kind: 'periodic' | 'adHoc' = 'periodic') {
  return ev('report.received', staffA, {
    factDate,
    reportKind: kind,
    ...(periodId ? { periodId } : {}),
    summary: `report of ${factDate}`,
  });
}

/** The steps a period's deadline row sent, as "<Shanghai day> <hour> <step>". */
function stepsOf(sent: Sent, deadlineId: string) {
  return sent
    .filter((s) => s.key.startsWith(`reminder:${deadlineId}:`))
    .map((s) => `${s.at} ${s.key.split(':').slice(2, 4).join(':')}`);
}

describe('the report calendar by period (R-SUP-1)', () => {
  it('R-SUP-1: four quarterly periods after a launch, one report late and one missed, the next still due and reminded on the right working days, nothing sent twice', async () => {
    const p = await readyToLaunch('P-2026-301');
    await apply(p.id, sh('2026-01-05', 10), ev('launch.announced', staffA, { factDate: '2026-01-01' }));
    const planned = await periodRows(p.id);
    // A year of periods from the launch date, each due 10 working days after it ends (Qingming and National Day skipped).
    expect(planned.slice(0, 4).map((r) => [r.seq, day(r.startsOn), day(r.endsOn), day(r.dueDate)])).toEqual([
      [1, '2026-01-01', '2026-03-31', '2026-04-15'],
      [2, '2026-04-01', '2026-06-30', '2026-07-14'],
      [3, '2026-07-01', '2026-09-30', '2026-10-20'],
      [4, '2026-10-01', '2026-12-31', '2027-01-14'],
    ]);
    // The period that has begun has its deadline row at once; each later one gets its own when it begins.
    const atLaunch = await db.prisma.deadline.findMany({ where: { projectId: p.id, kind: 'periodicReport' } });
    expect(atLaunch.map((d) => d.key)).toEqual(['periodicReport:1']);
    const audit = await db.prisma.auditEvent.findMany({ where: { projectId: p.id, eventType: 'reports.planned' } });
    expect(audit).toHaveLength(1);
    const byKey = async (seq: number) =>
      db.prisma.deadline.findFirstOrThrow({ where: { projectId: p.id, key: `periodicReport:${seq}` } });
    const [q1, q2, q4] = [planned[0]!, planned[1]!, planned[3]!];
    expect(planned[3]!.unknownYears).toEqual([2027]);

    const sent: Sent = [];
    // Q1 on time: the report arrives after the first reminder, which stops the ladder.
    await stepUntil(p.id, sh('2026-04-13', 12), sent);
    await apply(p.id, sh('2026-04-13', 14), report(q1.id, '2026-04-13'));
    // Q2 late: it arrives after the due date, reminders and the owner's escalation.
    await stepUntil(p.id, sh('2026-07-20', 12), sent);
    await apply(p.id, sh('2026-07-20', 14), report(q2.id, '2026-07-20'));
    // Q3 missed: never received. Q4 is still due on 14 January and reminded 3, 1 and 0 working days before.
    await stepUntil(p.id, sh('2027-01-14', 12), sent);
    await apply(p.id, sh('2027-01-14', 15), report(q4.id, '2027-01-14'));
    await stepUntil(p.id, sh('2027-02-01', 12), sent);
    const [d1, d2, d3, d4] = [await byKey(1), await byKey(2), await byKey(3), await byKey(4)];
    // One deadline row per period, on the institution's clock, the project owner reminded.
    const rowsNow = await db.prisma.deadline.findMany({ where: { projectId: p.id, kind: 'periodicReport' } });
    expect(rowsNow.map((d) => d.key).sort()).toEqual(['1', '2', '3', '4', '5'].map((n) => `periodicReport:${n}`));
    expect(new Set(rowsNow.map((d) => `${d.clock}/${d.responsibleUserId}/${d.rule}`))).toEqual(
      new Set(['institution/U0OWNER01/R-SUP-1']),
    );
    expect(d4.unknownYears).toEqual([2027]);

    expect(stepsOf(sent, d1.id)).toEqual(['2026-04-10 09 reminder:3']);
    expect(stepsOf(sent, d2.id)).toEqual([
      '2026-07-09 09 reminder:3',
      '2026-07-13 09 reminder:1',
      '2026-07-14 09 reminder:0',
      '2026-07-15 09 escalation:owner',
      '2026-07-17 09 escalation:managers',
    ]);
    expect(stepsOf(sent, d3.id)).toEqual([
      '2026-10-15 09 reminder:3',
      '2026-10-19 09 reminder:1',
      '2026-10-20 09 reminder:0',
      '2026-10-21 09 escalation:owner',
      '2026-10-23 09 escalation:managers',
    ]);
    expect(stepsOf(sent, d4.id)).toEqual([
      '2027-01-11 09 reminder:3',
      '2027-01-13 09 reminder:1',
      '2027-01-14 09 reminder:0',
    ]);
    // Every key once, and fake Slack got every message once.
    expect(new Set(sent.map((s) => s.key)).size).toBe(sent.length);
    const texts = fake.callsTo('chat.postMessage').map((c) => JSON.stringify(c.args));
    expect(new Set(texts).size).toBe(texts.length);
    // The Q4 reminders carry the ※ of a date counted without 2027's official schedule, with the line why.
    const q4Reminder = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { key: { startsWith: `reminder:${d4.id}:reminder:3` } },
    });
    // Workflow messages are kept as data and rendered when sent (decision 020): render them as the outbox does.
    const resolve = runtimeHooks.resolver(db.prisma, fixedClock('2027-01-11T01:00:00Z'));
    const renderedRow = async (row: { method: string; args: unknown }) =>
      JSON.stringify((await resolve(row.method, row.args as Record<string, unknown>))?.args);
    expect(await renderedRow(q4Reminder)).toContain('2027-01-14 ※');
    expect(await renderedRow(q4Reminder)).toContain('2027 年的官方节假日安排尚未载入');
    const q1Reminder = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { key: { startsWith: `reminder:${d1.id}:` } },
    });
    expect(await renderedRow(q1Reminder)).toContain('P-2026-301');
    expect(await renderedRow(q1Reminder)).not.toContain('※');

    const rows = new Map((await db.prisma.deadline.findMany({ where: { projectId: p.id } })).map((d) => [d.key, d]));
    expect([1, 2, 3, 4].map((n) => rows.get(`periodicReport:${n}`)?.status)).toEqual([
      'met',
      'metLate',
      'missed',
      'met',
    ]);
    const view = await listReports({ prisma: db.prisma, clock: fixedClock(sh('2027-02-01', 12)) }, 'P-2026-301');
    expect(view.periods.slice(0, 5).map((v) => [v.n, v.status, v.receivedOn])).toEqual([
      [1, 'onTime', '2026-04-13'],
      [2, 'late', '2026-07-20'],
      [3, 'missed', null],
      [4, 'onTime', '2027-01-14'],
      [5, 'open', null],
    ]);
    // The scheduler kept a year ahead as the months went by: a missed report never stopped the schedule.
    expect(view.periods.at(-1)!.startsOn).toBe('2028-01-01');
    const list = reportsMessage(view, 'zh-CN');
    const listed = JSON.stringify(list.blocks);
    expect(listed).toContain('2026年第三季度');
    expect(listed).toContain('🔴 未报送（已逾期）');
    expect(listed).toContain('🟠 逾期收到');
    expect(JSON.stringify(reportsMessage(view, 'en').blocks)).toContain('Q3 2026');

    // The card: the next period due and the missing and late ones stay visible.
    const card = await getProjectCard(db.prisma, p.id, {
      kind: 'channel',
      channelId: 'C0PROJECTS',
      workingGroup: true,
    });
    expect(card.reports?.next).toMatchObject({ startsOn: '2027-01-01', dueDate: '2027-04-14', status: 'open' });
    expect(card.reports?.overdue.map((o) => [o.startsOn, o.status])).toEqual([
      ['2026-07-01', 'missed'],
      ['2026-04-01', 'late'],
    ]);
    expect(card.deadlines.some((d) => d.kind === 'periodicReport')).toBe(false);
    const rendered = JSON.stringify(projectCard(card, 'zh-CN'));
    expect(rendered).toContain('下一期：2027年第一季度，截止 2027年4月14日（周三） ※');
    expect(rendered).toContain('※ 2027 年的官方节假日安排尚未载入');
    expect(rendered).toContain('2026年第三季度（截止 2026年10月20日（周二））：🔴 未报送（已逾期）');
  });

  it('R-SUP-1: a report is received against a named period; a wrong or missing period is refused, saying why; ad-hoc reports too', async () => {
    const p = await readyToLaunch('P-2026-302');
    await apply(p.id, sh('2026-01-05', 10), ev('launch.announced', staffA, { factDate: '2026-01-01' }));
    const [q1, q2] = await periodRows(p.id);
    const at = sh('2026-02-10', 10);
    const refusedWith = async (event: unknown, key: string) => {
      const error = await apply(p.id, at, event as never).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).key).toBe(key);
      expect(Object.keys((error as InputError).fields)).toEqual(['periodId']);
    };
    await refusedWith(report(undefined, '2026-02-10'), 'reports.periodRequired');
    await refusedWith(report(q2!.id, '2026-02-10'), 'reports.periodNotStarted');
    await refusedWith(report('7a1c1a63-1d1e-4f0e-9d3c-2b8e9c0f5a11', '2026-02-10'), 'reports.periodUnknown');
    await refusedWith(report(q1!.id, '2026-02-10', 'adHoc'), 'reports.adHocWithPeriod');
    // Nothing changed: no report row, no audit row of a report.
    expect(await db.prisma.supervisionReport.count({ where: { projectId: p.id } })).toBe(0);
    expect(await db.prisma.auditEvent.count({ where: { projectId: p.id, eventType: 'report.received' } })).toBe(0);

    await apply(p.id, at, report(q1!.id, '2026-02-10'));
    await refusedWith(report(q1!.id, '2026-02-11'), 'reports.periodReceived');
    await apply(p.id, at, report(undefined, '2026-02-10', 'adHoc'));
    const reports = await db.prisma.supervisionReport.findMany({
      where: { projectId: p.id },
      orderBy: { kind: 'asc' },
    });
    expect(reports.map((r) => [r.kind, r.periodId, r.recordedBy])).toEqual([
      ['adHoc', null, 'U_STAFF_A'],
      ['periodic', q1!.id, 'U_STAFF_A'],
    ]);
    // Received early in its own period: the deadline counts as met.
    expect(
      (await db.prisma.deadline.findFirstOrThrow({ where: { projectId: p.id, key: 'periodicReport:1' } })).status,
    ).toBe('met');

    // Reviewed: accepted, or needs follow-up with a note; a reviewer without a staff role is refused.
    const deps = { prisma: db.prisma, clock: fixedClock(at), afterCommit: () => {} };
    await expect(
      reviewReport(
        deps,
        { kind: 'user', userId: 'U_REVIEWER_1', roles: ['reviewer'] },
        {
          ref: 'P-2026-302',
          which: '1',
          status: 'accepted',
          note: null,
        },
      ),
    ).rejects.toBeInstanceOf(PermissionError);
    await expect(
      reviewReport(deps, staffUser, { ref: 'P-2026-302', which: '1', status: 'followUp', note: null }),
    ).rejects.toMatchObject({ key: 'reports.followUpNote' });
    await expect(
      reviewReport(deps, staffUser, { ref: 'P-2026-302', which: '2', status: 'accepted', note: null }),
    ).rejects.toMatchObject({ key: 'reports.notReceived' });
    await reviewReport(deps, staffUser, { ref: 'P-2026-302', which: '1', status: 'followUp', note: '补充投诉数据' });
    await reviewReport(deps, staffUser, { ref: 'P-2026-302', which: 'A1', status: 'accepted', note: null });
    const view = await listReports({ prisma: db.prisma, clock: fixedClock(at) }, 'P-2026-302');
    expect(view.periods[0]).toMatchObject({ status: 'onTime', reviewStatus: 'followUp', reviewNote: '补充投诉数据' });
    expect(view.adHoc).toMatchObject([{ id: 'A1', receivedOn: '2026-02-10', reviewStatus: 'accepted' }]);
    expect(
      await db.prisma.auditEvent.count({
        where: { projectId: p.id, eventType: 'report.reviewed', actorId: 'U_STAFF_A' },
      }),
    ).toBe(2);
    expect(JSON.stringify(reportsMessage(view, 'en').blocks)).toContain('review: needs follow-up: 补充投诉数据');
  });

  it('R-SUP-1: changing the interval replans only the periods not yet begun; past, begun and received ones stay; leaving piloting closes what is not due', async () => {
    const p = await readyToLaunch('P-2026-303');
    await apply(p.id, sh('2026-01-05', 10), ev('launch.announced', staffA, { factDate: '2026-01-01' }));
    const before = await periodRows(p.id);
    const at = sh('2026-05-10', 10);
    await stepUntil(p.id, at, []);
    await apply(p.id, at, report(before[0]!.id, '2026-04-20'));
    const deps = { prisma: db.prisma, clock: fixedClock(at), afterCommit: () => {} };
    await expect(changeReportInterval(deps, staffUser, { ref: 'P-2026-303', months: 13 })).rejects.toMatchObject({
      key: 'reports.badInterval',
    });
    await expect(changeReportInterval(deps, staffUser, { ref: 'P-2026-303', months: 3 })).rejects.toMatchObject({
      key: 'reports.intervalUnchanged',
    });
    const changed = await changeReportInterval(deps, staffUser, { ref: 'P-2026-303', months: 6 });
    expect(changed).toMatchObject({ from: 3, to: 6, superseded: 4, planned: 2 });
    const after = await periodRows(p.id);
    // Q1 (received late) and Q2 (begun) stay; Q3 2026 … Q2 2027 (planned a year ahead) are superseded; halves
    // follow from 1 July.
    expect(after.map((r) => [r.seq, day(r.startsOn), day(r.endsOn), r.state])).toEqual([
      [1, '2026-01-01', '2026-03-31', 'planned'],
      [2, '2026-04-01', '2026-06-30', 'planned'],
      [3, '2026-07-01', '2026-09-30', 'superseded'],
      [4, '2026-10-01', '2026-12-31', 'superseded'],
      [5, '2027-01-01', '2027-03-31', 'superseded'],
      [6, '2027-04-01', '2027-06-30', 'superseded'],
      [7, '2026-07-01', '2026-12-31', 'planned'],
      [8, '2027-01-01', '2027-06-30', 'planned'],
    ]);
    const status = async (key: string) =>
      (await db.prisma.deadline.findFirst({ where: { projectId: p.id, key } }))?.status ?? 'none';
    expect(await status('periodicReport:1')).toBe('metLate');
    expect(await status('periodicReport:2')).toBe('open');
    // The superseded and the new periods have not begun: no deadline row, nobody reminded about them.
    expect(await status('periodicReport:3')).toBe('none');
    expect(await status('periodicReport:7')).toBe('none');
    expect(day(after[6]!.dueDate)).toBe('2027-01-14');
    const trail = await db.prisma.auditEvent.findFirstOrThrow({
      where: { projectId: p.id, eventType: 'reports.intervalChanged' },
    });
    expect(trail).toMatchObject({
      actorId: 'U_STAFF_A',
      payload: expect.objectContaining({ from: 3, to: 6, superseded: [3, 4, 5, 6] }),
    });
    const view = await listReports({ prisma: db.prisma, clock: fixedClock(at) }, 'P-2026-303');
    expect(view.periods.filter((v) => v.n !== null).map((v) => [v.n, v.status])).toEqual([
      [1, 'late'],
      [2, 'open'],
      [3, 'upcoming'],
      [4, 'upcoming'],
    ]);
    expect(JSON.stringify(reportsMessage(view, 'zh-CN').blocks)).toContain('2026年下半年');

    // A voluntary exit on 1 August: Q2 (missed on 14 July) stays missed, the periods not yet due are closed (the
    // scheduler had meanwhile planned H2 2027, a year ahead).
    await stepUntil(p.id, sh('2026-08-01', 8), []);
    expect((await periodRows(p.id)).map((r) => day(r.startsOn)).at(-1)).toBe('2027-07-01');
    expect(await status('periodicReport:7')).toBe('open');
    await apply(
      p.id,
      sh('2026-08-01', 10),
      ev('exit.requested', staffA, { factDate: '2026-08-01', reason: 'strategy' }),
    );
    expect((await periodRows(p.id)).map((r) => r.state)).toEqual([
      'planned',
      'planned',
      'superseded',
      'superseded',
      'superseded',
      'superseded',
      'closed',
      'closed',
      'closed',
    ]);
    expect(await status('periodicReport:2')).toBe('cancelled');
    expect(await status('periodicReport:7')).toBe('cancelled');
    const closed = await listReports({ prisma: db.prisma, clock: fixedClock(sh('2026-08-02', 10)) }, 'P-2026-303');
    expect(closed.periods.filter((v) => v.n !== null).map((v) => v.status)).toEqual([
      'late',
      'missed',
      'closed',
      'closed',
      'closed',
    ]);
  });
});

function day(d: Date | string): string {
  return typeof d === 'string' ? d : d.toISOString().slice(0, 10);
}

describe('a project piloting before the report calendar existed', () => {
  it('R-SUP-1: the scheduler gives it a calendar from its launch date, from the period its old chained deadline waited for, and retires that row', async () => {
    const launched = accept(
      launchReady(),
      propose('launch'),
      confirm(),
      ev('launch.announced', staffA, { factDate: '2025-10-01' }),
    );
    const p = await insertProjectAt(db.prisma, {
      ...launched,
      context: { ...launched.context, ref: 'P-2025-399' },
    } as never);
    // The old single chained row, waiting for the second period (the first had been received).
    await schedule(db.prisma, p, {
      kind: 'periodicReport',
      key: 'periodicReport',
      rule: 'R-SUP-1',
      basis: '2025-10-01',
      occurrence: 2,
    });
    const at = sh('2026-02-02', 9);
    expect((await tick(at)).reportPeriods).toBeGreaterThan(0);
    const periods = await periodRows(p.id);
    expect(periods.map((r) => [r.seq, day(r.startsOn)]).slice(0, 2)).toEqual([
      [2, '2026-01-01'],
      [3, '2026-04-01'],
    ]);
    const rows = await db.prisma.deadline.findMany({ where: { projectId: p.id }, orderBy: { key: 'asc' } });
    expect(rows.map((r) => [r.key, r.status])).toEqual([
      ['periodicReport', 'cancelled'],
      ['periodicReport:2', 'open'],
    ]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { projectId: p.id, eventType: 'reports.planned' },
    });
    expect(audit).toMatchObject({ actorKind: 'scheduler', payload: expect.objectContaining({ from: 'legacy' }) });
    // Planned once: the next tick changes nothing.
    expect((await tick(sh('2026-02-02', 10))).reportPeriods).toBe(0);
    expect(await periodRows(p.id)).toHaveLength(periods.length);
  });
});
