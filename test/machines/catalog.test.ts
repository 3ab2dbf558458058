import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { availableActions } from '../../machines/available-actions.ts';
import {
  COACHING_EVENTS,
  COACHING_STATES,
  DEADLINES,
  DEFAULT_SETTINGS,
  type EventInfo,
  PILOT_EVENTS,
  PILOT_STATES,
} from '../../machines/catalog.ts';
import { EXIT_ITEMS, INCENTIVES, parsePilotEvent, pilotEventSchemas } from '../../machines/pilot/events.ts';
import { evaluateCoachingEligibility, evaluatePilotEligibility } from '../../machines/shared/eligibility.ts';
import { optionLabelKey } from '../../machines/shared/fields.ts';
import { INSTITUTION_TYPES } from '../../machines/shared/institutions.ts';
import { labels, t } from '../../machines/shared/labels.ts';
import { NOTIFY_TEMPLATES } from '../../machines/shared/settings.ts';
import {
  AT,
  accept,
  coachingMachine,
  DAY,
  ev,
  manager,
  pilotMachine,
  propose,
  reviewed,
  reviewer,
  scheduler,
  staffA,
  staffB,
  toNotice,
  toScreening,
} from '../support/machines.ts';
import { applicant } from './model.ts';

const fixture = (machine: string, id: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`./fixtures/${machine}-v1/${id}.json`, import.meta.url)), 'utf8'))
    .snapshot;

const usedKeys = (): string[] => {
  const keys: string[] = [];
  for (const states of [PILOT_STATES, COACHING_STATES]) for (const s of Object.values(states)) keys.push(s.labelKey);
  for (const events of [PILOT_EVENTS, COACHING_EVENTS]) {
    for (const e of Object.values(events) as EventInfo[]) {
      keys.push(e.labelKey);
      const fields = [
        ...e.fields,
        ...Object.values(e.decisions ?? {}).flatMap((d) => {
          keys.push(d.labelKey);
          return d.fields;
        }),
      ];
      for (const f of fields) keys.push(f.labelKey, ...(f.options ?? []).map((o) => optionLabelKey(f.name, o)));
    }
  }
  keys.push(...Object.keys(DEADLINES).map((k) => `deadline.${k}`), ...INCENTIVES.map((i) => `checklist.${i}`));
  keys.push(...Object.keys(INSTITUTION_TYPES).map((k) => `institution.${k}`));
  return keys;
};

describe('labels', () => {
  it('zh-CN and en have the same keys, every zh-CN text has Chinese characters', () => {
    expect(Object.keys(labels['zh-CN']).sort()).toEqual(Object.keys(labels.en).sort());
    for (const [key, text] of Object.entries(labels['zh-CN'])) expect(text, key).toMatch(/[\u4e00-\u9fff]/);
    for (const [key, text] of Object.entries(labels.en)) expect(text.length, key).toBeGreaterThan(0);
  });

  it('every key used by the catalog, deadlines, checklists and eligibility reasons has a label', () => {
    const far = { province: 'Beijing', city: 'Beijing' };
    const scenarios = [
      [],
      [applicant({ n: 1 })],
      [applicant({ n: 1 }), applicant({ n: 2, institutionType: 'techCompany', lead: false, coachingRef: 'C' })],
      [
        applicant({ n: 1, lead: false }),
        applicant({ n: 2, institutionType: 'techCompany', coachingRef: 'C', lead: true }),
      ],
      [
        applicant({ n: 1, uscc: 'x' }),
        applicant({ n: 2, uscc: '91350100M000100YI3' }),
        applicant({ n: 3, uscc: '91350100M000100Y44' }),
      ],
      [applicant({ n: 1 }), applicant({ n: 1, lead: false })],
      [
        applicant({ n: 1, institutionType: 'other' }),
        applicant({ n: 2, institutionType: 'csrcRecognised', lead: false }),
      ],
      [
        applicant({ n: 1, institutionType: 'fundManagementCompany' }),
        applicant({ n: 2, institutionType: 'fundManagementCompany', mainOffice: far, lead: false }),
      ],
      [applicant({ n: 1, registration: far })],
      [
        applicant({ n: 1, institutionType: 'itServiceProvider' }),
        applicant({ n: 2, institutionType: 'itSubsidiary', lead: false }),
      ],
      [
        applicant({ n: 1, institutionType: 'representativeTech' }),
        applicant({
          n: 2,
          institutionType: 'itServiceProvider',
          csrcFilingNumber: 'F',
          lead: false,
          registration: far,
        }),
      ],
    ];
    const reasonKeys = scenarios.flatMap((a) =>
      [...evaluatePilotEligibility(a).reasons, ...evaluateCoachingEligibility(a).reasons].map((r) => r.key),
    );
    for (const key of [...usedKeys(), ...reasonKeys]) {
      expect(labels.en[key], key).toBeDefined();
      expect(labels['zh-CN'][key], key).toBeDefined();
    }
    const templates = NOTIFY_TEMPLATES;
    for (const tpl of templates) expect(labels.en[`template.${tpl}`], tpl).toBeDefined();
  });

  it('t fills placeholders in both languages and shows unknown keys as they are', () => {
    expect(t('en', 'elig.lead.count', { count: 2 })).toBe('Exactly one lead applicant is needed (2 now)');
    expect(t('zh-CN', 'elig.uscc.checksum', { name: '甲' })).toBe('甲 的统一社会信用代码校验位错误');
    expect(t('en', 'elig.uscc.checksum')).toBe("{name}'s unified social credit code fails its checksum");
    expect(t('en', 'no.such.key')).toBe('no.such.key');
  });
});

