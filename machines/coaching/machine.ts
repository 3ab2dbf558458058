import { assign, setup } from 'xstate';
import { actorMay, userIdOf } from '../shared/actor.ts';
import { applied, mayConfirm, mayPropose, mayWithdraw } from '../shared/decisions.ts';
import { evaluateCoachingEligibility } from '../shared/eligibility.ts';
import { eventDate } from '../shared/events-common.ts';
import type { CancelDeadlineParams, NotifyParams, ScheduleDeadlineParams } from '../shared/settings.ts';
import {
  COACHING_MATERIALS,
  COACHING_SENDERS,
  type CoachingContext,
  type CoachingDecisionKind,
  type CoachingEvent,
  type CoachingEventOf,
  type CoachingEventType,
  type CoachingInput,
  initialCoachingContext,
} from './events.ts';

/** Stored with every persisted snapshot; bump it (and add a migration) when the snapshot's shape changes. */
export const COACHING_MACHINE_VERSION = 1;

type Patch = Partial<CoachingContext>;
const coachingReducers: { [K in CoachingEventType]?: (ctx: CoachingContext, e: CoachingEventOf<K>) => Patch } = {
  'coaching.update': (ctx, e) => {
    const applicants = e.applicants ?? ctx.applicants;
    return {
      title: e.title ?? ctx.title,
      applicants,
      materials: e.materials ?? ctx.materials,
      ownerId: e.ownerId ?? ctx.ownerId,
      eligibility: evaluateCoachingEligibility(applicants),
    };
  },
  'coaching.submit': (_, e) => ({ submittedOn: e.factDate }),
  'decision.propose': (_, e) => {
    const { type: _t, actor, recordedAt, decisionKind, ...details } = e;
    return { pending: { kind: decisionKind, proposedBy: userIdOf(actor) ?? '', proposedAt: recordedAt, details } };
  },
  'decision.confirm': (ctx, e) =>
    ctx.pending === null
      ? {}
      : { pending: null, decisions: [...ctx.decisions, applied(ctx.pending, e.actor, e.recordedAt)] },
  'decision.withdraw': () => ({ pending: null }),
  'csrc.forwarded': (ctx, e) => ({ csrc: { ...ctx.csrc, forwardedOn: e.factDate } }),
  'csrc.evaluationRecorded': (ctx, e) => ({
    csrc: { ...ctx.csrc, letterDate: e.factDate, outcome: e.outcome, letterRef: e.letterRef },
  }),
  'notice.published': (_, e) => ({ publishedOn: e.factDate }),
  'coaching.linkedToPilot': (ctx, e) => ({ linkedPilots: [...ctx.linkedPilots, e.pilotRef] }),
  'coaching.expired': (_, e) => ({ removal: { reason: 'expired', on: e.factDate } }),
  'notice.removed': (_, e) => ({ removedOn: e.factDate }),
};

/** Applies the reducer of an event to the coaching context. */
export function reduceCoaching(ctx: CoachingContext, event: CoachingEvent): Patch {
  const reducer = coachingReducers[event.type] as ((c: CoachingContext, e: CoachingEvent) => Patch) | undefined;
  return reducer ? reducer(ctx, event) : {};
}

const authorised = (event: CoachingEvent) => actorMay(event.actor, COACHING_SENDERS[event.type]);
type GuardArgs = { context: CoachingContext; event: CoachingEvent };
const outcomeOf = (event: CoachingEvent) => (event as CoachingEventOf<'csrc.evaluationRecorded'>).outcome;

/** R-COA-1, R-COA-2: submit an eligible application that includes the undertaking not to run real business. */
export function coachingReadyToSubmit(ctx: CoachingContext): boolean {
  return ctx.eligibility.eligible && COACHING_MATERIALS.every((m) => ctx.materials.includes(m));
}

