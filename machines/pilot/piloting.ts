import type { ChecklistParams, ScheduleDeadlineParams } from '../shared/settings.ts';
import type { SanctionMeasure } from './events.ts';
import { EXIT_ITEMS } from './events.ts';
import type { SanctionStage } from './guards.ts';
import {
  type Args,
  cancel,
  factDateOf,
  idOf,
  keyed,
  notify,
  pilotSetup,
  sanctionNotice,
  schedule,
  scheduleKeyed,
} from './setup.ts';

const sanctionDone = ['recordSanction', sanctionNotice('sanction.decided'), 'record'] as const;
const stopDone = ['recordSanction', 'startForcedExit', sanctionNotice('sanction.decided'), 'record'] as const;
const confirmSanction = (measure: SanctionMeasure) => ({
  type: 'canConfirm' as const,
  params: { kind: 'sanction' as const, measure },
});

/** R-EXIT-5: the first measure after the SWG's report follows the severity; later ones resume or stop. */
const initialSanctionConfirms = [
  { guard: confirmSanction('suspend'), target: '#pilot.piloting.suspended', actions: sanctionDone },
  { guard: confirmSanction('stop'), target: '#pilot.exiting', actions: stopDone },
  {
    guard: confirmSanction('administrativeMeasures'),
    target: '#pilot.piloting.awaitingFollowUp',
    actions: sanctionDone,
  },
  { guard: confirmSanction('referral'), target: '#pilot.piloting.awaitingFollowUp', actions: sanctionDone },
] as const;

const propose = (kinds: Array<'conversion' | 'sanction' | 'forcedExit'>, stage: SanctionStage) => ({
  guard: { type: 'canPropose' as const, params: { kinds, stage } },
  actions: ['record', sanctionNotice('decision.proposed')] as const,
});

const confirmForcedExit = {
  guard: { type: 'canConfirm' as const, params: { kind: 'forcedExit' as const } },
  target: '#pilot.exiting',
  actions: ['startForcedExit', 'record'] as const,
};

/** R-EXIT-1…3: a stage evaluation's outcome decides where the project goes. */
const evaluation = [
  {
    guard: 'goalsMet',
    target: '#pilot.piloting.goalsMet',
    actions: ['record', cancel('stageEvaluation'), cancel('nextStageEvaluation')] as const,
  },
  {
    guard: 'notPassed',
    target: '#pilot.piloting.underGuidance',
    reenter: true,
    actions: ['record', cancel('stageEvaluation')] as const,
  },
  {
    guard: 'considerableRisk',
    target: '#pilot.piloting.riskFound',
    actions: ['record', cancel('stageEvaluation'), cancel('nextStageEvaluation')] as const,
  },
] as const;

/** Complaints and incidents stay recorded while a project pilots and while it exits (R-SUP-4, R-SUP-5, R-TOL-1). */
const investorProtection = {
  'complaint.logged': {
    guard: 'isNewComplaint',
    actions: [
      'record',
      scheduleKeyed('complaintAcknowledge', 'R-SUP-4', 'complaintId', factDateOf),
      scheduleKeyed('complaintResolve', 'R-SUP-4', 'complaintId', factDateOf),
    ] as const,
  },
  'complaint.acknowledged': {
    guard: 'isUnacknowledgedComplaint',
    actions: ['record', cancel('complaintAcknowledge', keyed('complaintAcknowledge', 'complaintId'))] as const,
  },
  'complaint.resolved': {
    guard: 'isUnresolvedComplaint',
    actions: [
      'record',
      cancel('complaintAcknowledge', keyed('complaintAcknowledge', 'complaintId')),
      cancel('complaintResolve', keyed('complaintResolve', 'complaintId')),
    ] as const,
  },
  'incident.occurred': {
    guard: 'isNewIncident',
    actions: [
      'record',
      scheduleKeyed('incidentFirstReport', 'R-SUP-5', 'incidentId', idOf('occurredAt')),
      notify('incident.occurred', 'managers', 'R-SUP-5'),
    ] as const,
  },
  'incident.reportReceived': [
    {
      guard: 'isFirstReport',
      actions: ['record', cancel('incidentFirstReport', keyed('incidentFirstReport', 'incidentId'))] as const,
    },
    { guard: 'isKnownIncident', actions: 'record' },
  ],
  'incident.faultToleranceAssessed': {
    guard: 'canAssessFaultTolerance',
    actions: 'record',
  },
  'guidance.recorded': { guard: 'authorised', actions: 'record' },
  'support.recorded': { guard: 'authorised', actions: 'record' },
} as const;

