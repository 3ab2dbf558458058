import { type AnyMachineSnapshot, initialTransition, type SnapshotFrom, transition } from 'xstate';
import type { CoachingEvent, CoachingInput } from '../../machines/coaching/events.ts';
import { coachingMachine } from '../../machines/coaching/machine.ts';
import type { PilotInput } from '../../machines/pilot/context.ts';
import type { PilotEvent } from '../../machines/pilot/events.ts';
import { MATERIALS } from '../../machines/pilot/events.ts';
import { pilotMachine } from '../../machines/pilot/machine.ts';
import type { Actor } from '../../machines/shared/actor.ts';
import type { Applicant } from '../../machines/shared/institutions.ts';
import { usccCheckChar } from '../../machines/shared/uscc.ts';

export type PilotSnapshot = SnapshotFrom<typeof pilotMachine>;
export type CoachingSnapshot = SnapshotFrom<typeof coachingMachine>;

export const staffA: Actor = { kind: 'user', userId: 'U_STAFF_A', roles: ['staff'] };
export const staffB: Actor = { kind: 'user', userId: 'U_STAFF_B', roles: ['staff'] };
export const manager: Actor = { kind: 'user', userId: 'U_MANAGER', roles: ['manager'] };
export const admin: Actor = { kind: 'user', userId: 'U_ADMIN', roles: ['admin'] };
export const reviewer = (n: number): Actor => ({ kind: 'user', userId: `U_REVIEWER_${n}`, roles: ['reviewer'] });
export const scheduler: Actor = { kind: 'scheduler' };

export const AT = '2024-03-01T02:00:00Z';
export const DAY = '2024-03-01';

/** A valid unified social credit code built from 17 characters (the 18th is the computed check character). */
export function uscc(first17: string): string {
  return first17 + usccCheckChar(first17);
}

const SH = { province: '上海市', city: '上海市' };
export function applicant(overrides: Partial<Applicant> & { n: number }): Applicant {
  const { n, ...rest } = overrides;
  return {
    name: `Institution ${n}`,
    uscc: uscc(`91310000MA1FL${String(n).padStart(4, '0')}`),
    institutionType: 'securitiesCompany',
    registration: SH,
    mainOffice: SH,
    licenceNumber: `L-${n}`,
    lead: n === 1,
    ...rest,
  };
}

export const securitiesLead = applicant({ n: 1 });
export const techPartner = applicant({ n: 2, institutionType: 'techCompany', licenceNumber: undefined, lead: false });
export const marketCoreLead = applicant({ n: 3, institutionType: 'exchange', licenceNumber: undefined, lead: true });
export const coachedTech = applicant({
  n: 4,
  institutionType: 'itServiceProvider',
  licenceNumber: undefined,
  csrcFilingNumber: 'F-4',
  lead: false,
  coachingRef: 'C-1',
});

export function pilotInput(overrides: Partial<PilotInput> = {}): PilotInput {
  return {
    ref: 'P-1',
    track: 'pilot',
    title: 'Pilot',
    applicants: [securitiesLead, techPartner],
    materials: [...MATERIALS],
    ...overrides,
  };
}

/** Builds an event with the actor and recording instant filled in. */
export function ev<T extends PilotEvent['type']>(
  type: T,
  actor: Actor,
  payload: Omit<Extract<PilotEvent, { type: T }>, 'type' | 'actor' | 'recordedAt'> | Record<string, unknown> = {},
): PilotEvent {
  return { type, actor, recordedAt: AT, ...payload } as PilotEvent;
}
export function cev<T extends CoachingEvent['type']>(type: T, actor: Actor, payload: Record<string, unknown> = {}) {
  return { type, actor, recordedAt: AT, ...payload } as CoachingEvent;
}

export function startPilot(input: PilotInput = pilotInput()): PilotSnapshot {
  return initialTransition(pilotMachine, input)[0];
}

/** Sends events that must be accepted (`can` true); throws naming the first refused one. */
export function accept<S extends AnyMachineSnapshot>(snapshot: S, ...events: Array<{ type: string }>): S {
  let s = snapshot;
  for (const event of events) {
    if (!s.can(event)) throw new Error(`refused ${JSON.stringify(event)} in ${JSON.stringify(s.value)}`);
    s = transition(s.machine, s, event as never)[0] as S;
  }
  return s;
}

/** The named actions (type and params) a transition returns, as the runtime will see them. */
export function effects<S extends AnyMachineSnapshot>(snapshot: S, event: { type: string }) {
  const [after, actions] = transition(snapshot.machine, snapshot, event as never);
  const next = after as S;
  return { next, actions: actions.map((a) => ({ type: a.type, params: a.params as Record<string, unknown> })) };
}

