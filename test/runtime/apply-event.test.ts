import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { InputError, PermissionError, StaleProjectError } from '../../src/errors.ts';
import { type ApplyEventDeps, applyEvent, type EventInput } from '../../src/runtime/apply-event.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { seedExperts, setAutoAssign } from '../support/experts.ts';
import {
  confirm,
  ev,
  pilotInput,
  propose,
  reviewer,
  scheduler,
  scored,
  staffA,
  staffB,
  submit,
} from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';

let db: TestDatabase;
const sent: string[][] = [];
const clock = fixedClock('2026-09-25T02:00:00Z');
const deps = (): ApplyEventDeps => ({
  prisma: db.prisma,
  clock,
  afterCommit: (keys) => sent.push(keys),
  hooks: runtimeHooks,
});

beforeAll(async () => {
  db = await createTestDatabase();
  // These tests assign reviewers by hand: the pool holds them and the automatic assignment stays off.
  await seedExperts(db.prisma, ['U_REVIEWER_1', 'U_REVIEWER_2', 'U_REVIEWER_3', 'U_X']);
  await setAutoAssign(db.prisma, false);
});
afterAll(async () => {
  await db?.close();
});

const as = (e: unknown) => e as EventInput;

/** Applies events in order through the runtime; each must be accepted. */
async function drive(projectId: string, ...events: unknown[]) {
  let last: Awaited<ReturnType<typeof applyEvent>> | undefined;
  for (const e of events) last = await applyEvent(deps(), projectId, as(e));
  return last!;
}

async function toScreening(ref: string) {
  const p = await insertProject(db.prisma, { ...pilotInput({ ref }), track: 'pilot' });
  await drive(p.id, submit());
  return p;
}

async function reviewAll(projectId: string) {
  for (let i = 1; i <= 3; i++)
    await drive(
      projectId,
      ev('review.assigned', staffA, { reviewerId: `U_REVIEWER_${i}` }),
      ev('review.accepted', reviewer(i), { declaration: true }),
      ev(
        'review.submitted',
        reviewer(i),
        scored({ legalCompliance: 4, orderlyInnovation: 4, riskControllability: 4, policyFit: 4 }),
      ),
    );
}