/** Piloting (R-SUP-1…5, R-EXIT-1…5, R-INC-2): supervision, stage evaluation, rectification, sanctions. */
export const pilotingState = pilotSetup.createStateConfig({
  initial: 'active',
  entry: [
    schedule('stageEvaluation', 'R-EXIT-1', ({ context }) => context.launchDate ?? ''),
    notify('pilot.launched', 'owner', 'R-APP-6'),
  ],
  exit: [cancel('stageEvaluation'), cancel('nextStageEvaluation'), cancel('rectificationDue')],
  on: {
    ...investorProtection,
    // R-SUP-1: the report calendar's periods are rows beside the machine (src/reports, decision 023); the machine
    // says when a report may be received, the rows which period it answers.
    'report.received': { guard: 'authorised', actions: 'record' },
    'inspection.scheduled': {
      guard: 'isNewInspection',
      actions: ['record', scheduleKeyed('inspection', 'R-SUP-2', 'inspectionId', idOf('scheduledFor'))],
    },
    'inspection.findingsRecorded': {
      guard: 'isOpenInspection',
      actions: ['record', cancel('inspection', keyed('inspection', 'inspectionId'))],
    },
    'guidance.relayed': { guard: 'authorised', actions: ['record', notify('guidance.relayed', 'owner', 'R-SUP-3')] },
    'sanction.reportedToCsrc': {
      guard: 'noOpenSanctionCase',
      actions: ['record', notify('sanction.reportedToCsrc', 'managers', 'R-EXIT-5')],
    },
    'decision.withdraw': { guard: 'canWithdrawDecision', actions: 'record' },
    'exit.requested': {
      guard: 'canRequestExit',
      target: '#pilot.exiting',
      actions: 'record',
    },
  },
  states: {
    active: {
      on: {
        'evaluation.recorded': evaluation,
        'decision.propose': propose(['sanction'], 'initial'),
        'decision.confirm': initialSanctionConfirms,
      },
    },
    underGuidance: {
      entry: schedule('nextStageEvaluation', 'R-EXIT-3', ({ context }) => context.evaluations.at(-1)?.on ?? ''),
      on: {
        'evaluation.recorded': evaluation,
        'decision.propose': propose(['sanction'], 'initial'),
        'decision.confirm': initialSanctionConfirms,
      },
    },
    goalsMet: {
      on: {
        'decision.propose': propose(['conversion', 'sanction'], 'initial'),
        'decision.confirm': [
          {
            guard: { type: 'canConfirm', params: { kind: 'conversion' } },
            target: '#pilot.regularOperation',
            actions: 'record',
          },
          ...initialSanctionConfirms,
        ],
      },
    },
    riskFound: {
      on: {
        'rectification.required': {
          guard: 'rectificationDueValid',
          target: 'rectification',
          actions: 'record',
        },
        'decision.propose': propose(['forcedExit', 'sanction'], 'initial'),
        'decision.confirm': [confirmForcedExit, ...initialSanctionConfirms],
      },
    },
    rectification: {
      entry: {
        type: 'scheduleDeadline',
        params: ({ context }: Args): ScheduleDeadlineParams => ({
          kind: 'rectificationDue',
          key: 'rectificationDue',
          rule: 'R-EXIT-4',
          basis: context.rectification?.requiredOn ?? '',
          ...(context.rectification?.dueDate ? { dueDate: context.rectification.dueDate } : {}),
        }),
      },
      exit: cancel('rectificationDue'),
      on: {
        'rectification.completed': {
          guard: 'authorised',
          target: 'active',
          actions: ['record', schedule('nextStageEvaluation', 'R-EXIT-3', factDateOf)],
        },
        'decision.propose': propose(['forcedExit', 'sanction'], 'initial'),
        'decision.confirm': [confirmForcedExit, ...initialSanctionConfirms],
      },
    },
    suspended: {
      on: {
        'decision.propose': propose(['sanction'], 'suspended'),
        'decision.confirm': [
          { guard: confirmSanction('resume'), target: 'active', actions: sanctionDone },
          { guard: confirmSanction('stop'), target: '#pilot.exiting', actions: stopDone },
        ],
      },
    },
    awaitingFollowUp: {
      on: {
        'decision.propose': propose(['sanction'], 'followUp'),
        'decision.confirm': [
          { guard: confirmSanction('resume'), target: 'active', actions: sanctionDone },
          { guard: confirmSanction('stop'), target: '#pilot.exiting', actions: stopDone },
          { guard: confirmSanction('suspend'), target: 'suspended', actions: sanctionDone },
        ],
      },
    },
  },
});

/** R-EXIT-6: the exit plan's checklist must be done before the exit closes; investor protection continues. */
export const exitingState = pilotSetup.createStateConfig({
  entry: [
    {
      type: 'produceChecklist',
      params: (): ChecklistParams => ({ kind: 'exitPlan', rule: 'R-EXIT-6', items: EXIT_ITEMS }),
    },
    notify('exit.started', 'owner', 'R-EXIT-6'),
    // The exit plan's checklist has its due date, with reminders and escalation, until the exit closes.
    schedule('exitPlanDue', 'R-EXIT-6', ({ context }) => context.exit?.startedOn ?? ''),
  ],
  exit: cancel('exitPlanDue'),
  on: {
    ...investorProtection,
    'exit.checklistItemDone': { guard: 'isOpenExitItem', actions: 'record' },
    'exit.closed': { guard: 'exitChecklistDone', target: '#pilot.exited', actions: 'record' },
  },
});