describe('catalog', () => {
  const stateIds = (m: AnyStateMachine) => {
    const ids: string[] = [];
    const walk = (node: { states: Record<string, unknown>; path: string[] }) => {
      for (const child of Object.values(node.states) as Array<{ states: Record<string, unknown>; path: string[] }>) {
        ids.push(child.path.join('.'));
        walk(child);
      }
    };
    walk(m.root as never);
    return ids.sort();
  };

  it('lists every state of both machines, with owners only on states that are not final', () => {
    expect(Object.keys(PILOT_STATES).sort()).toEqual(stateIds(pilotMachine));
    expect(Object.keys(COACHING_STATES).sort()).toEqual(stateIds(coachingMachine));
    for (const [machine, states] of [
      [pilotMachine, PILOT_STATES],
      [coachingMachine, COACHING_STATES],
    ] as const) {
      for (const [id, info] of Object.entries(states)) {
        const final = machine.getStateNodeById(`${machine.id}.${id}`).type === 'final';
        expect(info.owner === null, id).toBe(final);
        expect(info.labelKey).toBe(`state.${machine.id}.${id}`);
      }
    }
  });

  it('what falls due on entry matches the deadlines each state schedules when entered', () => {
    for (const [machine, states] of [
      [pilotMachine, PILOT_STATES],
      [coachingMachine, COACHING_STATES],
    ] as const) {
      for (const [id, info] of Object.entries(states)) {
        const node = machine.getStateNodeById(`${machine.id}.${id}`);
        const leaf =
          Object.keys(states)
            .filter((k) => k.startsWith(`${id}.`))
            .sort()[0] ?? id;
        const context = fixture(machine.id, leaf).context;
        const kinds = (node.entry as Array<{ type: string; params: unknown }>)
          .filter((a) => a.type === 'scheduleDeadline')
          .map((a) => (typeof a.params === 'function' ? a.params({ context, event: { type: 'x' } }) : a.params).kind);
        expect(kinds, id).toEqual(info.dueOnEntry);
      }
    }
  });

  it('every deadline names its rule, basis, settings and clock; settings carry the RULES.md defaults', () => {
    expect(DEADLINES.noticeCloses).toEqual({
      rule: 'R-APP-5',
      from: 'publishedOn',
      after: ['noticePeriod'],
      clock: 'ours',
      responsible: 'owner',
    });
    expect(DEADLINES.csrcAnswerExpected.clock).toBe('csrc');
    // One deadline per report period, 10 working days after its last day (the periods are planned in src/reports).
    expect(DEADLINES.periodicReport).toMatchObject({ from: 'periodEnd', after: ['periodicReportGrace'] });
    for (const d of Object.values(DEADLINES))
      for (const s of d.after) expect(DEFAULT_SETTINGS[s]).toHaveProperty('amount');
    expect(DEFAULT_SETTINGS).toMatchObject({
      reviewersPerApplication: 3,
      reviewersSimplified: 1,
      reviewerResponse: { amount: 2, unit: 'workingDays' },
      reviewDue: { amount: 10, unit: 'workingDays' },
      reviewDueSimplified: { amount: 5, unit: 'workingDays' },
      infoRequestDue: { amount: 10, unit: 'workingDays' },
      csrcAnswerExpected: { amount: 20, unit: 'workingDays' },
      noticePeriod: { amount: 10, unit: 'workingDays' },
      commitmentDue: { amount: 15, unit: 'workingDays' },
      periodicReportInterval: { amount: 3, unit: 'months' },
      periodicReportGrace: { amount: 10, unit: 'workingDays' },
      complaintAcknowledge: { amount: 2, unit: 'workingDays' },
      complaintResolve: { amount: 15, unit: 'workingDays' },
      incidentFirstReport: { amount: 24, unit: 'hours' },
      rectificationDefault: { amount: 3, unit: 'months' },
      firstStageEvaluation: { amount: 12, unit: 'months' },
      coachingPeriod: { amount: 1, unit: 'years' },
      reminderWorkingDaysBefore: [3, 1, 0],
      escalationWorkingDaysAfter: { owner: 1, managers: 3 },
      coachingExpiryWarningDaysBefore: [90, 30, 7],
      digest: { time: '09:00', timeZone: 'Asia/Shanghai', workingDaysOnly: true },
    });
  });

  it('event catalog: senders, identity rules and outside facts', () => {
    const summary = (events: Record<string, EventInfo>) =>
      Object.fromEntries(
        Object.entries(events).map(([k, e]) => [
          k,
          `${e.senders === 'scheduler' ? 'scheduler' : e.senders.join('+')}${e.identity ? `/${e.identity}` : ''}${e.fact ? ' fact' : ''}`,
        ]),
      );
    expect(summary(PILOT_EVENTS)).toMatchInlineSnapshot(`
      {
        "application.withdraw": "staff+manager fact",
        "batch.assigned": "staff+manager",
        "commitment.received": "staff+manager fact",
        "complaint.acknowledged": "staff+manager fact",
        "complaint.logged": "staff+manager fact",
        "complaint.resolved": "staff+manager fact",
        "csrc.evaluationRecorded": "staff+manager fact",
        "csrc.forwarded": "staff+manager fact",
        "decision.confirm": "staff+manager/notProposer",
        "decision.propose": "staff",
        "decision.withdraw": "staff+manager/proposerOrManager",
        "evaluation.recorded": "staff+manager fact",
        "exit.checklistItemDone": "staff+manager fact",
        "exit.closed": "staff+manager fact",
        "exit.requested": "staff+manager fact",
        "guidance.recorded": "staff+manager fact",
        "guidance.relayed": "staff+manager fact",
        "incident.faultToleranceAssessed": "staff+manager",
        "incident.occurred": "staff+manager fact",
        "incident.reportReceived": "staff+manager fact",
        "inspection.findingsRecorded": "staff+manager fact",
        "inspection.scheduled": "staff+manager",
        "intake.submit": "staff+manager fact",
        "intake.update": "staff+manager",
        "launch.announced": "staff+manager fact",
        "notice.commentDisposed": "staff+manager",
        "notice.commentLogged": "staff+manager fact",
        "notice.periodEnded": "scheduler fact",
        "notice.published": "staff+manager fact",
        "plan.revised": "staff+manager fact",
        "preliminary.forwarded": "staff+manager fact",
        "rectification.completed": "staff+manager fact",
        "rectification.required": "staff+manager fact",
        "report.received": "staff+manager fact",
        "review.accepted": "reviewer/assignedReviewer",
        "review.assigned": "staff+manager+scheduler",
        "review.declined": "reviewer/assignedReviewer",
        "review.invitationExpired": "scheduler fact",
        "review.submitted": "reviewer/assignedReviewer",
        "risk.assessmentRecorded": "staff+manager",
        "sanction.reportedToCsrc": "staff+manager fact",
        "screening.deferToLaterBatch": "staff+manager",
        "screening.infoReceived": "staff+manager fact",
        "screening.overrideReviews": "manager",
        "screening.requestInfo": "staff+manager",
        "support.recorded": "staff+manager fact",
      }
    `);
    expect(summary(COACHING_EVENTS)).toMatchInlineSnapshot(`
      {
        "application.withdraw": "staff+manager fact",
        "coaching.expired": "scheduler fact",
        "coaching.linkedToPilot": "staff+manager",
        "coaching.submit": "staff+manager fact",
        "coaching.update": "staff+manager",
        "csrc.evaluationRecorded": "staff+manager fact",
        "csrc.forwarded": "staff+manager fact",
        "decision.confirm": "staff+manager/notProposer",
        "decision.propose": "staff",
        "decision.withdraw": "staff+manager/proposerOrManager",
        "notice.published": "staff+manager fact",
        "notice.removed": "staff+manager fact",
      }
    `);
  });

  it('form fields follow the zod schemas: kinds, options, requiredness and labels', () => {
    expect(PILOT_EVENTS['inspection.scheduled']?.fields).toEqual([
      { name: 'inspectionId', kind: 'text', required: true, labelKey: 'field.inspectionId' },
      {
        name: 'authority',
        kind: 'select',
        required: true,
        labelKey: 'field.authority',
        options: ['shanghaiBureau', 'csrcBureau'],
      },
      { name: 'mode', kind: 'select', required: true, labelKey: 'field.mode', options: ['onSite', 'offSite'] },
      { name: 'scheduledFor', kind: 'date', required: true, labelKey: 'field.scheduledFor' },
    ]);
    expect(PILOT_EVENTS['incident.occurred']?.fields.map((f) => `${f.name}:${f.kind}:${f.required}`)).toEqual([
      'factDate:date:true',
      'incidentId:text:true',
      'incidentKind:select:true',
      'occurredAt:datetime:true',
      'summary:textarea:true',
    ]);
    expect(PILOT_EVENTS['incident.occurred']?.fields[0]?.labelKey).toBe('fact.incident.occurred');
    expect(PILOT_EVENTS['intake.update']?.fields.map((f) => `${f.name}:${f.kind}:${f.required}`)).toEqual([
      'title:text:false',
      'applicants:applicants:false',
      'materials:multiselect:false',
      'technologies:multiselect:false',
      'ownerId:user:false',
    ]);
    expect(PILOT_EVENTS['incident.faultToleranceAssessed']?.fields.map((f) => f.kind)).toEqual([
      'text',
      'checkbox',
      'checkbox',
      'checkbox',
    ]);
    expect(PILOT_EVENTS['intake.submit']?.fields.map((f) => `${f.name}:${f.kind}:${f.required}`)).toEqual([
      'factDate:date:true',
      'openBatchId:text:true',
      'coachingValidOnSubmission:checkbox:false',
    ]);
    expect(PILOT_EVENTS['decision.propose']?.fields).toEqual([]);
    expect(PILOT_EVENTS['decision.propose']?.decisions?.sanction).toEqual({
      labelKey: 'decision.sanction',
      fields: [
        {
          name: 'measure',
          kind: 'select',
          required: true,
          labelKey: 'field.measure',
          options: ['suspend', 'stop', 'administrativeMeasures', 'referral', 'resume'],
        },
        { name: 'bureauDecisionDate', kind: 'date', required: true, labelKey: 'field.bureauDecisionDate' },
        { name: 'summary', kind: 'textarea', required: true, labelKey: 'field.summary' },
      ],
    });
    expect(Object.keys(COACHING_EVENTS['decision.propose']?.decisions ?? {})).toEqual([
      'selectionPass',
      'selectionFilterOut',
      'revocation',
    ]);
    expect(PILOT_EVENTS['exit.checklistItemDone']?.fields[1]?.options).toEqual([...EXIT_ITEMS]);
  });

  it('events are validated in full at the boundary', () => {
    const good = ev('notice.published', staffA, { factDate: DAY });
    expect(parsePilotEvent(good)).toEqual(good);
    expect(() => parsePilotEvent({ ...good, factDate: undefined })).toThrow();
    expect(() => parsePilotEvent({ ...good, factDate: '2024-02-30' })).toThrow();
    expect(() => parsePilotEvent({ ...good, recordedAt: 'yesterday' })).toThrow();
    expect(() => parsePilotEvent({ type: 'nope' })).toThrow(/unknown pilot event type: nope/);
    expect(() => parsePilotEvent(null)).toThrow(/unknown/);
    expect(
      pilotEventSchemas['decision.propose'].safeParse(propose('sanction', staffA, { measure: 'suspend', summary: 's' }))
        .success,
    ).toBe(false);
    expect(
      pilotEventSchemas['review.accepted'].safeParse(ev('review.accepted', { kind: 'user', userId: '', roles: [] }))
        .success,
    ).toBe(false);
  });
});