describe('applyEvent: the one path for every change', () => {
  it('writes the new snapshot, the derived stage, a version bump and an audit row in one go', async () => {
    const p = await insertProject(db.prisma, { ...pilotInput({ ref: 'P-2026-101' }), track: 'pilot' });
    const result = await applyEvent(deps(), p.id, as(submit()));
    expect(result).toMatchObject({ from: 'intake', stage: 'screening', version: 2 });
    const row = await db.prisma.project.findUniqueOrThrow({ where: { id: p.id } });
    expect(row).toMatchObject({ stage: 'screening', version: 2, status: 'active' });
    const audit = await db.prisma.auditEvent.findMany({ where: { projectId: p.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      eventType: 'intake.submit',
      actorId: staffA.kind === 'user' ? staffA.userId : '',
      fromState: 'intake',
      machineVersion: 1,
    });
    expect(audit[0]!.toState).toContain('screening');
    expect(audit[0]!.factDate?.toISOString().slice(0, 10)).toBe('2024-03-01');
  });

  it('change writes run inside the change: they see it as applied, and a failing one rolls the whole change back', async () => {
    const seen: { ref: string; version: number; type: string; from: string; to: string }[] = [];
    const writing = (fail: boolean): ApplyEventDeps => ({
      ...deps(),
      hooks: {
        ...runtimeHooks,
        changeWrites: [
          async (tx, change) => {
            // The audit row of this very change is visible to the writer: same transaction.
            const audit = await tx.auditEvent.count({ where: { projectId: change.project.id } });
            seen.push({
              ref: change.project.ref,
              version: change.project.version,
              type: change.event.type,
              from: change.from,
              to: change.to,
            });
            expect(audit).toBe(1);
            if (fail) throw new Error('writer failed');
          },
        ],
      },
    });
    const failing = await insertProject(db.prisma, { ...pilotInput({ ref: 'P-2026-111' }), track: 'pilot' });
    await expect(applyEvent(writing(true), failing.id, as(submit()))).rejects.toThrow('writer failed');
    const untouched = await db.prisma.project.findUniqueOrThrow({ where: { id: failing.id } });
    expect(untouched).toMatchObject({ version: 1, stage: 'intake' });
    expect(await db.prisma.auditEvent.count({ where: { projectId: failing.id } })).toBe(0);
    expect(await db.prisma.outboxMessage.count({ where: { projectId: failing.id } })).toBe(0);

    const ok = await insertProject(db.prisma, { ...pilotInput({ ref: 'P-2026-112' }), track: 'pilot' });
    await applyEvent(writing(false), ok.id, as(submit()));
    expect(seen.at(-1)).toMatchObject({ ref: 'P-2026-112', version: 2, type: 'intake.submit', from: 'intake' });
    expect(seen.at(-1)!.to).toContain('screening');
  });

  it('refuses the wrong role with a PermissionError and changes nothing', async () => {
    const p = await toScreening('P-2026-102');
    const before = await db.prisma.project.findUniqueOrThrow({ where: { id: p.id } });
    const auditBefore = await db.prisma.auditEvent.count({ where: { projectId: p.id } });
    await expect(
      applyEvent(deps(), p.id, as(ev('review.assigned', reviewer(1), { reviewerId: 'U_X' }))),
    ).rejects.toBeInstanceOf(PermissionError);
    const after = await db.prisma.project.findUniqueOrThrow({ where: { id: p.id } });
    expect(after.version).toBe(before.version);
    expect(await db.prisma.auditEvent.count({ where: { projectId: p.id } })).toBe(auditBefore);
  });

  it('refuses an event the state does not allow, and an invalid payload, as InputErrors', async () => {
    const p = await toScreening('P-2026-103');
    await expect(
      applyEvent(deps(), p.id, as(ev('launch.announced', staffA, { factDate: '2026-01-01' }))),
    ).rejects.toBeInstanceOf(InputError);
    await expect(applyEvent(deps(), p.id, as({ ...submit(), factDate: '2026-13-45' }))).rejects.toBeInstanceOf(
      InputError,
    );
    await expect(
      applyEvent(deps(), p.id, as({ type: 'no.such', actor: staffA, recordedAt: '2026-01-01T00:00:00Z' })),
    ).rejects.toMatchObject({
      key: 'error.eventUnknown',
    });
  });

  it('R-APP-5: publishing the notice creates the notice deadline, 10 working days from the publication date', async () => {
    const p = await toScreening('P-2026-104');
    await reviewAll(p.id);
    await drive(
      p.id,
      propose('screeningPass'),
      confirm(),
      ev('csrc.forwarded', staffA, { factDate: '2026-09-01' }),
      ev('csrc.evaluationRecorded', staffA, { factDate: '2026-09-20', outcome: 'passed', letterRef: 'CSRC-1' }),
    );
    const result = await drive(p.id, ev('notice.published', staffA, { factDate: '2026-09-25' }));
    expect(result.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'noticeCloses', change: 'created', dueDate: '2026-10-15' }),
      ]),
    );
    const row = await db.prisma.deadline.findUniqueOrThrow({
      where: { projectId_key: { projectId: p.id, key: 'noticeCloses' } },
    });
    expect(row).toMatchObject({ rule: 'R-APP-5', status: 'open', clock: 'ours', responsibleUserId: 'U0OWNER01' });
    expect(row.dueAt.toISOString()).toBe('2026-10-15T16:00:00.000Z');
    expect(row.nextStep).toBe('reminder:3');
    // The notice period's end, delivered by the scheduler, closes the deadline as met.
    const ended = await drive(p.id, ev('notice.periodEnded', scheduler, { factDate: '2026-10-15' }));
    expect(ended.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'noticeCloses' })]));
    const closed = await db.prisma.deadline.findUniqueOrThrow({ where: { id: row.id } });
    expect(['met', 'metLate']).toContain(closed.status);
    expect(closed.nextStep).toBeNull();
    const commitment = await db.prisma.deadline.findUniqueOrThrow({
      where: { projectId_key: { projectId: p.id, key: 'commitmentDue' } },
    });
    expect(commitment).toMatchObject({ rule: 'R-APP-6', clock: 'institution' });
  });

  it('two-person rule through the runtime: the proposer confirming is refused, nothing stored', async () => {
    const p = await toScreening('P-2026-105');
    await reviewAll(p.id);
    await drive(p.id, propose('screeningPass', staffA));
    const before = await db.prisma.project.findUniqueOrThrow({ where: { id: p.id } });
    await expect(applyEvent(deps(), p.id, as(confirm(staffA)))).rejects.toBeInstanceOf(InputError);
    expect((await db.prisma.project.findUniqueOrThrow({ where: { id: p.id } })).version).toBe(before.version);
    await drive(p.id, confirm(staffB));
    expect((await db.prisma.project.findUniqueOrThrow({ where: { id: p.id } })).stage).toBe('csrcEvaluation');
  });

  it('concurrent conflicting events: exactly one wins, the other gets the stale-write answer, no lost update', async () => {
    const p = await toScreening('P-2026-106');
    await reviewAll(p.id);
    await drive(p.id, propose('screeningPass', staffA));
    const manager = { kind: 'user' as const, userId: 'U_MANAGER', roles: ['manager' as const] };
    const results = await Promise.allSettled([
      applyEvent(deps(), p.id, as(confirm(staffB))),
      applyEvent(deps(), p.id, as(confirm(manager))),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(StaleProjectError);
    const audit = await db.prisma.auditEvent.findMany({ where: { projectId: p.id, eventType: 'decision.confirm' } });
    expect(audit).toHaveLength(1);
    const row = await db.prisma.project.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.version).toBe((won[0] as PromiseFulfilledResult<{ version: number }>).value.version);
  });

  it('concurrent compatible events both land: the loser is retried on the fresh snapshot', async () => {
    const p = await toScreening('P-2026-107');
    const results = await Promise.all([
      applyEvent(deps(), p.id, as(ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_1' }))),
      applyEvent(deps(), p.id, as(ev('review.assigned', staffB, { reviewerId: 'U_REVIEWER_2' }))),
    ]);
    expect(results.map((r) => r.version).sort()).toEqual([3, 4]);
    expect(await db.prisma.auditEvent.count({ where: { projectId: p.id, eventType: 'review.assigned' } })).toBe(2);
  });

  it('notify effects become outbox rows keyed by project version, handed over after commit', async () => {
    const p = await toScreening('P-2026-108');
    await reviewAll(p.id);
    sent.length = 0;
    const result = await drive(p.id, propose('screeningPass'));
    expect(result.outboxKeys.length).toBeGreaterThan(0);
    expect(sent).toEqual([result.outboxKeys]);
    const rows = await db.prisma.outboxMessage.findMany({ where: { key: { in: result.outboxKeys } } });
    expect(rows).toHaveLength(result.outboxKeys.length);
    expect(rows[0]!.key).toContain(`:v${result.version}:`);
  });
});

describe('refusals say what to do', () => {
  it('R-APP-2: proposing a screening decision before the reviews are in names how many are missing', async () => {
    const p = await toScreening('P-2026-120');
    await expect(applyEvent(deps(), p.id, as(propose('screeningPass')))).rejects.toMatchObject({
      key: 'refusal.reviews',
      params: { have: 0, needed: 3 },
    });
  });
});
