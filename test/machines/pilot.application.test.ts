import { describe, expect, it } from 'vitest';
import { MATERIALS } from '../../machines/pilot/events.ts';
import {
  accept,
  admin,
  coachedTech,
  confirm,
  DAY,
  effects,
  ev,
  manager,
  marketCoreLead,
  pilotInput,
  propose,
  reviewed,
  reviewer,
  scheduler,
  securitiesLead,
  simplifiedReview,
  staffA,
  staffB,
  startPilot,
  submit,
  techPartner,
  toCsrc,
  toScreening,
} from '../support/machines.ts';

const coachedInput = pilotInput({ applicants: [securitiesLead, coachedTech] });

describe('intake and submission', () => {
  it('R-APP-8: submission refused until every required material is on file', () => {
    for (const missing of MATERIALS) {
      const s = startPilot(pilotInput({ materials: MATERIALS.filter((m) => m !== missing) }));
      expect(s.can(submit()), missing).toBe(false);
      expect(accept(s, ev('intake.update', staffA, { materials: [...MATERIALS] })).can(submit())).toBe(true);
    }
  });

  it('R-ELIG-5: an ineligible applicant cannot submit; eligibility is re-evaluated on every intake change', () => {
    const s = startPilot(pilotInput({ applicants: [{ ...techPartner, lead: true }] }));
    expect(s.context.eligibility.eligible).toBe(false);
    expect(s.can(submit())).toBe(false);
    const fixed = accept(s, ev('intake.update', staffA, { applicants: [securitiesLead, techPartner] }));
    expect(fixed.context.eligibility.eligible).toBe(true);
    expect(accept(fixed, submit()).value).toEqual({ screening: 'review' });
  });

  it('R-ELIG-6: focus technologies are recorded but never refuse an application', () => {
    const none = startPilot(pilotInput({ technologies: [] }));
    expect(none.can(submit())).toBe(true);
    const some = accept(
      none,
      ev('intake.update', staffA, { technologies: ['ai', 'blockchain'], title: 'T', ownerId: 'U_OWNER' }),
    );
    expect(some.context).toMatchObject({ technologies: ['ai', 'blockchain'], title: 'T', ownerId: 'U_OWNER' });
    expect(some.context.eligibility).toEqual(none.context.eligibility);
    const kept = accept(some, ev('intake.update', staffA, {}));
    expect(kept.context).toMatchObject({ technologies: ['ai', 'blockchain'], title: 'T', ownerId: 'U_OWNER' });
  });

  it('R-BATCH-1: submitted with no batch open, the application waits for the next batch until staff place it', () => {
    const waiting = accept(startPilot(), submit({ openBatchId: null }));
    expect(waiting.value).toBe('awaitingBatch');
    expect(waiting.context).toMatchObject({ batchId: null, submittedOn: DAY, path: 'standard' });
    expect(waiting.can(ev('batch.assigned', admin, { batchId: 'B-2' }))).toBe(false);
    const placed = accept(waiting, ev('batch.assigned', staffB, { batchId: 'B-2' }));
    expect(placed.value).toEqual({ screening: 'review' });
    expect(placed.context.batchId).toBe('B-2');
    expect(accept(startPilot(), submit()).context.batchId).toBe('B-1');
  });

  it('R-BATCH-1: while waiting, edits may not make the application invalid', () => {
    const waiting = accept(startPilot(), submit({ openBatchId: null }));
    expect(waiting.can(ev('intake.update', staffA, { materials: ['projectPlan'] }))).toBe(false);
    expect(waiting.can(ev('intake.update', staffA, { applicants: [{ ...techPartner, lead: true }] }))).toBe(false);
    expect(waiting.can(ev('intake.update', staffA, { title: 'Renamed' }))).toBe(true);
  });

  it('R-APP-1: a project left for a later batch is carried forward with its reviews; without a batch it waits', () => {
    const s = reviewed(toScreening());
    const later = accept(s, ev('screening.deferToLaterBatch', staffA, { laterBatchId: 'B-2', reason: 'batch full' }));
    expect(later.value).toEqual({ screening: 'review' });
    expect(later.context.batchId).toBe('B-2');
    expect(later.context.deferrals).toEqual([
      { fromBatchId: 'B-1', toBatchId: 'B-2', at: later.context.deferrals[0]?.at, reason: 'batch full' },
    ]);
    expect(later.context.reviews).toHaveLength(3);
    const waiting = accept(s, ev('screening.deferToLaterBatch', staffA, { laterBatchId: null, reason: 'came late' }));
    expect(waiting.value).toBe('awaitingBatch');
    const pending = accept(s, propose('screeningPass'));
    expect(pending.can(ev('screening.deferToLaterBatch', staffA, { laterBatchId: 'B-2', reason: 'x' }))).toBe(false);
    expect(pending.can(ev('screening.deferToLaterBatch', staffA, { laterBatchId: null, reason: 'x' }))).toBe(false);
  });

  it('R-APP-1: a project filtered out in screening is not carried forward', () => {
    const out = accept(reviewed(toScreening()), propose('screeningFilterOut', staffA, { flaws: 'x' }), confirm());
    expect(out.value).toBe('rejected');
    expect(out.status).toBe('done');
    expect(out.can(ev('batch.assigned', staffA, { batchId: 'B-2' }))).toBe(false);
  });

  it('R-APP-7: a Shanghai market core institution goes to preliminary review, is forwarded and continues like any other', () => {
    const s = accept(startPilot(pilotInput({ applicants: [marketCoreLead] })), submit({ openBatchId: null }));
    expect(s.value).toBe('preliminaryReview');
    expect(s.context.path).toBe('marketCore');
    expect(s.can(ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_1' }))).toBe(false);
    const { next, actions } = effects(s, ev('preliminary.forwarded', staffA, { factDate: '2024-03-04' }));
    expect(next.value).toEqual({ csrcEvaluation: 'awaitingAnswer' });
    expect(actions).toContainEqual({
      type: 'scheduleDeadline',
      params: { kind: 'csrcAnswerExpected', key: 'csrcAnswerExpected', rule: 'R-APP-4', basis: '2024-03-04' },
    });
    const noticed = accept(
      next,
      ev('csrc.evaluationRecorded', staffA, { factDate: DAY, outcome: 'passed', letterRef: 'L' }),
    );
    expect(noticed.value).toEqual({ publicNotice: 'toPublish' });
    expect(s.can(ev('preliminary.forwarded', reviewer(1), { factDate: DAY }))).toBe(false);
  });

  it('R-COA-7: coaching valid on the submission day gets the simplified review, kept even if coaching ends later', () => {
    const s = accept(startPilot(coachedInput), submit({ coachingValidOnSubmission: true }));
    expect(s.context).toMatchObject({ simplifiedReview: true, coachingValidOnSubmission: true });
    const assigned = accept(s, ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_1' }));
    expect(assigned.can(ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_2' }))).toBe(false);
    const { actions } = effects(assigned, ev('review.accepted', reviewer(1), { declaration: true }));
    expect(actions).toContainEqual({
      type: 'scheduleDeadline',
      params: {
        kind: 'reviewDueSimplified',
        key: 'review:U_REVIEWER_1',
        rule: 'R-COA-7',
        basis: DAY,
        userId: 'U_REVIEWER_1',
      },
    });
    const accepted = accept(assigned, ev('review.accepted', reviewer(1), { declaration: true }));
    // The simplified review rates new risks and investor protection; the coaching conclusions are adopted.
    expect(
      accepted.can(ev('review.submitted', reviewer(1), { recommendation: 'pass', comment: 'c', newRisks: 'concerns' })),
    ).toBe(false);
    const done = accept(accepted, ev('review.submitted', reviewer(1), simplifiedReview));
    expect(done.can(propose('screeningPass'))).toBe(true);
  });

  it('R-COA-7: coaching expired on the day of submission means the full review', () => {
    const s = accept(startPilot(coachedInput), submit({ coachingValidOnSubmission: false }));
    expect(s.context).toMatchObject({ simplifiedReview: false, coachingValidOnSubmission: false });
    expect(
      accept(s, ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_1' })).can(
        ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_2' }),
      ),
    ).toBe(true);
    expect(reviewed(s, 2).can(propose('screeningPass'))).toBe(false);
    expect(reviewed(s, 3).can(propose('screeningPass'))).toBe(true);
  });

  it('R-COA-7: the coaching fact is required exactly when a coached applicant is in the application', () => {
    expect(startPilot(coachedInput).can(submit())).toBe(false);
    expect(startPilot().can(submit({ coachingValidOnSubmission: true }))).toBe(false);
    expect(startPilot().can(submit())).toBe(true);
  });

  it('R-COA-6: a coached tech company alone cannot submit a pilot application', () => {
    const s = startPilot(pilotInput({ applicants: [{ ...coachedTech, lead: true }] }));
    expect(s.can(submit({ coachingValidOnSubmission: true }))).toBe(false);
  });

  it('only staff or managers edit, submit and withdraw; withdrawal ends the application', () => {
    const s = startPilot();
    for (const actor of [admin, reviewer(1), scheduler]) {
      expect(s.can(submit({ actor }))).toBe(false);
      expect(s.can(ev('intake.update', actor, {}))).toBe(false);
      expect(s.can(ev('application.withdraw', actor, { factDate: DAY, reason: 'r' }))).toBe(false);
    }
    expect(s.can(submit({ actor: manager }))).toBe(true);
    for (const from of [s, toScreening(), accept(startPilot(), submit({ openBatchId: null })), toCsrc()]) {
      const out = accept(from, ev('application.withdraw', staffA, { factDate: DAY, reason: 'r' }));
      expect(out.value).toBe('withdrawn');
    }
  });
});