describe('availableActions', () => {
  const names = (list: Array<{ type: string; decisionKind?: string }>) =>
    list.map((a) => a.type + (a.decisionKind ? `:${a.decisionKind}` : '')).sort();

  it('lists what this person can do now: roles, identity and guards count', () => {
    const s = accept(reviewed(toScreening()), propose('screeningPass', staffA));
    const forProposer = names(availableActions(pilotMachine, s, staffA));
    expect(forProposer).toContain('decision.withdraw');
    expect(forProposer).not.toContain('decision.confirm');
    expect(forProposer).not.toContain('decision.propose:screeningPass');
    const forOther = names(availableActions(pilotMachine, s, staffB));
    expect(forOther).toContain('decision.confirm');
    expect(forOther).not.toContain('decision.withdraw');
    expect(names(availableActions(pilotMachine, s, manager))).toEqual(
      expect.arrayContaining(['decision.confirm', 'decision.withdraw']),
    );
    expect(names(availableActions(pilotMachine, s, reviewer(1)))).toEqual([]);
    const open = reviewed(toScreening());
    expect(names(availableActions(pilotMachine, open, staffA))).toEqual(
      expect.arrayContaining([
        'decision.propose:screeningPass',
        'decision.propose:screeningFilterOut',
        'screening.deferToLaterBatch',
        'application.withdraw',
      ]),
    );
    const assigned = accept(toScreening(), ev('review.assigned', staffA, { reviewerId: 'U_REVIEWER_1' }));
    expect(names(availableActions(pilotMachine, assigned, reviewer(1)))).toEqual([
      'review.accepted',
      'review.declined',
    ]);
    expect(names(availableActions(pilotMachine, assigned, reviewer(2)))).toEqual([]);
  });

  it('gives labels, facts and the form for each action, per decision kind', () => {
    const open = reviewed(toScreening());
    const pass = availableActions(pilotMachine, open, staffA, { at: AT }).find(
      (a) => a.decisionKind === 'screeningPass',
    );
    expect(pass).toEqual({
      type: 'decision.propose',
      decisionKind: 'screeningPass',
      labelKey: 'decision.screeningPass',
      fact: false,
      fields: [{ name: 'note', kind: 'textarea', required: false, labelKey: 'field.note' }],
    });
    const withdraw = availableActions(pilotMachine, open, staffA).find((a) => a.type === 'application.withdraw');
    expect(withdraw).toMatchObject({ labelKey: 'event.application.withdraw', fact: true });
    expect(withdraw?.decisionKind).toBeUndefined();
    expect(names(availableActions(pilotMachine, toNotice(), scheduler))).toEqual(['notice.periodEnded']);
  });

  it('works for the coaching machine', () => {
    const s = coachingMachine.resolveState({ value: 'active', context: fixture('coaching', 'active').context });
    expect(names(availableActions(coachingMachine, s, staffA))).toEqual([
      'coaching.linkedToPilot',
      'decision.propose:revocation',
    ]);
    expect(names(availableActions(coachingMachine, s, scheduler))).toEqual(['coaching.expired']);
  });
});
