import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PilotContext } from '../../machines/pilot/context.ts';
import { fixedClock } from '../../src/clock.ts';
import { UserFacingError } from '../../src/errors.ts';
import { assignReviewers } from '../../src/review/assign-reviewers.ts';
import { declineInvitation } from '../../src/review/decline-invitation.ts';
import { createActorResolver } from '../../src/roles/resolve-actor.ts';
import { type ApplyEventDeps, applyEvent } from '../../src/runtime/apply-event.ts';
import { restoreSnapshot } from '../../src/runtime/machines.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { ev, pilotInput, staffA, submit, uscc } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';

let db: TestDatabase;
const clock = fixedClock('2026-11-26T02:00:00Z');
const deps = (): ApplyEventDeps => ({
  prisma: db.prisma,
  clock,
  afterCommit: () => {},
  hooks: runtimeHooks,
  onError: (e) => {
    throw e;
  },
});
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

// The applicants of pilotInput(): "Institution 1" and "Institution 2" with their codes.
const CODE_1 = uscc('91310000MA1FL0001');
/** How an expert's affiliation relates to the applicants; the ground truth the property checks against. */
const AFFILIATION = fc.constantFrom(
  { name: '上海某某咨询有限公司', uscc: null, endedOn: null, conflicts: false },
  { name: 'Other Co', uscc: CODE_1, endedOn: null, conflicts: true },
  { name: '上海Ｉｎｓｔｉｔｕｔｉｏｎ 1有限公司', uscc: null, endedOn: null, conflicts: true },
  { name: 'Institution 2 股份有限公司', uscc: null, endedOn: '2024-06-30', conflicts: true },
  { name: 'Institution 2', uscc: null, endedOn: '2022-06-30', conflicts: false },
  { name: 'Institution 1', uscc: uscc('91310000MA1FL0099'), endedOn: null, conflicts: false },
);
const EXPERT = fc.record({
  affiliations: fc.array(AFFILIATION, { maxLength: 2 }),
  declared: fc.boolean(),
  tags: fc.subarray(['blockchain', 'ai', 'risk']),
  maxLoad: fc.integer({ min: 1, max: 3 }),
});
const STEP = fc.oneof(
  fc.record({ kind: fc.constant('manual' as const), who: fc.nat(7) }),
  fc.record({ kind: fc.constant('decline' as const), who: fc.nat(7), conflict: fc.boolean() }),
  fc.record({ kind: fc.constant('timeout' as const), who: fc.nat(7) }),
  fc.record({ kind: fc.constant('auto' as const) }),
);

let run = 0;
const contextOf = async (id: string) => {
  const p = await db.prisma.project.findUniqueOrThrow({ where: { id } });
  return restoreSnapshot(p.machine, p.machineVersion, p.snapshot).context as PilotContext;
};

describe('conflict of interest on every path (issue 6)', () => {
  it('R-APP-2: automatic, manual, decline-replacement and timeout-replacement never assign a conflicted expert', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(EXPERT, { minLength: 1, maxLength: 6 }),
        fc.array(STEP, { maxLength: 8 }),
        async (pool, steps) => {
          run++;
          const ids = pool.map((_, i) => `UP${run}X${i}`);
          const project = await insertProject(db.prisma, {
            ...pilotInput({ ref: `P-2026-${900 + run}` }),
            track: 'pilot',
          });
          const conflicted = new Set<string>();
          for (const [i, e] of pool.entries()) {
            await db.prisma.expert.create({
              data: {
                userId: ids[i]!,
                tags: e.tags,
                maxLoad: e.maxLoad,
                createdById: 'test',
                affiliations: {
                  create: e.affiliations.map((a) => ({
                    name: a.name,
                    uscc: a.uscc,
                    endedOn: a.endedOn ? new Date(`${a.endedOn}T00:00:00Z`) : null,
                  })),
                },
                ...(e.declared ? { conflicts: { create: { projectId: project.id, declaredAt: clock.now() } } } : {}),
              },
            });
            if (e.declared || e.affiliations.some((a) => a.conflicts)) conflicted.add(ids[i]!);
          }
          // Entering screening assigns automatically (the setting defaults to on).
          await applyEvent(deps(), project.id, submit({ recordedAt: clock.now().toISOString() }) as never);
          for (const step of steps) {
            const ctx = await contextOf(project.id);
            const open = ctx.assignments.filter((a) => a.status === 'assigned');
            try {
              if (step.kind === 'manual')
                await applyEvent(deps(), project.id, {
                  ...ev('review.assigned', staffA, { reviewerId: ids[step.who % ids.length]! }),
                  recordedAt: clock.now().toISOString(),
                } as never);
              else if (step.kind === 'auto') await assignReviewers(deps(), project.id, staffA, 'command');
              else if (open.length > 0) {
                const who = open[step.who % open.length]!.reviewerId;
                if (step.kind === 'decline')
                  await declineInvitation(
                    deps(),
                    await createActorResolver(db.prisma, [])(who),
                    project.id,
                    step.conflict,
                  );
                else
                  await applyEvent(deps(), project.id, {
                    type: 'review.invitationExpired',
                    actor: { kind: 'scheduler' },
                    recordedAt: clock.now().toISOString(),
                    factDate: '2026-11-30',
                    reviewerId: who,
                  });
              }
            } catch (error) {
              if (!(error instanceof UserFacingError)) throw error;
            }
            const after = await contextOf(project.id);
            for (const a of after.assignments) expect(conflicted.has(a.reviewerId), a.reviewerId).toBe(false);
          }
          const final = await contextOf(project.id);
          for (const a of final.assignments) expect(conflicted.has(a.reviewerId)).toBe(false);
          // Nobody is ever over their cap through the automatic paths, and places fill while someone eligible is left.
          const eligible = ids.filter((id) => !conflicted.has(id));
          const active = final.assignments.filter((a) => a.status !== 'declined' && a.status !== 'withdrawn');
          const tried = new Set(final.assignments.map((a) => a.reviewerId));
          if (active.length < 3) expect(eligible.filter((id) => !tried.has(id))).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
