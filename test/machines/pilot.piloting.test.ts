import { describe, expect, it } from 'vitest';
import { EXIT_ITEMS, INCENTIVES } from '../../machines/pilot/events.ts';
import { faultToleranceOf } from '../../machines/pilot/guards.ts';
import {
  accept,
  admin,
  confirm,
  DAY,
  effects,
  ev,
  manager,
  propose,
  proposeSanction,
  reportViolation,
  reviewer,
  scheduler,
  staffA,
  staffB,
  toPiloting,
} from '../support/machines.ts';

const evaluate = (outcome: string, factDate = '2025-04-20') =>
  ev('evaluation.recorded', staffA, { factDate, outcome, summary: 's' });
const incident = (id = 'i1', occurredAt = '2024-05-01T18:30:00Z', factDate = '2024-05-02') =>
  ev('incident.occurred', staffA, {
    factDate,
    incidentId: id,
    incidentKind: 'securityIncident',
    occurredAt,
    summary: 's',
  });
const assess = (
  id: string,
  actualInvestorLoss: boolean,
  lossesCompensated: boolean,
  marketStabilityAffected: boolean,
) =>
  ev('incident.faultToleranceAssessed', staffA, {
    incidentId: id,
    actualInvestorLoss,
    lossesCompensated,
    marketStabilityAffected,
  });
const closeExit = (s: ReturnType<typeof toPiloting>) =>
  accept(
    s,
    ...EXIT_ITEMS.map((item) => ev('exit.checklistItemDone', staffA, { factDate: DAY, item })),
    ev('exit.closed', staffA, { factDate: DAY }),
  );

