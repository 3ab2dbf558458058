import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { submitAction } from '../../src/projects/perform-action.ts';
import { acceptInvitation } from '../../src/review/accept-invitation.ts';
import { openReviewForm } from '../../src/review/open-review-form.ts';
import { submitReview } from '../../src/review/submit-review.ts';
import { createActorResolver } from '../../src/roles/resolve-actor.ts';
import { applyEvent } from '../../src/runtime/apply-event.ts';
import { reviewFormModal } from '../../src/views/review/review-form.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { seedExperts } from '../support/experts.ts';
import {
  accept,
  cev,
  coachedTech,
  coachingInput,
  pilotInput,
  scheduler,
  securitiesLead,
  submit,
  toCoachingActive,
} from '../support/machines.ts';
import { insertProject, insertProjectAt } from '../support/projects.ts';

let db: TestDatabase;
const clock = fixedClock('2026-11-26T02:00:00Z');
const deps = () => ({ prisma: db.prisma, clock, afterCommit: () => {}, hooks: runtimeHooks });
// The reviewer's actor as the wiring resolves it where their request enters.
const reviewer = (userId: string) => createActorResolver(db.prisma, [])(userId);
beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.userRole.createMany({
    data: ['U0SIMPLE1', 'U0SIMPLE2'].map((userId) => ({ userId, role: 'reviewer', grantedBy: 'test' })),
  });
});
afterAll(async () => {
  await db?.close();
});

describe('the simplified review (issue 6)', () => {
  it('R-COA-7: one expert is invited; the form asks for new risks and investor protection and shows the coaching conclusions', async () => {
    await seedExperts(db.prisma, ['U0SIMPLE1', 'U0SIMPLE2']);
    await insertProject(db.prisma, { ...coachingInput({ ref: 'C-1' }), track: 'coaching' });
    const p = await insertProject(db.prisma, {
      ...pilotInput({ ref: 'P-2026-070', applicants: [securitiesLead, coachedTech] }),
      track: 'pilot',
    });
    const entered = await applyEvent(deps(), p.id, submit({ coachingValidOnSubmission: true }) as never);
    expect(entered.stage).toBe('screening');
    const assigned = await db.prisma.auditEvent.findMany({ where: { projectId: p.id, eventType: 'review.assigned' } });
    expect(assigned.map((a) => (a.payload as { reviewerId: string }).reviewerId)).toEqual(['U0SIMPLE1']);
    await acceptInvitation(deps(), await reviewer('U0SIMPLE1'), p.id, true);
    const form = await openReviewForm(db.prisma, 'U0SIMPLE1', p.id);
    expect(form).toMatchObject({ simplified: true, criteria: ['newRisks', 'investorProtectionMeasures'] });
    expect(form.coaching.map((c) => c.ref)).toEqual(['C-1']);
    const shown = JSON.stringify(reviewFormModal('zh-CN', form));
    expect(shown).toContain('R-COA-7');
    expect(shown).toContain('辅导项目 C-1');
    expect(shown).toContain('score.newRisks');
    expect(shown).not.toContain('score.legalCompliance');
    const refused = submitReview(deps(), await reviewer('U0SIMPLE1'), p.id, { newRisks: '4', recommendation: 'pass' });
    await expect(refused).rejects.toMatchObject({
      fields: {
        newRisksComment: { key: 'field.required' },
        investorProtectionMeasures: { key: 'review.form.scoreRequired' },
      },
    });
    const done = await submitReview(deps(), await reviewer('U0SIMPLE1'), p.id, {
      newRisks: '4',
      newRisksComment: '新增风险可控',
      investorProtectionMeasures: '5',
      investorProtectionMeasuresComment: '投资者保护充分',
      recommendation: 'pass',
      confidentialNote: '仅供工作组',
    });
    expect((done.context as { reviews: unknown[] }).reviews).toEqual([
      expect.objectContaining({
        ratings: { newRisks: 4, investorProtectionMeasures: 5 },
        confidentialNote: '仅供工作组',
      }),
    ]);
  });

  it('R-COA-7: validity is judged on the submission date staff give, not the day they record it; the reviewer sees the letter reference', async () => {
    await seedExperts(db.prisma, ['U0SIMPLE1', 'U0SIMPLE2']);
    // The coaching expired on Friday 20 November; staff record both submissions on 26 November (the clock).
    const expired = accept(toCoachingActive(), cev('coaching.expired', scheduler, { factDate: '2026-11-20' }));
    await insertProjectAt(db.prisma, {
      ...expired,
      context: { ...expired.context, ref: 'C-2026-050' },
    } as typeof expired);
    await db.prisma.batch.create({
      data: {
        name: 'R-COA-7 batch',
        opensOn: new Date('2026-11-01T00:00:00Z'),
        closesOn: new Date('2026-12-31T00:00:00Z'),
        createdById: 'test',
      },
    });
    const applicants = [securitiesLead, { ...coachedTech, coachingRef: 'C-2026-050' }];
    const staff = { kind: 'user' as const, userId: 'U0STAFF70', roles: ['staff' as const] };
    const submitted = async (ref: string, factDate: string) => {
      const p = await insertProject(db.prisma, { ...pilotInput({ ref, applicants }), track: 'pilot' });
      return submitAction(deps(), staff, { p: p.id, v: 1, t: 'intake.submit' }, { factDate });
    };
    const onTime = await submitted('P-2026-071', '2026-11-19');
    expect(onTime.context).toMatchObject({ coachingValidOnSubmission: true, simplifiedReview: true });
    const onExpiry = await submitted('P-2026-072', '2026-11-20');
    expect(onExpiry.context).toMatchObject({ coachingValidOnSubmission: true, simplifiedReview: true });
    const late = await submitted('P-2026-073', '2026-11-23');
    expect(late.context).toMatchObject({ coachingValidOnSubmission: false, simplifiedReview: false });
    const invited = await db.prisma.auditEvent.findFirstOrThrow({
      where: { projectId: onTime.projectId, eventType: 'review.assigned' },
    });
    const expert = (invited.payload as { reviewerId: string }).reviewerId;
    await acceptInvitation(deps(), await reviewer(expert), onTime.projectId, true);
    const form = await openReviewForm(db.prisma, expert, onTime.projectId);
    expect(form.coaching).toEqual([
      { ref: 'C-2026-050', outcome: 'passed', letterDate: '2024-03-01', letterRef: 'L', publishedOn: '2024-03-05' },
    ]);
    expect(JSON.stringify(reviewFormModal('zh-CN', form))).toContain('函件 L，日期 2024-03-01');
    expect(JSON.stringify(reviewFormModal('en', form))).toContain('letter L of 2024-03-01');
  });
});
