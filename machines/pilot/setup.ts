import { assign, setup } from 'xstate';
import { eventDate } from '../shared/events-common.ts';
import type {
  CancelDeadlineParams,
  ChecklistParams,
  DeadlineKind,
  NotifyParams,
  NotifyTemplate,
  ScheduleDeadlineParams,
} from '../shared/settings.ts';
import type { PilotContext, PilotInput } from './context.ts';
import type { PilotEvent } from './events.ts';
import * as g from './guards.ts';
import { recordSanction, reducePilot, startForcedExit } from './reducers.ts';
import { authorised } from './senders.ts';

/** Every named guard first checks the sender's role for the event (PILOT_SENDERS). */
const auth =
  (check: (context: PilotContext, event: PilotEvent) => boolean) =>
  ({ context, event }: { context: PilotContext; event: PilotEvent }): boolean =>
    authorised(context, event) && check(context, event);

/** Named guards and actions of the pilot machine; effects are placeholders the runtime provides. */
export const pilotSetup = setup({
  types: {
    context: {} as PilotContext,
    events: {} as PilotEvent,
    input: {} as PilotInput,
  },
  guards: {
    authorised: ({ context, event }) => authorised(context, event),
    canSubmit: auth(g.canSubmit),
    canSubmitMarketCore: auth((c, e) => g.canSubmit(c, e) && g.marketCorePath(c)),
    canSubmitWithoutBatch: auth((c, e) => g.canSubmit(c, e) && g.noOpenBatch(c, e)),
    updateKeepsApplicationValid: auth(g.updateKeepsApplicationValid),
    canAssignReviewer: auth(g.canAssignReviewer),
    isAssignedReviewer: auth(g.isAssignedReviewer),
    canAcceptReview: auth(g.canAcceptReview),
    invitationUnanswered: auth(g.invitationUnanswered),
    canOverrideReviews: auth(g.canOverrideReviews),
    canSubmitReview: auth(g.canSubmitReview),
    noPendingDecision: auth(g.noPendingDecision),
    canDeferToLaterBatch: auth((c, e) => g.noPendingDecision(c) && g.laterBatchGiven(c, e)),
    canPropose: ({ context, event }, params: g.ProposeParams) =>
      authorised(context, event) && g.canPropose(context, event, params),
    canConfirm: ({ context, event }, params: g.ConfirmParams) =>
      authorised(context, event) && g.canConfirm(context, event, params),
    canWithdrawDecision: auth(g.canWithdrawDecision),
    csrcPassed: auth(g.csrcOutcomeIs('passed')),
    csrcFailed: auth(g.csrcOutcomeIs('failed')),
    isNewComment: auth(g.isNewComment),
    isUndisposedComment: auth(g.isUndisposedComment),
    riskAssessmentValid: auth(g.riskAssessmentValid),
    announcementAfterCommitment: auth(g.announcementAfterCommitment),
    goalsMet: auth(g.evaluationOutcomeIs('metGoals')),
    notPassed: auth(g.evaluationOutcomeIs('notPassed')),
    considerableRisk: auth(g.evaluationOutcomeIs('considerableRisk')),
    isNewInspection: auth(g.isNewInspection),
    isOpenInspection: auth(g.isOpenInspection),
    isNewComplaint: auth(g.isNewComplaint),
    isUnacknowledgedComplaint: auth(g.isUnacknowledgedComplaint),
    isUnresolvedComplaint: auth(g.isUnresolvedComplaint),
    isNewIncident: auth(g.isNewIncident),
    isKnownIncident: auth(g.isKnownIncident),
    isFirstReport: auth(g.isFirstReport),
    canAssessFaultTolerance: auth((c, e) => g.isKnownIncident(c, e) && g.faultToleranceConsistent(c, e)),
    noOpenSanctionCase: auth(g.noOpenSanctionCase),
    canRequestExit: auth((c) => g.noPendingDecision(c) && g.noOpenSanctionCase(c)),
    rectificationDueValid: auth(g.rectificationDueValid),
    isOpenExitItem: auth(g.isOpenExitItem),
    exitChecklistDone: auth(g.exitChecklistDone),
  },
  actions: {
    record: assign(({ context, event }) => reducePilot(context, event)),
    recordSanction: assign(({ context }) => recordSanction(context)),
    startForcedExit: assign(({ context, event }) => startForcedExit(context, event)),
    // Effects: the runtime provides these through machine.provide / reads them from transition()'s actions.
    scheduleDeadline: (_, _params: ScheduleDeadlineParams) => {},
    cancelDeadline: (_, _params: CancelDeadlineParams) => {},
    cancelAllDeadlines: (_, _params: { reason: string }) => {},
    notify: (_, _params: NotifyParams) => {},
    produceChecklist: (_, _params: ChecklistParams) => {},
  },
});

export type Args = { context: PilotContext; event: PilotEvent };
export const schedule = (
  kind: DeadlineKind,
  rule: string,
  basis: (a: Args) => string,
  extra?: (a: Args) => object,
) => ({
  type: 'scheduleDeadline' as const,
  params: (a: Args): ScheduleDeadlineParams => ({ kind, key: kind, rule, basis: basis(a), ...extra?.(a) }),
});
export const cancel = (kind: DeadlineKind, key?: (a: Args) => string) => ({
  type: 'cancelDeadline' as const,
  params: (a: Args): CancelDeadlineParams => ({ kind, key: key ? key(a) : kind }),
});
export const notify = (template: NotifyTemplate, audience: NotifyParams['audience'], rule: string) => ({
  type: 'notify' as const,
  params: ({ context }: Args): NotifyParams => ({ template, audience, rule, data: { ref: context.ref } }),
});
export const idOf = (field: string) => (a: Args) => `${(a.event as Record<string, unknown>)[field]}`;
export const keyed = (kind: DeadlineKind, field: string) => (a: Args) => `${kind}:${idOf(field)(a)}`;
export const scheduleKeyed = (kind: DeadlineKind, rule: string, field: string, basis: (a: Args) => string) => ({
  type: 'scheduleDeadline' as const,
  params: (a: Args): ScheduleDeadlineParams => ({ kind, key: keyed(kind, field)(a), rule, basis: basis(a) }),
});
export const factDateOf = ({ event }: Args) => eventDate(event);

/** The Slack user id of the event's sender (reviewers act on their own assignment). */
export function reviewerOf(event: PilotEvent): string {
  return event.actor.kind === 'user' ? event.actor.userId : '';
}

/** R-EXIT-5, R-TOL-1: the sanction notice carries the fault-tolerance facts of every incident. */
export const sanctionNotice = (template: NotifyTemplate) => ({
  type: 'notify' as const,
  params: ({ context }: Args): NotifyParams => ({
    template,
    audience: 'managers',
    rule: 'R-EXIT-5',
    data: {
      ref: context.ref,
      measure: context.pending?.details.measure ?? null,
      reportedOn: context.sanctionCase?.reportedOn ?? null,
      bureauDecisionDate: context.pending?.details.bureauDecisionDate ?? null,
    },
    faultTolerance: g.faultToleranceOf(context),
  }),
});

/** Issue 6: the owner hears that a reviewer dropped out (declined, conflict, or no answer); a replacement follows. */
export const replacementNotice = (template: NotifyTemplate, reviewer: (a: Args) => string) => ({
  type: 'notify' as const,
  params: (a: Args): NotifyParams => ({
    template,
    audience: 'owner',
    rule: 'R-APP-2',
    data: {
      ref: a.context.ref,
      reviewerId: reviewer(a),
      conflict: a.event.type === 'review.declined' && a.event.conflict === true,
    },
  }),
});