describe('supervision while piloting', () => {
  it('R-SUP-1: the machine allows reports while piloting and schedules none itself (the report calendar does)', () => {
    const s = toPiloting();
    const periodId = '0b7c6d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e';
    const periodic = effects(
      s,
      ev('report.received', staffA, { factDate: '2024-07-20', reportKind: 'periodic', periodId, summary: 'Q1' }),
    );
    // Decision 023: each period's deadline is a row of the report calendar (src/reports), never a chained effect.
    expect(periodic.actions).toEqual([]);
    const adHoc = effects(
      periodic.next,
      ev('report.received', staffA, { factDate: '2024-07-21', reportKind: 'adHoc', summary: 'x' }),
    );
    expect(adHoc.actions).toEqual([]);
    expect(adHoc.next.context.periodicReports).toBe(1);
    expect(adHoc.next.context.reports.map((r) => r.kind)).toEqual(['periodic', 'adHoc']);
    expect(s.can(ev('report.received', reviewer(1), { factDate: DAY, reportKind: 'adHoc', summary: 'x' }))).toBe(false);
  });

  it('R-SUP-2: inspections are scheduled and their findings recorded', () => {
    const s = toPiloting();
    const scheduled = effects(
      s,
      ev('inspection.scheduled', staffA, {
        inspectionId: 'x1',
        authority: 'csrcBureau',
        mode: 'offSite',
        scheduledFor: '2024-06-10',
      }),
    );
    expect(scheduled.actions).toEqual([
      {
        type: 'scheduleDeadline',
        params: { kind: 'inspection', key: 'inspection:x1', rule: 'R-SUP-2', basis: '2024-06-10' },
      },
    ]);
    expect(
      scheduled.next.can(
        ev('inspection.scheduled', staffA, {
          inspectionId: 'x1',
          authority: 'csrcBureau',
          mode: 'offSite',
          scheduledFor: DAY,
        }),
      ),
    ).toBe(false);
    expect(
      scheduled.next.can(
        ev('inspection.findingsRecorded', staffA, { factDate: DAY, inspectionId: 'x2', findings: 'f' }),
      ),
    ).toBe(false);
    const found = effects(
      scheduled.next,
      ev('inspection.findingsRecorded', staffA, { factDate: '2024-06-12', inspectionId: 'x1', findings: 'ok' }),
    );
    expect(found.actions).toEqual([{ type: 'cancelDeadline', params: { kind: 'inspection', key: 'inspection:x1' } }]);
    expect(found.next.context.inspections.x1).toEqual({
      authority: 'csrcBureau',
      mode: 'offSite',
      scheduledFor: '2024-06-10',
      findingsOn: '2024-06-12',
    });
    expect(
      found.next.can(ev('inspection.findingsRecorded', staffA, { factDate: DAY, inspectionId: 'x1', findings: 'f' })),
    ).toBe(false);
  });

  it('R-SUP-3: guidance and new issues are recorded; relayed CSRC guidance is recorded on the project and sent to its owner', () => {
    const s = accept(
      toPiloting(),
      ev('guidance.recorded', staffA, { factDate: '2024-05-01', guidanceKind: 'issueFound', summary: 'slow KYC' }),
    );
    const relayed = effects(
      s,
      ev('guidance.relayed', staffA, { factDate: '2024-05-03', noticeRef: 'CSRC-7', summary: 'data rules' }),
    );
    expect(relayed.actions).toEqual([
      {
        type: 'notify',
        params: { template: 'guidance.relayed', audience: 'owner', rule: 'R-SUP-3', data: { ref: 'P-1' } },
      },
    ]);
    expect(relayed.next.context.guidance).toEqual([
      { kind: 'issueFound', on: '2024-05-01', summary: 'slow KYC', noticeRef: null },
      { kind: 'csrcRelayed', on: '2024-05-03', summary: 'data rules', noticeRef: 'CSRC-7' },
    ]);
  });

  it('R-SUP-4: a complaint is acknowledged and resolved within its deadlines', () => {
    const logged = effects(
      toPiloting(),
      ev('complaint.logged', staffA, { factDate: '2024-05-06', complaintId: 'k1', summary: 's' }),
    );
    expect(logged.actions).toEqual([
      {
        type: 'scheduleDeadline',
        params: { kind: 'complaintAcknowledge', key: 'complaintAcknowledge:k1', rule: 'R-SUP-4', basis: '2024-05-06' },
      },
      {
        type: 'scheduleDeadline',
        params: { kind: 'complaintResolve', key: 'complaintResolve:k1', rule: 'R-SUP-4', basis: '2024-05-06' },
      },
    ]);
    expect(logged.next.can(ev('complaint.logged', staffA, { factDate: DAY, complaintId: 'k1', summary: 's' }))).toBe(
      false,
    );
    expect(logged.next.can(ev('complaint.acknowledged', staffA, { factDate: DAY, complaintId: 'k2' }))).toBe(false);
    const ack = effects(
      logged.next,
      ev('complaint.acknowledged', staffA, { factDate: '2024-05-07', complaintId: 'k1' }),
    );
    expect(ack.actions).toEqual([
      { type: 'cancelDeadline', params: { kind: 'complaintAcknowledge', key: 'complaintAcknowledge:k1' } },
    ]);
    expect(ack.next.can(ev('complaint.acknowledged', staffA, { factDate: DAY, complaintId: 'k1' }))).toBe(false);
    const resolved = effects(
      ack.next,
      ev('complaint.resolved', staffA, { factDate: '2024-05-20', complaintId: 'k1', outcome: 'refund' }),
    );
    expect(resolved.actions).toEqual([
      { type: 'cancelDeadline', params: { kind: 'complaintAcknowledge', key: 'complaintAcknowledge:k1' } },
      { type: 'cancelDeadline', params: { kind: 'complaintResolve', key: 'complaintResolve:k1' } },
    ]);
    expect(resolved.next.context.complaints.k1).toEqual({
      receivedOn: '2024-05-06',
      acknowledgedOn: '2024-05-07',
      resolvedOn: '2024-05-20',
    });
    expect(
      resolved.next.can(ev('complaint.resolved', staffA, { factDate: DAY, complaintId: 'k1', outcome: 'o' })),
    ).toBe(false);
    expect(resolved.next.can(ev('complaint.acknowledged', staffA, { factDate: DAY, complaintId: 'k1' }))).toBe(false);
    // Resolved without ever being acknowledged: acknowledging it afterwards is refused too (the guard's own condition).
    const direct = effects(
      logged.next,
      ev('complaint.resolved', staffA, { factDate: '2024-05-08', complaintId: 'k1', outcome: 'explained' }),
    );
    expect(direct.next.context.complaints.k1?.acknowledgedOn).toBeNull();
    expect(direct.next.can(ev('complaint.acknowledged', staffA, { factDate: DAY, complaintId: 'k1' }))).toBe(false);
  });

  it('R-SUP-5: an incident’s first report is due 24 clock hours after it occurred', () => {
    const s = toPiloting();
    expect(s.can(incident('i1', '2024-05-01T18:30:00Z', '2024-05-01'))).toBe(false);
    const occurred = effects(s, incident());
    expect(occurred.actions).toEqual([
      {
        type: 'scheduleDeadline',
        params: {
          kind: 'incidentFirstReport',
          key: 'incidentFirstReport:i1',
          rule: 'R-SUP-5',
          basis: '2024-05-01T18:30:00Z',
        },
      },
      {
        type: 'notify',
        params: { template: 'incident.occurred', audience: 'managers', rule: 'R-SUP-5', data: { ref: 'P-1' } },
      },
    ]);
    expect(occurred.next.can(incident())).toBe(false);
    expect(
      occurred.next.can(
        ev('incident.reportReceived', staffA, { factDate: DAY, incidentId: 'i9', stage: 'first', summary: 's' }),
      ),
    ).toBe(false);
    const reported = effects(
      occurred.next,
      ev('incident.reportReceived', staffA, { factDate: '2024-05-02', incidentId: 'i1', stage: 'first', summary: 's' }),
    );
    expect(reported.actions).toEqual([
      { type: 'cancelDeadline', params: { kind: 'incidentFirstReport', key: 'incidentFirstReport:i1' } },
    ]);
    expect(reported.next.context.incidents.i1?.reports).toEqual([{ stage: 'first', on: '2024-05-02' }]);
  });

  it('R-SUP-5: a handling or final report does not close the first report’s 24-hour clock', () => {
    const s = accept(toPiloting(), incident());
    const handling = effects(
      s,
      ev('incident.reportReceived', staffA, {
        factDate: '2024-05-02',
        incidentId: 'i1',
        stage: 'handling',
        summary: 's',
      }),
    );
    expect(handling.actions).toEqual([]);
    expect(handling.next.context.incidents.i1?.reports).toEqual([{ stage: 'handling', on: '2024-05-02' }]);
    const first = effects(
      handling.next,
      ev('incident.reportReceived', staffA, { factDate: '2024-05-02', incidentId: 'i1', stage: 'first', summary: 's' }),
    );
    expect(first.actions).toEqual([
      { type: 'cancelDeadline', params: { kind: 'incidentFirstReport', key: 'incidentFirstReport:i1' } },
    ]);
  });
});