/** R-COA-5: the removal reason is a violation when a revocation decision is confirmed. */
const revocationRemoval = ({ context, event }: GuardArgs): Patch => ({
  removal: { reason: 'violation', on: eventDate(event) },
  ...reduceCoaching(context, event),
});

export const coachingMachine = setup({
  types: { context: {} as CoachingContext, events: {} as CoachingEvent, input: {} as CoachingInput },
  guards: {
    authorised: ({ event }) => authorised(event),
    canSubmit: ({ context, event }) => authorised(event) && coachingReadyToSubmit(context),
    canPropose: ({ context, event }, params: { kind: CoachingDecisionKind }) =>
      authorised(event) &&
      (event as CoachingEventOf<'decision.propose'>).decisionKind === params.kind &&
      mayPropose(event.actor) &&
      context.pending === null,
    canConfirm: ({ context, event }, params: { kind: CoachingDecisionKind }) =>
      authorised(event) && context.pending?.kind === params.kind && mayConfirm(context.pending, event.actor),
    canWithdrawDecision: ({ context, event }) => authorised(event) && mayWithdraw(context.pending, event.actor),
    csrcPassed: ({ event }) => authorised(event) && outcomeOf(event) === 'passed',
    csrcFailed: ({ event }) => authorised(event) && outcomeOf(event) === 'failed',
    isNewPilotLink: ({ context, event }) =>
      authorised(event) &&
      !context.linkedPilots.includes((event as CoachingEventOf<'coaching.linkedToPilot'>).pilotRef),
  },
  actions: {
    record: assign(({ context, event }) => reduceCoaching(context, event)),
    recordRevocation: assign(revocationRemoval),
    scheduleDeadline: (_, _params: ScheduleDeadlineParams) => {},
    cancelDeadline: (_, _params: CancelDeadlineParams) => {},
    cancelAllDeadlines: (_, _params: { reason: string }) => {},
    notify: (_, _params: NotifyParams) => {},
  },
}).createMachine({
  id: 'coaching',
  context: ({ input }) => initialCoachingContext(input),
  initial: 'intake',
  states: {
    intake: {
      on: {
        'coaching.update': { guard: 'authorised', actions: 'record' },
        'coaching.submit': { guard: 'canSubmit', target: 'selection', actions: 'record' },
        'application.withdraw': { guard: 'authorised', target: 'withdrawn', actions: 'record' },
      },
    },
    selection: {
      on: {
        'decision.propose': [
          { guard: { type: 'canPropose', params: { kind: 'selectionPass' } }, actions: 'record' },
          { guard: { type: 'canPropose', params: { kind: 'selectionFilterOut' } }, actions: 'record' },
        ],
        'decision.confirm': [
          {
            guard: { type: 'canConfirm', params: { kind: 'selectionPass' } },
            target: 'csrcEvaluation',
            actions: 'record',
          },
          {
            guard: { type: 'canConfirm', params: { kind: 'selectionFilterOut' } },
            target: 'rejected',
            actions: 'record',
          },
        ],
        'decision.withdraw': { guard: 'canWithdrawDecision', actions: 'record' },
        'application.withdraw': { guard: 'authorised', target: 'withdrawn', actions: 'record' },
      },
    },
    csrcEvaluation: {
      initial: 'toForward',
      on: { 'application.withdraw': { guard: 'authorised', target: 'withdrawn', actions: 'record' } },
      states: {
        toForward: { on: { 'csrc.forwarded': { guard: 'authorised', target: 'awaitingAnswer', actions: 'record' } } },
        awaitingAnswer: {
          entry: {
            type: 'scheduleDeadline',
            params: ({ context }) => ({
              kind: 'csrcAnswerExpected',
              key: 'csrcAnswerExpected',
              rule: 'R-COA-3',
              basis: context.csrc.forwardedOn ?? '',
            }),
          },
          exit: { type: 'cancelDeadline', params: { kind: 'csrcAnswerExpected', key: 'csrcAnswerExpected' } },
          on: {
            'csrc.evaluationRecorded': [
              { guard: 'csrcPassed', target: '#coaching.publicNotice', actions: 'record' },
              { guard: 'csrcFailed', target: '#coaching.rejected', actions: 'record' },
            ],
          },
        },
      },
    },
    publicNotice: {
      on: {
        'notice.published': { guard: 'authorised', target: 'active', actions: 'record' },
        'application.withdraw': { guard: 'authorised', target: 'withdrawn', actions: 'record' },
      },
    },
    active: {
      // R-COA-4: one year from the notice's publication date; the scheduler sends coaching.expired.
      entry: {
        type: 'scheduleDeadline',
        params: ({ context }) => ({
          kind: 'coachingExpires',
          key: 'coachingExpires',
          rule: 'R-COA-4',
          basis: context.publishedOn ?? '',
        }),
      },
      exit: { type: 'cancelDeadline', params: { kind: 'coachingExpires', key: 'coachingExpires' } },
      on: {
        'coaching.linkedToPilot': { guard: 'isNewPilotLink', actions: 'record' },
        'coaching.expired': { guard: 'authorised', target: 'removingNotice', actions: 'record' },
        'decision.propose': { guard: { type: 'canPropose', params: { kind: 'revocation' } }, actions: 'record' },
        'decision.confirm': {
          guard: { type: 'canConfirm', params: { kind: 'revocation' } },
          target: 'removingNotice',
          actions: 'recordRevocation',
        },
        'decision.withdraw': { guard: 'canWithdrawDecision', actions: 'record' },
      },
    },
    removingNotice: {
      // R-COA-5: the SWG removes the public notice information before the coaching closes, by a due date (settings
      // `coachingNoticeRemoval`) counted from the expiry or the revocation, with reminders and escalation.
      entry: [
        {
          type: 'notify',
          params: ({ context }) => ({
            template: 'coaching.removeNotice',
            audience: 'owner',
            rule: 'R-COA-5',
            data: { ref: context.ref, reason: context.removal?.reason ?? null },
          }),
        },
        {
          type: 'scheduleDeadline',
          params: ({ context }) => ({
            kind: 'coachingNoticeRemoval',
            key: 'coachingNoticeRemoval',
            rule: 'R-COA-5',
            basis: context.removal?.on ?? '',
          }),
        },
      ],
      exit: { type: 'cancelDeadline', params: { kind: 'coachingNoticeRemoval', key: 'coachingNoticeRemoval' } },
      on: { 'notice.removed': { guard: 'authorised', target: 'closed', actions: 'record' } },
    },
    closed: { type: 'final', entry: { type: 'cancelAllDeadlines', params: { reason: 'closed' } } },
    rejected: { type: 'final', entry: { type: 'cancelAllDeadlines', params: { reason: 'rejected' } } },
    withdrawn: { type: 'final', entry: { type: 'cancelAllDeadlines', params: { reason: 'withdrawn' } } },
  },
});

/** R-COA-7: whether a coaching snapshot is valid now. */
export function isCoachingValid(snapshot: { value: unknown }): boolean {
  return snapshot.value === 'active';
}

/**
 * R-COA-7: whether the coaching was valid on a day (the day a pilot application was submitted, whenever staff record
 * it): from the notice's publication, through the last day of the coaching year (its expiry date included), and not
 * on or after the day a revocation was confirmed.
 */
export function coachingValidOn(snapshot: { value: unknown; context: CoachingContext }, day: string): boolean {
  const { publishedOn, removal } = snapshot.context;
  if (publishedOn === null || day < publishedOn) return false;
  if (snapshot.value === 'active') return true;
  if (snapshot.value !== 'removingNotice' && snapshot.value !== 'closed') return false;
  if (!removal) return false;
  return removal.reason === 'expired' ? day <= removal.on : day < removal.on;
}
