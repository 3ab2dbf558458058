import { describe, expect, it } from 'vitest';
import { pilotEventSchemas } from '../../machines/pilot/events.ts';
import type { Actor } from '../../machines/shared/actor.ts';
import {
  accept,
  admin,
  confirm,
  DAY,
  effects,
  ev,
  launchReady,
  manager,
  propose,
  reviewed,
  reviewer,
  scheduler,
  scored,
  staffA,
  staffB,
  toCsrc,
  toNotice,
  toPreLaunch,
  toScreening,
} from '../support/machines.ts';

const full = scored({ legalCompliance: 5, orderlyInnovation: 3, riskControllability: 4, policyFit: 1 }, 'filterOut');

describe('screening', () => {
  it('R-APP-2: experts are assigned by staff, answer their own assignment and rate all four criteria', () => {
    const s = toScreening();
    expect(s.can(ev('review.assigned', reviewer(1), { reviewerId: 'U_REVIEWER_1' }))).toBe(false);
    const { next, actions } = effects(s, ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_1' }));
    expect(actions).toEqual([
      {
        type: 'scheduleDeadline',
        params: {
          kind: 'reviewerResponse',
          key: 'reviewerResponse:U_REVIEWER_1',
          rule: 'R-APP-2',
          basis: DAY,
          userId: 'U_REVIEWER_1',
        },
      },
      {
        type: 'notify',
        params: {
          template: 'review.assignment',
          audience: 'user',
          rule: 'R-APP-2',
          userId: 'U_REVIEWER_1',
          data: { ref: 'P-1', simplified: false },
        },
      },
    ]);
    expect(next.can(ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_1' }))).toBe(false);
    expect(next.can(ev('review.accepted', reviewer(2), { declaration: true }))).toBe(false);
    expect(next.can(ev('review.submitted', reviewer(1), full))).toBe(false);
    const accepted = effects(next, ev('review.accepted', reviewer(1), { declaration: true }));
    expect(accepted.actions).toEqual([
      { type: 'cancelDeadline', params: { kind: 'reviewerResponse', key: 'reviewerResponse:U_REVIEWER_1' } },
      {
        type: 'scheduleDeadline',
        params: { kind: 'reviewDue', key: 'review:U_REVIEWER_1', rule: 'R-APP-2', basis: DAY, userId: 'U_REVIEWER_1' },
      },
    ]);
    expect(accepted.next.can(ev('review.accepted', reviewer(1), { declaration: true }))).toBe(false);
    for (const criterion of ['legalCompliance', 'orderlyInnovation', 'riskControllability', 'policyFit']) {
      const partial = { ...full, [criterion]: undefined };
      expect(accepted.next.can(ev('review.submitted', reviewer(1), partial)), criterion).toBe(false);
      const uncommented = { ...full, [`${criterion}Comment`]: undefined };
      expect(accepted.next.can(ev('review.submitted', reviewer(1), uncommented)), criterion).toBe(false);
    }
    const schema = pilotEventSchemas['review.submitted'];
    for (const score of [0, 6, 2.5]) {
      expect(schema.safeParse(ev('review.submitted', reviewer(1), { ...full, policyFit: score })).success).toBe(false);
    }
    expect(schema.safeParse(ev('review.submitted', reviewer(1), full)).success).toBe(true);
    const submitted = effects(accepted.next, ev('review.submitted', reviewer(1), full));
    expect(submitted.actions).toEqual([
      { type: 'cancelDeadline', params: { kind: 'reviewDue', key: 'review:U_REVIEWER_1' } },
    ]);
    expect(submitted.next.context.reviews[0]).toMatchObject({
      reviewerId: 'U_REVIEWER_1',
      recommendation: 'filterOut',
      ratings: { legalCompliance: 5, orderlyInnovation: 3, riskControllability: 4, policyFit: 1 },
      comments: { legalCompliance: 'legalCompliance ok', policyFit: 'policyFit ok' },
      confidentialNote: null,
      submittedAt: '2024-03-01T02:00:00Z',
      amendedAt: null,
    });
    expect(submitted.next.context.assignments[0]).toEqual({
      reviewerId: 'U_REVIEWER_1',
      status: 'submitted',
      declaredAt: '2024-03-01T02:00:00Z',
    });
  });

  it('R-APP-2: a declined assignment frees the slot for another reviewer, never more than needed', () => {
    let s = accept(toScreening(), ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_1' }));
    const declined = effects(s, ev('review.declined', reviewer(1), { reason: 'busy' }));
    expect(declined.actions).toEqual([
      { type: 'cancelDeadline', params: { kind: 'reviewerResponse', key: 'reviewerResponse:U_REVIEWER_1' } },
      {
        type: 'notify',
        params: {
          template: 'review.declined',
          audience: 'owner',
          rule: 'R-APP-2',
          data: { ref: 'P-1', reviewerId: 'U_REVIEWER_1', conflict: false },
        },
      },
    ]);
    s = declined.next;
    expect(s.context.assignments).toEqual([{ reviewerId: 'U_REVIEWER_1', status: 'declined' }]);
    expect(s.can(ev('review.accepted', reviewer(1), { declaration: true }))).toBe(false);
    // Someone who declined is not invited again to the same project.
    expect(s.can(ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_1' }))).toBe(false);
    s = accept(
      s,
      ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_2' }),
      ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_3' }),
      ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_4' }),
    );
    expect(s.can(ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_5' }))).toBe(false);
    expect(accept(s, ev('review.accepted', reviewer(2), { declaration: true })).context.assignments[1]).toEqual({
      reviewerId: 'U_REVIEWER_2',
      status: 'accepted',
      declaredAt: '2024-03-01T02:00:00Z',
    });
  });

  it('R-APP-2: accepting needs the conflict-of-interest and confidentiality declaration ticked', () => {
    const s = accept(toScreening(), ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_1' }));
    expect(s.can(ev('review.accepted', reviewer(1), { declaration: false }))).toBe(false);
    expect(s.can(ev('review.accepted', reviewer(1), { declaration: true }))).toBe(true);
  });

  it('R-APP-2: a declared conflict is recorded on the assignment and the owner is told', () => {
    const s = accept(toScreening(), ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_1' }));
    const { next, actions } = effects(s, ev('review.declined', reviewer(1), { conflict: true }));
    expect(next.context.assignments).toEqual([{ reviewerId: 'U_REVIEWER_1', status: 'declined', conflict: true }]);
    expect(actions[1]?.params).toMatchObject({ template: 'review.declined', data: { conflict: true } });
  });

  it('R-APP-2: the scheduler withdraws an unanswered invitation, and only an unanswered one', () => {
    const s = accept(
      toScreening(),
      ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_1' }),
      ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_2' }),
      ev('review.accepted', reviewer(2), { declaration: true }),
    );
    const expired = (id: string, actor: Actor = scheduler) =>
      ev('review.invitationExpired', actor, { reviewerId: id, factDate: '2024-03-05' });
    expect(s.can(expired('U_REVIEWER_1', staffA))).toBe(false);
    expect(s.can(expired('U_REVIEWER_2'))).toBe(false);
    expect(s.can(expired('U_NOBODY'))).toBe(false);
    const { next, actions } = effects(s, expired('U_REVIEWER_1'));
    expect(next.context.assignments[0]).toEqual({ reviewerId: 'U_REVIEWER_1', status: 'withdrawn' });
    expect(actions).toEqual([
      {
        type: 'notify',
        params: {
          template: 'review.expired',
          audience: 'owner',
          rule: 'R-APP-2',
          data: { ref: 'P-1', reviewerId: 'U_REVIEWER_1', conflict: false },
        },
      },
    ]);
    expect(next.can(ev('review.accepted', reviewer(1), { declaration: true }))).toBe(false);
    expect(next.can(ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_3' }))).toBe(true);
    expect(next.can(ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_1' }))).toBe(false);
    // A withdrawn invitation frees its place: with three invited and one withdrawn, a fourth expert may be invited.
    const full3 = accept(next, ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_3' }));
    expect(full3.can(ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_4' }))).toBe(true);
    const fullAgain = accept(full3, ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_4' }));
    expect(fullAgain.can(ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_5' }))).toBe(false);
  });

  it('R-APP-2: a submitted review can be amended until the working group decides', () => {
    const once = reviewed(toScreening(), 1);
    const amended = accept(once, ev('review.submitted', reviewer(1), { ...full, recordedAt: '2024-03-02T02:00:00Z' }));
    expect(amended.context.reviews).toHaveLength(1);
    expect(amended.context.reviews[0]).toMatchObject({
      recommendation: 'filterOut',
      submittedAt: '2024-03-01T02:00:00Z',
      amendedAt: '2024-03-02T02:00:00Z',
    });
    const three = reviewed(toScreening());
    const pending = accept(three, propose('screeningPass'));
    expect(pending.can(ev('review.submitted', reviewer(1), full))).toBe(false);
    expect(accept(pending, confirm()).can(ev('review.submitted', reviewer(1), full))).toBe(false);
  });

  it('R-APP-3: the screening decision waits for the reviews unless a manager overrides with a written reason', () => {
    const two = reviewed(toScreening(), 2);
    expect(two.can(propose('screeningPass'))).toBe(false);
    const override = ev('screening.overrideReviews', manager, { reason: 'expert pool exhausted' });
    expect(two.can(ev('screening.overrideReviews', staffA, { reason: 'x' }))).toBe(false);
    const { next, actions } = effects(two, override);
    expect(next.context.reviewOverride).toEqual({
      by: 'U_MANAGER',
      at: '2024-03-01T02:00:00Z',
      reason: 'expert pool exhausted',
    });
    expect(actions).toEqual([
      {
        type: 'notify',
        params: { template: 'review.overridden', audience: 'staff', rule: 'R-APP-3', data: { ref: 'P-1' } },
      },
    ]);
    expect(next.can(propose('screeningPass'))).toBe(true);
    expect(next.can(override)).toBe(false);
    expect(reviewed(toScreening()).can(override)).toBe(false);
    expect(accept(reviewed(toScreening()), propose('screeningPass')).can(override)).toBe(false);
  });

  it('R-APP-2: more information can be requested and the screening waits for it', () => {
    const s = toScreening();
    const { next, actions } = effects(s, ev('screening.requestInfo', staffA, { request: 'send the audit' }));
    expect(next.value).toEqual({ screening: 'awaitingInformation' });
    expect(actions).toEqual([
      { type: 'scheduleDeadline', params: { kind: 'infoDue', key: 'infoDue', rule: 'R-APP-2', basis: '2024-03-01' } },
    ]);
    expect(next.context.infoRequests).toEqual([
      { requestedAt: '2024-03-01T02:00:00Z', request: 'send the audit', receivedOn: null },
    ]);
    expect(next.can(ev('intake.update', staffA, { materials: [] }))).toBe(false);
    const edited = accept(next, ev('intake.update', staffA, { title: 'New' }));
    const back = effects(edited, ev('screening.infoReceived', staffA, { factDate: '2024-03-08' }));
    expect(back.next.value).toEqual({ screening: 'review' });
    expect(back.actions).toEqual([{ type: 'cancelDeadline', params: { kind: 'infoDue', key: 'infoDue' } }]);
    expect(back.next.context.infoRequests[0]?.receivedOn).toBe('2024-03-08');
    expect(
      accept(
        back.next,
        ev('screening.requestInfo', staffA, { request: 'r2' }),
        ev('screening.infoReceived', staffA, { factDate: '2024-03-09' }),
      ).context.infoRequests.map((r) => r.receivedOn),
    ).toEqual(['2024-03-08', '2024-03-09']);
    expect(
      accept(reviewed(s), propose('screeningPass', staffA)).can(ev('screening.requestInfo', staffA, { request: 'r' })),
    ).toBe(false);
    expect(reviewed(s).can(ev('screening.requestInfo', reviewer(1), { request: 'r' }))).toBe(false);
  });

  it('R-APP-3: screening decided only after the reviews; a pass is reported to the CSRC, a filter-out rejects', () => {
    expect(reviewed(toScreening(), 2).can(propose('screeningPass'))).toBe(false);
    expect(reviewed(toScreening(), 2).can(propose('screeningFilterOut', staffA, { flaws: 'f' }))).toBe(false);
    const s = reviewed(toScreening());
    expect(s.can(propose('launch'))).toBe(false);
    const pass = effects(accept(s, propose('screeningPass')), confirm());
    expect(pass.next.value).toEqual({ csrcEvaluation: 'toForward' });
    expect(pass.actions).toContainEqual({
      type: 'notify',
      params: { template: 'selection.reportToCsrc', audience: 'owner', rule: 'R-APP-3', data: { ref: 'P-1' } },
    });
    const out = effects(accept(s, propose('screeningFilterOut', staffA, { flaws: 'obvious' })), confirm(manager));
    expect(out.next.value).toBe('rejected');
    expect(out.actions).toContainEqual({ type: 'cancelAllDeadlines', params: { reason: 'rejected' } });
    expect(out.next.context.decisions[0]).toMatchObject({
      kind: 'screeningFilterOut',
      proposedBy: 'U_STAFF_A',
      confirmedBy: 'U_MANAGER',
      details: { flaws: 'obvious' },
    });
  });

  it('R-APP-4: the CSRC clock is recorded from the forwarding date; a failed evaluation ends the project', () => {
    const s = toCsrc();
    expect(s.can(ev('csrc.evaluationRecorded', staffA, { factDate: DAY, outcome: 'passed', letterRef: 'L' }))).toBe(
      false,
    );
    const fwd = effects(s, ev('csrc.forwarded', staffA, { factDate: '2024-03-02' }));
    expect(fwd.actions).toEqual([
      {
        type: 'scheduleDeadline',
        params: { kind: 'csrcAnswerExpected', key: 'csrcAnswerExpected', rule: 'R-APP-4', basis: '2024-03-02' },
      },
    ]);
    const failed = effects(
      fwd.next,
      ev('csrc.evaluationRecorded', staffA, { factDate: '2024-04-01', outcome: 'failed', letterRef: 'L-9' }),
    );
    expect(failed.next.value).toBe('rejected');
    expect(failed.actions[0]).toEqual({
      type: 'cancelDeadline',
      params: { kind: 'csrcAnswerExpected', key: 'csrcAnswerExpected' },
    });
    expect(failed.next.context.csrc).toEqual({
      forwardedOn: '2024-03-02',
      letterDate: '2024-04-01',
      outcome: 'failed',
      letterRef: 'L-9',
    });
    expect(
      fwd.next.can(ev('csrc.evaluationRecorded', reviewer(1), { factDate: DAY, outcome: 'failed', letterRef: 'L' })),
    ).toBe(false);
  });
});

describe('two-person rule', () => {
  const ready = () => reviewed(toScreening());
  it('R-APP-3: the proposer cannot confirm their own screening decision, even as a manager', () => {
    const s = accept(ready(), propose('screeningPass', staffA));
    expect(s.can(confirm(staffA))).toBe(false);
    const both: Actor = { kind: 'user', userId: 'U_BOTH', roles: ['staff', 'manager'] };
    const own = accept(ready(), propose('screeningPass', both));
    expect(own.can(confirm(both))).toBe(false);
    expect(own.can(confirm(staffB))).toBe(true);
  });

  it('R-APP-3: only staff propose; reviewers, admins and the scheduler neither propose nor confirm', () => {
    for (const actor of [manager, admin, reviewer(1), scheduler])
      expect(ready().can(propose('screeningPass', actor))).toBe(false);
    const s = accept(ready(), propose('screeningPass'));
    for (const actor of [admin, reviewer(1), scheduler]) expect(s.can(confirm(actor))).toBe(false);
    expect(s.can(propose('screeningFilterOut', staffB, { flaws: 'f' }))).toBe(false);
    expect(ready().can(confirm(staffB))).toBe(false);
  });

  it('R-APP-3: a proposal is withdrawn by its proposer or a manager, not by another staff member', () => {
    const s = accept(ready(), propose('screeningPass'));
    expect(s.context.pending).toMatchObject({ kind: 'screeningPass', proposedBy: 'U_STAFF_A' });
    expect(s.can(ev('decision.withdraw', staffB))).toBe(false);
    expect(accept(s, ev('decision.withdraw', manager)).context.pending).toBeNull();
    const w = accept(s, ev('decision.withdraw', staffA, { reason: 'wrong' }));
    expect(w.context.pending).toBeNull();
    expect(w.can(confirm(staffB))).toBe(false);
    expect(ready().can(ev('decision.withdraw', manager))).toBe(false);
  });

  it('R-APP-6: launch is a two-person decision re-checked at confirmation', () => {
    const s = accept(launchReady(), propose('launch'));
    expect(s.can(confirm(staffA))).toBe(false);
    const { next, actions } = effects(s, confirm(staffB));
    expect(next.value).toEqual({ preLaunch: 'awaitingAnnouncement' });
    expect(actions).toEqual([]);
  });
});

describe('public notice and launch', () => {
  it('R-APP-5: the comment period runs from the publication date; comments are logged and disposed', () => {
    const published = effects(
      accept(
        toCsrc(),
        ev('csrc.forwarded', staffA, { factDate: DAY }),
        ev('csrc.evaluationRecorded', staffA, { factDate: DAY, outcome: 'passed', letterRef: 'L' }),
      ),
      ev('notice.published', staffA, { factDate: '2024-03-22', url: 'https://example.org' }),
    );
    expect(published.next.value).toEqual({ publicNotice: 'open' });
    expect(published.actions).toEqual([
      {
        type: 'scheduleDeadline',
        params: { kind: 'noticeCloses', key: 'noticeCloses', rule: 'R-APP-5', basis: '2024-03-22' },
      },
    ]);
    let s = accept(
      published.next,
      ev('notice.commentLogged', staffA, { factDate: '2024-03-25', commentId: 'c1', summary: 'risk?' }),
    );
    expect(s.context.comments.c1).toEqual({
      loggedOn: '2024-03-25',
      source: 'public',
      summary: 'risk?',
      raisesRisk: false,
      disposition: null,
      dispositionKind: null,
    });
    expect(s.can(ev('notice.commentLogged', staffA, { factDate: DAY, commentId: 'c1', summary: 'again' }))).toBe(false);
    expect(s.can(ev('notice.commentDisposed', staffA, { commentId: 'c9', disposition: 'd' }))).toBe(false);
    s = accept(s, ev('plan.revised', staffA, { factDate: '2024-03-26', summary: 'limits lowered' }));
    expect(s.context.planRevisions).toEqual([{ on: '2024-03-26', summary: 'limits lowered' }]);
    s = accept(s, ev('notice.commentDisposed', staffA, { commentId: 'c1', disposition: 'plan revised' }));
    expect(s.context.comments.c1?.disposition).toBe('plan revised');
    expect(s.can(ev('notice.commentDisposed', staffA, { commentId: 'c1', disposition: 'again' }))).toBe(false);
    expect(s.can(ev('notice.periodEnded', staffA, { factDate: '2024-04-08' }))).toBe(false);
    const closed = effects(s, ev('notice.periodEnded', scheduler, { factDate: '2024-04-08' }));
    expect(closed.next.value).toEqual({ preLaunch: 'conditions' });
    expect(closed.actions).toEqual([
      { type: 'cancelDeadline', params: { kind: 'noticeCloses', key: 'noticeCloses' } },
      {
        type: 'scheduleDeadline',
        params: { kind: 'commitmentDue', key: 'commitmentDue', rule: 'R-APP-6', basis: '2024-04-08' },
      },
    ]);
    expect(closed.next.context.notice).toEqual({ publishedOn: '2024-03-22', closedOn: '2024-04-08' });
  });

  it('R-APP-6: launch refused while a comment has no disposition', () => {
    const withComment = accept(
      toNotice(),
      ev('notice.commentLogged', staffA, { factDate: DAY, commentId: 'c1', summary: 's' }),
      ev('notice.periodEnded', scheduler, { factDate: '2024-04-08' }),
    );
    const s = accept(
      withComment,
      ev('risk.assessmentRecorded', staffA, { majorHiddenRisk: false }),
      ev('commitment.received', staffA, { factDate: '2024-04-10', documentRef: 'D' }),
    );
    expect(s.can(propose('launch'))).toBe(false);
    const disposed = accept(s, ev('notice.commentDisposed', staffA, { commentId: 'c1', disposition: 'answered' }));
    expect(disposed.can(propose('launch'))).toBe(true);
  });

  it('R-APP-6: launch refused without the written commitment, which stops its deadline', () => {
    const s = accept(toPreLaunch(), ev('risk.assessmentRecorded', staffA, { majorHiddenRisk: false }));
    expect(s.can(propose('launch'))).toBe(false);
    const { next, actions } = effects(
      s,
      ev('commitment.received', staffA, { factDate: '2024-04-10', documentRef: 'D' }),
    );
    expect(actions).toEqual([{ type: 'cancelDeadline', params: { kind: 'commitmentDue', key: 'commitmentDue' } }]);
    expect(next.context.commitmentReceivedOn).toBe('2024-04-10');
    expect(next.can(propose('launch'))).toBe(true);
  });

  it('R-APP-6: a major hidden risk blocks launch unless prevention and compensation mechanisms are recorded', () => {
    const base = accept(toPreLaunch(), ev('commitment.received', staffA, { factDate: '2024-04-10', documentRef: 'D' }));
    expect(base.can(propose('launch'))).toBe(false);
    expect(base.can(ev('risk.assessmentRecorded', staffA, { majorHiddenRisk: true }))).toBe(false);
    const mitigated = accept(
      base,
      ev('risk.assessmentRecorded', staffA, { majorHiddenRisk: true, mitigations: 'reserve fund' }),
    );
    expect(mitigated.context.riskAssessment).toEqual({ majorHiddenRisk: true, mitigations: 'reserve fund' });
    expect(mitigated.can(propose('launch'))).toBe(true);
    const clean = accept(base, ev('risk.assessmentRecorded', staffA, { majorHiddenRisk: false }));
    expect(clean.context.riskAssessment).toEqual({ majorHiddenRisk: false, mitigations: null });
  });

  it('R-APP-6: the announcement date, not before the commitment, is the launch date', () => {
    const s = accept(launchReady(), propose('launch'), confirm());
    expect(s.can(ev('launch.announced', staffA, { factDate: '2024-04-09' }))).toBe(false);
    expect(s.can(ev('launch.announced', reviewer(1), { factDate: '2024-04-15' }))).toBe(false);
    const { next, actions } = effects(s, ev('launch.announced', staffA, { factDate: '2024-04-15' }));
    expect(next.value).toEqual({ piloting: 'active' });
    expect(next.context.launchDate).toBe('2024-04-15');
    expect(actions).toEqual([
      { type: 'cancelDeadline', params: { kind: 'commitmentDue', key: 'commitmentDue' } },
      {
        type: 'scheduleDeadline',
        params: { kind: 'stageEvaluation', key: 'stageEvaluation', rule: 'R-EXIT-1', basis: '2024-04-15' },
      },
      {
        type: 'notify',
        params: { template: 'pilot.launched', audience: 'owner', rule: 'R-APP-6', data: { ref: 'P-1' } },
      },
    ]);
    const late = accept(launchReady(), propose('launch'));
    const withdrawn = accept(
      late,
      ev('decision.withdraw', staffA),
      ev('risk.assessmentRecorded', staffA, { majorHiddenRisk: true, mitigations: 'm' }),
    );
    expect(withdrawn.can(propose('launch'))).toBe(true);
  });
});