describe('fault tolerance', () => {
  it('R-TOL-1: an incident qualifies without uncompensated investor loss and without market effect', () => {
    let s = accept(toPiloting(), incident('a'), incident('b'), incident('c'), incident('d'));
    expect(s.can(assess('a', false, true, false))).toBe(false);
    expect(s.can(assess('zz', false, false, false))).toBe(false);
    s = accept(s, assess('a', false, false, false), assess('b', true, true, false), assess('c', true, false, false));
    expect(faultToleranceOf(s.context)).toEqual([
      { incidentId: 'a', assessed: true, qualifies: true },
      { incidentId: 'b', assessed: true, qualifies: true },
      { incidentId: 'c', assessed: true, qualifies: false },
      { incidentId: 'd', assessed: false, qualifies: false },
    ]);
    const affected = accept(s, assess('d', false, false, true));
    expect(faultToleranceOf(affected.context)[3]).toEqual({ incidentId: 'd', assessed: true, qualifies: false });
    expect(affected.context.incidents.d?.faultTolerance).toEqual({
      actualInvestorLoss: false,
      lossesCompensated: false,
      marketStabilityAffected: true,
    });
  });

  it('R-TOL-1: the fault-tolerance facts travel with the sanction proposal and decision', () => {
    const s = accept(toPiloting(), incident('a'), assess('a', false, false, false), reportViolation('minor'));
    const proposed = effects(s, proposeSanction('suspend'));
    expect(proposed.next.context.pending).toEqual({
      kind: 'sanction',
      proposedBy: 'U_STAFF_A',
      proposedAt: '2024-03-01T02:00:00Z',
      details: { measure: 'suspend', bureauDecisionDate: '2024-06-05', summary: 's' },
    });
    expect(proposed.actions[0]?.params.faultTolerance).toEqual([{ incidentId: 'a', assessed: true, qualifies: true }]);
    const decided = effects(proposed.next, confirm());
    expect(decided.actions).toContainEqual({
      type: 'notify',
      params: {
        template: 'sanction.decided',
        audience: 'managers',
        rule: 'R-EXIT-5',
        data: { ref: 'P-1', measure: 'suspend', reportedOn: '2024-06-01', bureauDecisionDate: '2024-06-05' },
        faultTolerance: [{ incidentId: 'a', assessed: true, qualifies: true }],
      },
    });
    expect(decided.next.context.sanctions).toEqual([
      {
        measure: 'suspend',
        reportedOn: '2024-06-01',
        bureauDecisionDate: '2024-06-05',
        severity: 'minor',
        faultTolerance: [{ incidentId: 'a', assessed: true, qualifies: true }],
      },
    ]);
  });
});

