import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidUscc } from '../../machines/shared/uscc.ts';
import { parseConfig } from '../../src/config.ts';
import { restoreSnapshot, statePath } from '../../src/runtime/machines.ts';
import { CONFLICTED_APPLICANT, MANAGEMENT, PROJECTS, type Reach } from '../../src/sandbox/demo-projects.ts';
import { type SeedReport, seedDemo } from '../../src/sandbox/demo-seed.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start.ts';
import { dmChannelOf } from '../../src/sandbox/workspace.ts';

// A Tuesday morning in Shanghai (10:00): the seed runs at once, without moving the clock to working hours.
const START = Date.parse('2026-12-01T02:00:00Z');
const TODAY = '2026-12-01';
const CONFLICTED_EXPERT = 'U0SBEXP001';

/** Where each reach leaves its project: the machine's state, as `statePath` names it. */
const EXPECTED: Record<Reach, string> = {
  intake: 'intake',
  applicant: 'intake',
  withdrawn: 'withdrawn',
  awaitingBatch: 'awaitingBatch',
  screening: 'screening.review',
  csrcEvaluation: 'csrcEvaluation.awaitingAnswer',
  publicNotice: 'publicNotice.open',
  preLaunch: 'preLaunch.conditions',
  piloting: 'piloting.active',
  underGuidance: 'piloting.underGuidance',
  rectification: 'piloting.rectification',
  exiting: 'exiting',
  regularOperation: 'regularOperation',
  rejected: 'rejected',
  coachingIntake: 'intake',
  coachingSelection: 'selection',
  coachingActive: 'active',
};

