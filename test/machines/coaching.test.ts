import { describe, expect, it } from 'vitest';
import { coachingValidOn, isCoachingValid } from '../../machines/coaching/machine.ts';
import {
  accept,
  admin,
  cev,
  coachingApplicant,
  coachingInput,
  DAY,
  effects,
  manager,
  scheduler,
  securitiesLead,
  staffA,
  staffB,
  startCoaching,
  toCoachingActive,
} from '../support/machines.ts';

describe('coaching lifecycle', () => {
  it('R-COA-1: only an eligible Shanghai tech company may submit for coaching; edits re-evaluate', () => {
    const s = startCoaching(coachingInput({ applicants: [securitiesLead] }));
    expect(s.context.eligibility.eligible).toBe(false);
    expect(s.can(cev('coaching.submit', staffA, { factDate: DAY }))).toBe(false);
    const fixed = accept(
      s,
      cev('coaching.update', staffA, { applicants: [coachingApplicant], title: 'T', ownerId: 'U_O' }),
    );
    expect(fixed.context).toMatchObject({ title: 'T', ownerId: 'U_O' });
    expect(accept(fixed, cev('coaching.update', staffA, {})).context).toMatchObject({ title: 'T', ownerId: 'U_O' });
    expect(accept(fixed, cev('coaching.submit', staffA, { factDate: DAY })).context.submittedOn).toBe(DAY);
    expect(fixed.can(cev('coaching.submit', admin, { factDate: DAY }))).toBe(false);
  });

  it('R-COA-2: coaching needs the undertaking not to run real business, and is no precondition for a pilot', () => {
    const s = startCoaching(coachingInput({ materials: ['projectPlan', 'technologyDescription'] }));
    expect(s.can(cev('coaching.submit', staffA, { factDate: DAY }))).toBe(false);
    const ok = accept(
      s,
      cev('coaching.update', staffA, {
        materials: ['projectPlan', 'technologyDescription', 'noRealBusinessUndertaking'],
      }),
    );
    expect(ok.can(cev('coaching.submit', staffA, { factDate: DAY }))).toBe(true);
  });

  it('R-COA-3: selection (two-person), professional evaluation and public notice mirror the pilot', () => {
    let s = accept(startCoaching(), cev('coaching.submit', staffA, { factDate: DAY }));
    expect(s.value).toBe('selection');
    s = accept(s, cev('decision.propose', staffA, { decisionKind: 'selectionPass' }));
    expect(s.can(cev('decision.confirm', staffA))).toBe(false);
    expect(s.can(cev('decision.propose', staffB, { decisionKind: 'selectionFilterOut', flaws: 'f' }))).toBe(false);
    expect(s.can(cev('decision.withdraw', staffB))).toBe(false);
    expect(accept(s, cev('decision.withdraw', manager)).context.pending).toBeNull();
    s = accept(s, cev('decision.confirm', staffB));
    expect(s.value).toEqual({ csrcEvaluation: 'toForward' });
    expect(s.can(cev('csrc.forwarded', admin, { factDate: DAY }))).toBe(false);
    const fwd = effects(s, cev('csrc.forwarded', staffA, { factDate: '2024-03-02' }));
    for (const outcome of ['passed', 'failed']) {
      expect(fwd.next.can(cev('csrc.evaluationRecorded', admin, { factDate: DAY, outcome, letterRef: 'L' }))).toBe(
        false,
      );
    }
    expect(
      accept(fwd.next, cev('csrc.evaluationRecorded', staffA, { factDate: DAY, outcome: 'passed', letterRef: 'L' }))
        .value,
    ).toBe('publicNotice');
    expect(fwd.actions).toEqual([
      {
        type: 'scheduleDeadline',
        params: { kind: 'csrcAnswerExpected', key: 'csrcAnswerExpected', rule: 'R-COA-3', basis: '2024-03-02' },
      },
    ]);
    const failed = accept(
      fwd.next,
      cev('csrc.evaluationRecorded', staffA, { factDate: DAY, outcome: 'failed', letterRef: 'L' }),
    );
    expect(failed.value).toBe('rejected');
    expect(failed.context.csrc).toEqual({
      forwardedOn: '2024-03-02',
      letterDate: DAY,
      outcome: 'failed',
      letterRef: 'L',
    });
    const out = accept(
      startCoaching(),
      cev('coaching.submit', staffA, { factDate: DAY }),
      cev('decision.propose', staffA, { decisionKind: 'selectionFilterOut', flaws: 'f' }),
      cev('decision.confirm', manager),
    );
    expect(out.value).toBe('rejected');
    expect(out.context.decisions[0]).toMatchObject({
      kind: 'selectionFilterOut',
      proposedBy: 'U_STAFF_A',
      confirmedBy: 'U_MANAGER',
      details: { flaws: 'f' },
    });
    for (const from of [
      startCoaching(),
      accept(startCoaching(), cev('coaching.submit', staffA, { factDate: DAY })),
      s,
    ]) {
      expect(accept(from, cev('application.withdraw', staffA, { factDate: DAY, reason: 'r' })).value).toBe('withdrawn');
    }
  });

  it('R-COA-4: coaching lasts one year from the publication date of its notice', () => {
    const s = accept(
      startCoaching(),
      cev('coaching.submit', staffA, { factDate: DAY }),
      cev('decision.propose', staffA, { decisionKind: 'selectionPass' }),
      cev('decision.confirm', staffB),
      cev('csrc.forwarded', staffA, { factDate: DAY }),
      cev('csrc.evaluationRecorded', staffA, { factDate: DAY, outcome: 'passed', letterRef: 'L' }),
    );
    expect(s.value).toBe('publicNotice');
    const { next, actions } = effects(s, cev('notice.published', staffA, { factDate: '2024-03-05' }));
    expect(next.value).toBe('active');
    expect(isCoachingValid(next)).toBe(true);
    expect(isCoachingValid(s)).toBe(false);
    expect(actions).toContainEqual({
      type: 'scheduleDeadline',
      params: { kind: 'coachingExpires', key: 'coachingExpires', rule: 'R-COA-4', basis: '2024-03-05' },
    });
    expect(next.can(cev('coaching.linkedToPilot', admin, { pilotRef: 'P-1' }))).toBe(false);
    expect(s.can(cev('notice.published', admin, { factDate: DAY }))).toBe(false);
    const linked = accept(next, cev('coaching.linkedToPilot', staffA, { pilotRef: 'P-1' }));
    expect(linked.context.linkedPilots).toEqual(['P-1']);
    expect(linked.can(cev('coaching.linkedToPilot', staffA, { pilotRef: 'P-1' }))).toBe(false);
  });

  it('R-COA-7: validity is judged on a given day: from the publication through the expiry day, before a revocation', () => {
    const before = accept(startCoaching(), cev('coaching.submit', staffA, { factDate: DAY }));
    expect(coachingValidOn(before, '2024-03-05')).toBe(false);
    const s = toCoachingActive();
    expect(s.context.csrc.letterRef).toBe('L');
    expect(coachingValidOn(s, '2024-03-04')).toBe(false);
    expect(coachingValidOn(s, '2024-03-05')).toBe(true);
    expect(coachingValidOn(s, '2025-01-10')).toBe(true);
    const expired = accept(s, cev('coaching.expired', scheduler, { factDate: '2025-03-05' }));
    expect(coachingValidOn(expired, '2025-03-04')).toBe(true);
    expect(coachingValidOn(expired, '2025-03-05')).toBe(true);
    expect(coachingValidOn(expired, '2025-03-06')).toBe(false);
    expect(coachingValidOn(expired, '2024-03-04')).toBe(false);
    const closed = accept(expired, cev('notice.removed', staffA, { factDate: '2025-03-10' }));
    expect(coachingValidOn(closed, '2025-03-05')).toBe(true);
    expect(coachingValidOn(closed, '2025-03-07')).toBe(false);
    const revoked = accept(
      s,
      cev('decision.propose', staffA, { decisionKind: 'revocation', violation: 'ran real business' }),
      cev('decision.confirm', staffB, { recordedAt: '2024-08-01T02:00:00Z' }),
    );
    expect(coachingValidOn(revoked, '2024-07-31')).toBe(true);
    expect(coachingValidOn(revoked, '2024-08-01')).toBe(false);
    const withdrawn = accept(startCoaching(), cev('application.withdraw', staffA, { factDate: DAY, reason: 'r' }));
    expect(
      coachingValidOn({ ...withdrawn, context: { ...withdrawn.context, publishedOn: '2024-01-01' } }, '2024-06-01'),
    ).toBe(false);
    const noRemoval = { ...expired, context: { ...expired.context, removal: null } };
    expect(coachingValidOn(noRemoval, '2025-03-01')).toBe(false);
  });

  it('R-COA-5: expiry removes the public notice information before the coaching closes', () => {
    const s = toCoachingActive();
    expect(s.can(cev('coaching.expired', staffA, { factDate: '2025-03-05' }))).toBe(false);
    const expired = effects(s, cev('coaching.expired', scheduler, { factDate: '2025-03-05' }));
    expect(expired.next.value).toBe('removingNotice');
    expect(isCoachingValid(expired.next)).toBe(false);
    expect(expired.actions).toEqual([
      { type: 'cancelDeadline', params: { kind: 'coachingExpires', key: 'coachingExpires' } },
      {
        type: 'notify',
        params: {
          template: 'coaching.removeNotice',
          audience: 'owner',
          rule: 'R-COA-5',
          data: { ref: 'C-1', reason: 'expired' },
        },
      },
      {
        type: 'scheduleDeadline',
        params: {
          kind: 'coachingNoticeRemoval',
          key: 'coachingNoticeRemoval',
          rule: 'R-COA-5',
          basis: '2025-03-05',
        },
      },
    ]);
    expect(expired.next.can(cev('coaching.linkedToPilot', staffA, { pilotRef: 'P-2' }))).toBe(false);
    const removed = effects(expired.next, cev('notice.removed', staffA, { factDate: '2025-03-06' }));
    // The removal's due date ends with the removal; closing cancels whatever else was open.
    expect(removed.actions).toEqual([
      { type: 'cancelDeadline', params: { kind: 'coachingNoticeRemoval', key: 'coachingNoticeRemoval' } },
      { type: 'cancelAllDeadlines', params: { reason: 'closed' } },
    ]);
    const closed = removed.next;
    expect(closed.value).toBe('closed');
    expect(closed.status).toBe('done');
    expect(closed.context.removedOn).toBe('2025-03-06');
  });

  it('R-COA-5: a violation revokes coaching by a two-person decision, then the notice is removed', () => {
    const s = accept(
      toCoachingActive(),
      cev('decision.propose', staffA, { decisionKind: 'revocation', violation: 'ran real business' }),
    );
    expect(s.can(cev('decision.confirm', staffA))).toBe(false);
    expect(
      toCoachingActive().can(cev('decision.propose', manager, { decisionKind: 'revocation', violation: 'v' })),
    ).toBe(false);
    const { next, actions } = effects(s, cev('decision.confirm', staffB, { recordedAt: '2024-08-01T02:00:00Z' }));
    expect(next.value).toBe('removingNotice');
    expect(next.context.removal).toEqual({ reason: 'violation', on: '2024-08-01' });
    expect(next.context.pending).toBeNull();
    expect(actions[1]).toEqual({
      type: 'notify',
      params: {
        template: 'coaching.removeNotice',
        audience: 'owner',
        rule: 'R-COA-5',
        data: { ref: 'C-1', reason: 'violation' },
      },
    });
    // R-COA-5: the removal is due from the day the revocation was confirmed.
    expect(actions[2]).toEqual({
      type: 'scheduleDeadline',
      params: { kind: 'coachingNoticeRemoval', key: 'coachingNoticeRemoval', rule: 'R-COA-5', basis: '2024-08-01' },
    });
    expect(accept(s, cev('decision.withdraw', staffA)).context.pending).toBeNull();
    expect(s.can(cev('decision.confirm', admin))).toBe(false);
    expect(toCoachingActive().can(cev('decision.propose', admin, { decisionKind: 'revocation', violation: 'v' }))).toBe(
      false,
    );
    expect(toCoachingActive().can(cev('decision.propose', staffA, { decisionKind: 'selectionPass' }))).toBe(false);
  });
});