describe('evaluation, conversion and incentives', () => {
  it('R-EXIT-1: the first stage evaluation falls due from the launch date; any outcome clears it', () => {
    const { actions } = effects(toPiloting(), evaluate('metGoals'));
    expect(actions).toEqual([
      { type: 'cancelDeadline', params: { kind: 'stageEvaluation', key: 'stageEvaluation' } },
      { type: 'cancelDeadline', params: { kind: 'nextStageEvaluation', key: 'nextStageEvaluation' } },
    ]);
    expect(
      toPiloting().can(ev('evaluation.recorded', reviewer(1), { factDate: DAY, outcome: 'metGoals', summary: 's' })),
    ).toBe(false);
  });

  it('R-EXIT-2: goals met converts to regular operation only by a two-person decision', () => {
    const met = accept(toPiloting(), evaluate('metGoals'));
    expect(met.value).toEqual({ piloting: 'goalsMet' });
    expect(toPiloting().can(propose('conversion'))).toBe(false);
    const proposed = accept(met, propose('conversion'));
    expect(proposed.can(confirm(staffA))).toBe(false);
    const { next } = effects(proposed, confirm(manager));
    expect(next.value).toBe('regularOperation');
    expect(next.status).toBe('done');
  });

  it('R-EXIT-2: a conversion proposed before a violation report is not confirmed while the case is open', () => {
    const s = accept(toPiloting(), evaluate('metGoals'), propose('conversion'), reportViolation());
    expect(s.can(confirm())).toBe(false);
    expect(accept(toPiloting(), evaluate('metGoals'), reportViolation()).can(propose('conversion'))).toBe(false);
  });

  it('R-INC-1: conversion produces the incentives checklist', () => {
    const { actions } = effects(accept(toPiloting(), evaluate('metGoals'), propose('conversion')), confirm());
    expect(actions).toContainEqual({
      type: 'produceChecklist',
      params: { kind: 'incentives', rule: 'R-INC-1', items: [...INCENTIVES] },
    });
    expect(actions).toContainEqual({ type: 'cancelAllDeadlines', params: { reason: 'regularOperation' } });
  });

  it('R-EXIT-3: not passed keeps piloting under guidance and schedules the next evaluation', () => {
    const { next, actions } = effects(toPiloting(), evaluate('notPassed', '2025-04-20'));
    expect(next.value).toEqual({ piloting: 'underGuidance' });
    expect(actions).toEqual([
      { type: 'cancelDeadline', params: { kind: 'stageEvaluation', key: 'stageEvaluation' } },
      {
        type: 'scheduleDeadline',
        params: { kind: 'nextStageEvaluation', key: 'nextStageEvaluation', rule: 'R-EXIT-3', basis: '2025-04-20' },
      },
    ]);
    const again = effects(next, evaluate('notPassed', '2026-04-20'));
    expect(again.actions).toContainEqual({
      type: 'scheduleDeadline',
      params: { kind: 'nextStageEvaluation', key: 'nextStageEvaluation', rule: 'R-EXIT-3', basis: '2026-04-20' },
    });
    expect(accept(next, evaluate('metGoals')).value).toEqual({ piloting: 'goalsMet' });
    expect(accept(next, evaluate('considerableRisk')).value).toEqual({ piloting: 'riskFound' });
  });

  it('R-EXIT-4: considerable risk leads to rectification with a deadline, or to a forced exit', () => {
    const risk = accept(toPiloting(), evaluate('considerableRisk'));
    expect(risk.value).toEqual({ piloting: 'riskFound' });
    expect(
      risk.can(
        ev('rectification.required', staffA, { factDate: '2025-04-21', requirements: 'r', dueDate: '2025-04-21' }),
      ),
    ).toBe(false);
    const withDue = effects(
      risk,
      ev('rectification.required', staffA, { factDate: '2025-04-21', requirements: 'r', dueDate: '2025-06-30' }),
    );
    expect(withDue.actions).toEqual([
      {
        type: 'scheduleDeadline',
        params: {
          kind: 'rectificationDue',
          key: 'rectificationDue',
          rule: 'R-EXIT-4',
          basis: '2025-04-21',
          dueDate: '2025-06-30',
        },
      },
    ]);
    const defaultDue = effects(
      risk,
      ev('rectification.required', staffA, { factDate: '2025-04-21', requirements: 'r' }),
    );
    expect(defaultDue.actions).toEqual([
      {
        type: 'scheduleDeadline',
        params: { kind: 'rectificationDue', key: 'rectificationDue', rule: 'R-EXIT-4', basis: '2025-04-21' },
      },
    ]);
    const done = effects(
      defaultDue.next,
      ev('rectification.completed', staffA, { factDate: '2025-06-01', summary: 'fixed' }),
    );
    expect(done.next.value).toEqual({ piloting: 'active' });
    expect(done.actions).toEqual([
      { type: 'cancelDeadline', params: { kind: 'rectificationDue', key: 'rectificationDue' } },
      {
        type: 'scheduleDeadline',
        params: { kind: 'nextStageEvaluation', key: 'nextStageEvaluation', rule: 'R-EXIT-3', basis: '2025-06-01' },
      },
    ]);
    expect(done.next.context.rectification).toEqual({
      requiredOn: '2025-04-21',
      dueDate: null,
      requirements: 'r',
      completedOn: '2025-06-01',
    });
    const forced = accept(defaultDue.next, propose('forcedExit', staffA, { reason: 'not fixed' }));
    expect(forced.can(confirm(staffA))).toBe(false);
    const exiting = accept(forced, confirm());
    expect(exiting.value).toBe('exiting');
    expect(exiting.context.exit).toEqual({
      mode: 'forced',
      startedOn: '2024-03-01',
      reason: 'not fixed',
      done: [],
      closedOn: null,
    });
    expect(accept(risk, propose('forcedExit', staffA, { reason: 'x' }), confirm()).value).toBe('exiting');
    expect(toPiloting().can(propose('forcedExit', staffA, { reason: 'x' }))).toBe(false);
  });
});