describe('the demo seed: a realistic programme through the app (issue 12)', () => {
  let dir: string;
  let sandbox: RunningSandbox;
  let report: SeedReport;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-sandbox-seed-'));
    const parsed = parseConfig({ PILOTDESK_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'error' });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const began = Date.now();
    sandbox = await startSandbox(parsed.config, {
      tickMs: 3_600_000,
      persist: false,
      realNow: () => START + (Date.now() - began),
    });
    report = await seedDemo(sandbox);
  }, 600_000);
  afterAll(async () => {
    await sandbox?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const prisma = () => sandbox.server.db.prisma;

  it('a dozen and more projects, each where its story ends, across every stage of both tracks', async () => {
    expect(report.advancedTo).toBeUndefined();
    expect(report.projects).toHaveLength(PROJECTS.length);
    expect(PROJECTS.length).toBeGreaterThanOrEqual(12);
    for (const p of PROJECTS) {
      const row = await prisma().project.findFirstOrThrow({ where: { title: p.title } });
      const state = statePath(restoreSnapshot(row.machine, row.machineVersion, row.snapshot).value);
      expect({ title: p.title, state }).toEqual({ title: p.title, state: EXPECTED[p.reach] });
      expect(row.track).toBe(p.reach.startsWith('coaching') ? 'coaching' : 'pilot');
    }
    const stages = new Set((await prisma().project.findMany({ where: { track: 'pilot' } })).map((p) => p.stage));
    for (const stage of [
      'intake',
      'awaitingBatch',
      'screening',
      'csrcEvaluation',
      'publicNotice',
      'preLaunch',
      'piloting',
      'exiting',
      'regularOperation',
      'rejected',
      'withdrawn',
    ])
      expect(stages, stage).toContain(stage);
    const coaching = new Set((await prisma().project.findMany({ where: { track: 'coaching' } })).map((p) => p.stage));
    expect([...coaching].sort()).toEqual(['active', 'intake', 'selection']);
  });

  it('an open batch and an earlier one; every applicant has a valid credit code (GB 32100)', async () => {
    const batches = await prisma().batch.findMany({ orderBy: { opensOn: 'asc' } });
    expect(batches.map((b) => b.name)).toEqual(['2026年第一批', '2026年第二批']);
    const open = batches[1]!;
    expect(open.opensOn.toISOString().slice(0, 10) <= TODAY).toBe(true);
    expect(open.closesOn.toISOString().slice(0, 10) >= TODAY).toBe(true);
    for (const row of await prisma().project.findMany()) {
      const ctx = restoreSnapshot(row.machine, row.machineVersion, row.snapshot).context as {
        applicants: { name: string; uscc: string }[];
      };
      if (row.ref === (await refOf('债券承销簿记系统国产化'))) expect(ctx.applicants).toEqual([]);
      else for (const a of ctx.applicants) expect(isValidUscc(a.uscc), `${row.ref} ${a.uscc}`).toBe(true);
    }
  });

  it('screening has reviews in progress; the expert who once worked for an applicant is never invited to it', async () => {
    const ref = await refOf('基于区块链的基金份额登记与过户');
    const project = await prisma().project.findUniqueOrThrow({ where: { ref } });
    const ctx = restoreSnapshot(project.machine, project.machineVersion, project.snapshot).context as {
      applicants: { name: string }[];
      assignments: { reviewerId: string; status: string }[];
    };
    expect(ctx.applicants.map((a) => a.name)).toContain(CONFLICTED_APPLICANT);
    expect(ctx.assignments.map((a) => a.status).sort()).toEqual(['accepted', 'assigned', 'submitted']);
    expect(ctx.assignments.map((a) => a.reviewerId)).not.toContain(CONFLICTED_EXPERT);
    const assigned = await prisma().auditEvent.findMany({
      where: { projectId: project.id, eventType: 'review.assigned' },
    });
    expect(assigned.map((a) => (a.payload as { reviewerId: string }).reviewerId)).not.toContain(CONFLICTED_EXPERT);
    const dms = sandbox.slack.visibleMessages(CONFLICTED_EXPERT, dmChannelOf(CONFLICTED_EXPERT));
    expect(dms.some((m) => m.text.includes(ref))).toBe(false);
    // The conflict is the app's, from the affiliation staff recorded in the expert form.
    const expert = await prisma().expert.findUniqueOrThrow({
      where: { userId: CONFLICTED_EXPERT },
      include: { affiliations: true },
    });
    expect(expert.affiliations.map((a) => a.name)).toContain(CONFLICTED_APPLICANT);
    // He does review projects he has no tie to.
    const elsewhere = await prisma().auditEvent.count({
      where: { eventType: 'review.submitted', actorId: CONFLICTED_EXPERT },
    });
    expect(elsewhere).toBeGreaterThan(0);
  });

  it('the comment register of the project in public notice: two comments, one answered', async () => {
    const project = await prisma().project.findFirstOrThrow({ where: { title: '场外衍生品交易确认上链' } });
    const ctx = restoreSnapshot(project.machine, project.machineVersion, project.snapshot).context as {
      comments: Record<string, { disposition: unknown }>;
    };
    expect(Object.keys(ctx.comments).sort()).toEqual(['c1', 'c2']);
    expect(ctx.comments.c1!.disposition).not.toBeNull();
    expect(ctx.comments.c2!.disposition).toBeNull();
  });

  it('deadlines both overdue and due soon on the sandbox clock; #管理层 is subscribed to the digest', async () => {
    const deadlines = await prisma().deadline.findMany({ include: { project: { select: { ref: true } } } });
    const day = (d: Date) => d.toISOString().slice(0, 10);
    // Overdue: past its due date and not met; the scheduler's pass marks it missed and escalates it.
    const overdue = deadlines.filter((d) => ['open', 'missed'].includes(d.status) && day(d.dueDate) < TODAY);
    expect(overdue.map((d) => d.kind)).toContain('complaintAcknowledge');
    const soon = deadlines.filter(
      (d) => d.status === 'open' && day(d.dueDate) >= TODAY && day(d.dueDate) <= '2026-12-04',
    );
    expect(soon.map((d) => d.kind)).toEqual(expect.arrayContaining(['rectificationDue', 'reviewerResponse']));
    expect(await prisma().digestSubscription.findUnique({ where: { channelId: MANAGEMENT } })).not.toBeNull();
  });

  it('every change is audited: each project has one audit row per version, the set-up rows too', async () => {
    for (const project of await prisma().project.findMany()) {
      // The report calendar's own rows (R-SUP-1, decision 023) are audited within the change that plans or closes
      // them, beside its machine row: one machine row per version, and a calendar planned once per launch.
      const where = { projectId: project.id };
      const rows = await prisma().auditEvent.count({
        where: { ...where, NOT: { eventType: { startsWith: 'reports.' } } },
      });
      expect({ ref: project.ref, rows }).toEqual({ ref: project.ref, rows: project.version });
      const planned = await prisma().auditEvent.count({ where: { ...where, eventType: 'reports.planned' } });
      expect(planned).toBeLessThanOrEqual(1);
    }
    const programme = await prisma().auditEvent.groupBy({
      by: ['eventType'],
      where: { projectId: null },
      _count: true,
    });
    const counts = Object.fromEntries(programme.map((r) => [r.eventType, r._count]));
    expect(counts).toMatchObject({ 'batch.opened': 2, 'digest.subscribed': 1, 'expert.updated': 4 });
  });

  it('seeding again adds nothing: no project, batch, audit row or message twice', async () => {
    const before = {
      projects: await prisma().project.count(),
      batches: await prisma().batch.count(),
      audit: await prisma().auditEvent.count(),
      channel: sandbox.slack.visibleMessages('U0SBSTAFF1', 'C0SBWORKGP').length,
    };
    const again = await seedDemo(sandbox);
    expect(again.projects).toEqual([]);
    expect(again.batches).toEqual([]);
    expect({
      projects: await prisma().project.count(),
      batches: await prisma().batch.count(),
      audit: await prisma().auditEvent.count(),
      channel: sandbox.slack.visibleMessages('U0SBSTAFF1', 'C0SBWORKGP').length,
    }).toEqual(before);
  });

  async function refOf(title: string): Promise<string> {
    return (await prisma().project.findFirstOrThrow({ where: { title } })).ref;
  }
});