export const submit = (extra: Record<string, unknown> = {}) =>
  ev('intake.submit', staffA, { factDate: DAY, openBatchId: 'B-1', ...extra });

/** intake → screening.review with the standard input. */
export const toScreening = (input = pilotInput()) => accept(startPilot(input), submit());

/** A review scoring each criterion (1–5) with a comment, as R-APP-2 asks. */
export const scored = (scores: Record<string, number>, recommendation = 'pass') => ({
  ...Object.fromEntries(
    Object.entries(scores).flatMap(([c, n]) => [
      [c, n],
      [`${c}Comment`, `${c} ok`],
    ]),
  ),
  recommendation,
});
const fullReview = scored({ legalCompliance: 4, orderlyInnovation: 4, riskControllability: 3, policyFit: 4 });
export const simplifiedReview = scored({ newRisks: 4, investorProtectionMeasures: 4 });

/** Assigns, accepts and submits n reviews. */
export function reviewed(s: PilotSnapshot, n = 3, review: Record<string, unknown> = fullReview): PilotSnapshot {
  let next = s;
  for (let i = 1; i <= n; i++) {
    next = accept(
      next,
      ev('review.assigned', staffA, { reviewerId: reviewer(i).kind === 'user' ? `U_REVIEWER_${i}` : '' }),
      ev('review.accepted', reviewer(i), { declaration: true }),
      ev('review.submitted', reviewer(i), review),
    );
  }
  return next;
}

export const propose = (decisionKind: string, by: Actor = staffA, extra: Record<string, unknown> = {}) =>
  ev('decision.propose', by, { decisionKind, ...extra });
export const confirm = (by: Actor = staffB) => ev('decision.confirm', by);

export const toCsrc = () => accept(reviewed(toScreening()), propose('screeningPass'), confirm());
export const toNotice = () =>
  accept(
    toCsrc(),
    ev('csrc.forwarded', staffA, { factDate: DAY }),
    ev('csrc.evaluationRecorded', staffA, { factDate: '2024-03-20', outcome: 'passed', letterRef: 'CSRC-1' }),
    ev('notice.published', staffA, { factDate: '2024-03-22' }),
  );
export const toPreLaunch = () => accept(toNotice(), ev('notice.periodEnded', scheduler, { factDate: '2024-04-08' }));
export const launchReady = () =>
  accept(
    toPreLaunch(),
    ev('risk.assessmentRecorded', staffA, { majorHiddenRisk: false }),
    ev('commitment.received', staffA, { factDate: '2024-04-10', documentRef: 'C-1' }),
  );
export const toPiloting = () =>
  accept(launchReady(), propose('launch'), confirm(), ev('launch.announced', staffA, { factDate: '2024-04-15' }));

export const reportViolation = (severity: 'minor' | 'serious' | 'suspectedCrime' = 'minor') =>
  ev('sanction.reportedToCsrc', staffA, { factDate: '2024-06-01', violation: 'commitment', severity, summary: 's' });
export const proposeSanction = (measure: string, bureauDecisionDate = '2024-06-05', by: Actor = staffA) =>
  propose('sanction', by, { measure, bureauDecisionDate, summary: 's' });

export const coachingApplicant = applicant({
  n: 5,
  institutionType: 'itSubsidiary',
  licenceNumber: undefined,
  parentInstitution: 'Parent Securities',
  lead: true,
});
export function coachingInput(overrides: Partial<CoachingInput> = {}): CoachingInput {
  return {
    ref: 'C-1',
    track: 'coaching',
    applicants: [coachingApplicant],
    materials: ['projectPlan', 'technologyDescription', 'noRealBusinessUndertaking'],
    ...overrides,
  };
}
export function startCoaching(input: CoachingInput = coachingInput()): CoachingSnapshot {
  return initialTransition(coachingMachine, input)[0];
}
export const toCoachingActive = () =>
  accept(
    startCoaching(),
    cev('coaching.submit', staffA, { factDate: DAY }),
    cev('decision.propose', staffA, { decisionKind: 'selectionPass' }),
    cev('decision.confirm', staffB),
    cev('csrc.forwarded', staffA, { factDate: DAY }),
    cev('csrc.evaluationRecorded', staffA, { factDate: DAY, outcome: 'passed', letterRef: 'L' }),
    cev('notice.published', staffA, { factDate: '2024-03-05' }),
  );

export { coachingMachine, pilotMachine };