describe('sanctions', () => {
  it('R-EXIT-5: the Shanghai bureau decides only after the SWG reported to the CSRC, and not before that date', () => {
    const s = toPiloting();
    expect(s.can(proposeSanction('suspend'))).toBe(false);
    const reported = effects(s, reportViolation('minor'));
    expect(reported.actions).toEqual([
      {
        type: 'notify',
        params: { template: 'sanction.reportedToCsrc', audience: 'managers', rule: 'R-EXIT-5', data: { ref: 'P-1' } },
      },
    ]);
    expect(reported.next.context.sanctionCase).toEqual({
      reportedOn: '2024-06-01',
      violation: 'commitment',
      severity: 'minor',
      summary: 's',
    });
    expect(reported.next.can(reportViolation())).toBe(false);
    expect(reported.next.can(proposeSanction('suspend', '2024-05-31'))).toBe(false);
    expect(reported.next.can(proposeSanction('suspend', '2024-06-01'))).toBe(true);
  });

  it('R-EXIT-5: the measure follows the severity: minor suspends or stops, serious takes administrative measures, crime is referred', () => {
    const minor = accept(toPiloting(), reportViolation('minor'));
    expect(
      ['suspend', 'stop', 'administrativeMeasures', 'referral', 'resume'].filter((m) => minor.can(proposeSanction(m))),
    ).toEqual(['suspend', 'stop']);
    const serious = accept(toPiloting(), reportViolation('serious'));
    expect(
      ['suspend', 'stop', 'administrativeMeasures', 'referral', 'resume'].filter((m) =>
        serious.can(proposeSanction(m)),
      ),
    ).toEqual(['administrativeMeasures']);
    const crime = accept(toPiloting(), reportViolation('suspectedCrime'));
    expect(
      ['suspend', 'stop', 'administrativeMeasures', 'referral', 'resume'].filter((m) => crime.can(proposeSanction(m))),
    ).toEqual(['referral']);
  });

  it('R-EXIT-5: every sanction needs a second person; a suspension is lifted or ends in a stop', () => {
    const proposed = accept(toPiloting(), reportViolation('minor'), proposeSanction('suspend'));
    expect(proposed.can(confirm(staffA))).toBe(false);
    expect(proposed.can(confirm(admin))).toBe(false);
    const suspended = accept(proposed, confirm());
    expect(suspended.value).toEqual({ piloting: 'suspended' });
    expect(suspended.context.sanctionCase).not.toBeNull();
    expect(
      ['suspend', 'stop', 'administrativeMeasures', 'referral', 'resume'].filter((m) =>
        suspended.can(proposeSanction(m)),
      ),
    ).toEqual(['stop', 'resume']);
    const resumed = accept(suspended, proposeSanction('resume', '2024-07-01'), confirm());
    expect(resumed.value).toEqual({ piloting: 'active' });
    expect(resumed.context.sanctionCase).toBeNull();
    expect(resumed.context.sanctions.map((x) => x.measure)).toEqual(['suspend', 'resume']);
    const stopped = accept(suspended, proposeSanction('stop', '2024-07-01'), confirm());
    expect(stopped.value).toBe('exiting');
    expect(stopped.context.exit).toMatchObject({ mode: 'forced', startedOn: '2024-07-01', reason: 's' });
    expect(stopped.context.sanctionCase).toBeNull();
  });

  it('R-EXIT-5: administrative measures and referrals are followed by a resumption, a suspension or a stop', () => {
    for (const [severity, measure] of [
      ['serious', 'administrativeMeasures'],
      ['suspectedCrime', 'referral'],
    ] as const) {
      const after = accept(toPiloting(), reportViolation(severity), proposeSanction(measure), confirm());
      expect(after.value).toEqual({ piloting: 'awaitingFollowUp' });
      expect(
        ['suspend', 'stop', 'administrativeMeasures', 'referral', 'resume'].filter((m) =>
          after.can(proposeSanction(m)),
        ),
      ).toEqual(['suspend', 'stop', 'resume']);
      expect(accept(after, proposeSanction('suspend'), confirm()).value).toEqual({ piloting: 'suspended' });
      expect(accept(after, proposeSanction('resume'), confirm()).value).toEqual({ piloting: 'active' });
      expect(accept(after, proposeSanction('stop'), confirm()).value).toBe('exiting');
    }
    const direct = accept(toPiloting(), reportViolation('minor'), proposeSanction('stop'), confirm());
    expect(direct.value).toBe('exiting');
    expect(direct.context.exit?.mode).toBe('forced');
  });

  it('R-EXIT-5: sanctions apply from every piloting state, and a proposal can be withdrawn', () => {
    const states = [
      accept(toPiloting(), evaluate('notPassed')),
      accept(toPiloting(), evaluate('metGoals')),
      accept(toPiloting(), evaluate('considerableRisk')),
      accept(
        toPiloting(),
        evaluate('considerableRisk'),
        ev('rectification.required', staffA, { factDate: DAY, requirements: 'r' }),
      ),
    ];
    for (const s of states) {
      const proposed = accept(s, reportViolation('minor'), proposeSanction('suspend'));
      expect(accept(proposed, confirm()).value).toEqual({ piloting: 'suspended' });
      expect(accept(proposed, ev('decision.withdraw', staffA)).context.pending).toBeNull();
      expect(proposed.can(ev('decision.withdraw', staffB))).toBe(false);
      expect(accept(s, reportViolation('minor'), proposeSanction('stop'), confirm()).value).toBe('exiting');
      expect(accept(s, reportViolation('serious'), proposeSanction('administrativeMeasures'), confirm()).value).toEqual(
        { piloting: 'awaitingFollowUp' },
      );
      expect(accept(s, reportViolation('suspectedCrime'), proposeSanction('referral'), confirm()).value).toEqual({
        piloting: 'awaitingFollowUp',
      });
    }
  });
});

describe('exit and local support', () => {
  it('R-EXIT-6: a voluntary exit produces the exit-plan checklist and closes only when it is done', () => {
    const s = toPiloting();
    expect(accept(s, reportViolation()).can(ev('exit.requested', staffA, { factDate: DAY, reason: 'r' }))).toBe(false);
    expect(
      accept(s, evaluate('metGoals'), propose('conversion')).can(
        ev('exit.requested', staffA, { factDate: DAY, reason: 'r' }),
      ),
    ).toBe(false);
    const { next, actions } = effects(s, ev('exit.requested', staffA, { factDate: '2024-09-01', reason: 'strategy' }));
    expect(next.value).toBe('exiting');
    expect(actions).toEqual([
      { type: 'cancelDeadline', params: { kind: 'stageEvaluation', key: 'stageEvaluation' } },
      { type: 'cancelDeadline', params: { kind: 'nextStageEvaluation', key: 'nextStageEvaluation' } },
      { type: 'cancelDeadline', params: { kind: 'rectificationDue', key: 'rectificationDue' } },
      { type: 'produceChecklist', params: { kind: 'exitPlan', rule: 'R-EXIT-6', items: [...EXIT_ITEMS] } },
      {
        type: 'notify',
        params: { template: 'exit.started', audience: 'owner', rule: 'R-EXIT-6', data: { ref: 'P-1' } },
      },
      {
        type: 'scheduleDeadline',
        params: { kind: 'exitPlanDue', key: 'exitPlanDue', rule: 'R-EXIT-6', basis: '2024-09-01' },
      },
    ]);
    expect(next.context.exit).toEqual({
      mode: 'voluntary',
      startedOn: '2024-09-01',
      reason: 'strategy',
      done: [],
      closedOn: null,
    });
    let partial = next;
    for (const item of EXIT_ITEMS.slice(0, 3))
      partial = accept(partial, ev('exit.checklistItemDone', staffA, { factDate: DAY, item }));
    expect(partial.can(ev('exit.closed', staffA, { factDate: DAY }))).toBe(false);
    expect(partial.can(ev('exit.checklistItemDone', staffA, { factDate: DAY, item: EXIT_ITEMS[0] }))).toBe(false);
    // Investors stay protected while the project exits.
    expect(partial.can(ev('complaint.logged', staffA, { factDate: DAY, complaintId: 'k', summary: 's' }))).toBe(true);
    const closed = closeExit(next);
    expect(closed.value).toBe('exited');
    expect(closed.status).toBe('done');
    expect(closed.context.exit?.closedOn).toBe(DAY);
    expect(closed.context.exit?.ticks).toEqual(EXIT_ITEMS.map((item) => ({ item, by: 'U_STAFF_A', on: DAY })));
    expect(
      closeExit(accept(s, evaluate('considerableRisk'), propose('forcedExit', staffA, { reason: 'x' }), confirm()))
        .value,
    ).toBe('exited');
    expect(s.can(ev('exit.requested', reviewer(1), { factDate: DAY, reason: 'r' }))).toBe(false);
  });

  it('R-EXIT-6: the checklist is due from the start of the exit, each tick says who and when, the due date ends with the exit', () => {
    const forced = accept(
      toPiloting(),
      evaluate('considerableRisk'),
      propose('forcedExit', staffA, { reason: 'x', bureauDecisionDate: '2024-10-08' }),
    );
    const { next, actions } = effects(forced, confirm());
    expect(next.value).toBe('exiting');
    expect(actions).toContainEqual({
      type: 'scheduleDeadline',
      params: { kind: 'exitPlanDue', key: 'exitPlanDue', rule: 'R-EXIT-6', basis: next.context.exit!.startedOn },
    });
    const ticked = effects(
      next,
      ev('exit.checklistItemDone', staffB, { factDate: '2024-10-20', item: 'investorsNotified' }),
    );
    expect(ticked.next.context.exit?.ticks).toEqual([{ item: 'investorsNotified', by: 'U_STAFF_B', on: '2024-10-20' }]);
    expect(ticked.next.context.exit?.done).toEqual(['investorsNotified']);
    expect(ticked.actions).toEqual([]);
    let all = ticked.next;
    for (const item of EXIT_ITEMS.slice(1))
      all = accept(all, ev('exit.checklistItemDone', staffA, { factDate: '2024-11-01', item }));
    const closing = effects(all, ev('exit.closed', staffA, { factDate: '2024-11-02' }));
    expect(closing.next.value).toBe('exited');
    expect(closing.actions.map((a) => [a.type, a.params?.kind ?? a.params?.reason])).toEqual([
      ['cancelDeadline', 'exitPlanDue'],
      ['cancelAllDeadlines', 'exited'],
    ]);
    // A snapshot written before ticks were kept has none: the first tick starts the list.
    const old = { ...next, context: { ...next.context, exit: { ...next.context.exit!, ticks: undefined } } };
    const first = effects(
      old as typeof next,
      ev('exit.checklistItemDone', staffA, { factDate: DAY, item: 'exitPlanExecuted' }),
    );
    expect(first.next.context.exit?.ticks).toEqual([{ item: 'exitPlanExecuted', by: 'U_STAFF_A', on: DAY }]);
  });

  it('R-INC-2: local support is recorded on a piloting project and while it exits', () => {
    const support = ev('support.recorded', staffA, {
      factDate: '2024-10-01',
      programme: 'zhangjiangSpecialFunds',
      status: 'granted',
      beneficiary: 'project',
    });
    const s = accept(toPiloting(), support);
    expect(s.context.support).toEqual([
      { programme: 'zhangjiangSpecialFunds', status: 'granted', beneficiary: 'project', on: '2024-10-01' },
    ]);
    expect(accept(s, ev('exit.requested', staffA, { factDate: DAY, reason: 'r' })).can(support)).toBe(true);
    expect(s.can({ ...support, actor: scheduler })).toBe(false);
  });
});
