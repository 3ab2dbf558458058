import { userIdOf } from '../shared/actor.ts';
import { mayConfirm, mayPropose, mayWithdraw } from '../shared/decisions.ts';
import { evaluatePilotEligibility } from '../shared/eligibility.ts';
import { shanghaiDateOf } from '../shared/events-common.ts';
import { isShanghaiMarketCoreApplication } from '../shared/institutions.ts';
import type { FaultToleranceSummary, PilotContext, SanctionCase } from './context.ts';
import {
  EXIT_ITEMS,
  FULL_CRITERIA,
  MATERIALS,
  type PilotDecisionKind,
  type PilotEvent,
  type PilotEventOf,
  type PilotEventType,
  type SanctionMeasure,
  SIMPLIFIED_CRITERIA,
} from './events.ts';

type Guard<K extends PilotEventType = PilotEventType> = (ctx: PilotContext, event: PilotEventOf<K>) => boolean;
// Guards hang on transitions keyed by their event type, so the event is already of type K.
const on =
  <K extends PilotEventType>(_type: K, check: Guard<K>) =>
  (ctx: PilotContext, event: PilotEvent): boolean =>
    check(ctx, event as PilotEventOf<K>);

/** R-APP-8: every required material is on file. */
export const materialsComplete = (ctx: Pick<PilotContext, 'materials'>): boolean =>
  MATERIALS.every((m) => ctx.materials.includes(m));

/** The linked coaching's validity (R-COA-7) must be stated exactly when a coached applicant is in the application. */
const coachingFactConsistent = (ctx: PilotContext, event: PilotEventOf<'intake.submit'>): boolean => {
  const coached = ctx.applicants.some((a) => (a.coachingRef ?? '') !== '');
  return coached === (event.coachingValidOnSubmission !== undefined);
};

/** R-ELIG-1…5, R-APP-8, R-COA-7: submit only an eligible, complete application with the coaching fact when needed. */
export const canSubmit = on(
  'intake.submit',
  (ctx, e) => ctx.eligibility.eligible && materialsComplete(ctx) && coachingFactConsistent(ctx, e),
);
/** R-BATCH-1: no batch is open at submission, so the application waits for the next one. */
export const noOpenBatch = on('intake.submit', (_, e) => e.openBatchId === null);
/** R-APP-7: the lead is a market core institution registered in Shanghai. */
export const marketCorePath = (ctx: PilotContext): boolean => isShanghaiMarketCoreApplication(ctx.applicants);

/** After submission an intake edit may not make the application ineligible or incomplete. */
export const updateKeepsApplicationValid = on('intake.update', (ctx, e) => {
  const materials = e.materials ?? ctx.materials;
  return evaluatePilotEligibility(e.applicants ?? ctx.applicants).eligible && materialsComplete({ materials });
});

/** Invitations still standing: neither declined nor withdrawn after going unanswered. */
const activeAssignments = (ctx: PilotContext) =>
  ctx.assignments.filter((a) => a.status !== 'declined' && a.status !== 'withdrawn');
/** How many reviews screening needs: fewer when the simplified review applies (R-COA-7). */
export const reviewsNeeded = (ctx: PilotContext): number =>
  ctx.simplifiedReview ? ctx.reviewersRequired.simplified : ctx.reviewersRequired.standard;

/** R-APP-2: staff assign reviewers up to the number needed; a reviewer is never invited twice to a project. */
export const canAssignReviewer = on(
  'review.assigned',
  (ctx, e) =>
    ctx.pending === null &&
    activeAssignments(ctx).length < reviewsNeeded(ctx) &&
    !ctx.assignments.some((a) => a.reviewerId === e.reviewerId),
);

const activeAssignmentOf = (ctx: PilotContext, reviewerId: string | null) =>
  activeAssignments(ctx).find((a) => a.reviewerId === reviewerId);
const assignmentStatusOf = (ctx: PilotContext, event: PilotEvent) =>
  activeAssignmentOf(ctx, userIdOf(event.actor))?.status;

/** Only the assigned reviewer answers an invitation. */
export const isAssignedReviewer = (ctx: PilotContext, event: PilotEvent): boolean =>
  assignmentStatusOf(ctx, event) === 'assigned';

/** Accepting needs the conflict-of-interest and confidentiality declaration ticked. */
export const canAcceptReview = on('review.accepted', (ctx, e) => isAssignedReviewer(ctx, e) && e.declaration);

/** The scheduler withdraws an invitation still unanswered when its response deadline passes. */
export const invitationUnanswered = on(
  'review.invitationExpired',
  (ctx, e) => activeAssignmentOf(ctx, e.reviewerId)?.status === 'assigned',
);

/** The criteria a review must rate: the four of R-APP-2, or the two a simplified review focuses on (R-COA-7). */
export const criteriaFor = (ctx: PilotContext): readonly string[] =>
  ctx.simplifiedReview ? SIMPLIFIED_CRITERIA : FULL_CRITERIA;

/**
 * An accepted reviewer submits a review with a score and a comment on every criterion the review mode needs; a
 * submitted review may be amended while screening lasts and no decision is pending (until the working group decides).
 */
export const canSubmitReview = on('review.submitted', (ctx, e) => {
  const status = assignmentStatusOf(ctx, e);
  const fields = e as Record<string, unknown>;
  return (
    (status === 'accepted' || (status === 'submitted' && ctx.pending === null)) &&
    criteriaFor(ctx).every((c) => fields[c] !== undefined && fields[`${c}Comment`] !== undefined)
  );
});

/** The number of reviews in. */
export const reviewsIn = (ctx: PilotContext): number => ctx.assignments.filter((a) => a.status === 'submitted').length;

/** Screening can be decided once enough reviews are in, or a manager overrode the gate with a written reason. */
export const reviewsComplete = (ctx: PilotContext): boolean =>
  reviewsIn(ctx) >= reviewsNeeded(ctx) || (ctx.reviewOverride ?? null) !== null;

/** A manager may override the review gate only while reviews are missing, no override stands and nothing is pending. */
export const canOverrideReviews = (ctx: PilotContext): boolean => ctx.pending === null && !reviewsComplete(ctx);

export const noPendingDecision = (ctx: PilotContext): boolean => ctx.pending === null;

/** R-APP-6: every comment disposed, no major hidden risk or mitigations recorded, written commitment in. */
export const launchConditionsMet = (ctx: PilotContext): boolean =>
  Object.values(ctx.comments).every((c) => c.disposition !== null) &&
  ctx.riskAssessment !== null &&
  (!ctx.riskAssessment.majorHiddenRisk || ctx.riskAssessment.mitigations !== null) &&
  ctx.commitmentReceivedOn !== null;

export type SanctionStage = 'initial' | 'suspended' | 'followUp';
const INITIAL_MEASURES: Record<'minor' | 'serious' | 'suspectedCrime', readonly SanctionMeasure[]> = {
  minor: ['suspend', 'stop'],
  serious: ['administrativeMeasures'],
  suspectedCrime: ['referral'],
};
const FOLLOW_UP_MEASURES: Record<Exclude<SanctionStage, 'initial'>, readonly SanctionMeasure[]> = {
  suspended: ['resume', 'stop'],
  followUp: ['resume', 'stop', 'suspend'],
};

/** R-EXIT-5: the measures the Shanghai bureau may decide now: by severity first, then resume or stop. */
export function sanctionMeasures(ctx: PilotContext, stage: SanctionStage): readonly SanctionMeasure[] {
  if (ctx.sanctionCase === null) return [];
  return stage === 'initial' ? INITIAL_MEASURES[ctx.sanctionCase.severity] : FOLLOW_UP_MEASURES[stage];
}

/** Preconditions of a decision kind, checked when proposed and again when confirmed. */
function decisionReady(ctx: PilotContext, kind: PilotDecisionKind): boolean {
  switch (kind) {
    case 'screeningPass':
    case 'screeningFilterOut':
      return reviewsComplete(ctx);
    case 'launch':
      return launchConditionsMet(ctx);
    case 'conversion':
      return ctx.evaluations.at(-1)?.outcome === 'metGoals' && ctx.sanctionCase === null;
    case 'sanction':
      return ctx.sanctionCase !== null;
    case 'forcedExit':
      return true;
  }
}

export interface ProposeParams {
  kinds: readonly PilotDecisionKind[];
  stage?: SanctionStage;
}
/** Two-person rule, first step: a staff member proposes a decision this state allows, its preconditions met. */
export function canPropose(ctx: PilotContext, e: PilotEvent, params: ProposeParams): boolean {
  const event = e as PilotEventOf<'decision.propose'>;
  if (!mayPropose(event.actor) || ctx.pending !== null) return false;
  if (!params.kinds.includes(event.decisionKind) || !decisionReady(ctx, event.decisionKind)) return false;
  if (event.decisionKind !== 'sanction') return true;
  // R-EXIT-5: the bureau decides after the SWG's report to the CSRC, and only a measure the severity allows.
  return (
    event.bureauDecisionDate >= (ctx.sanctionCase as SanctionCase).reportedOn &&
    sanctionMeasures(ctx, params.stage ?? 'initial').includes(event.measure)
  );
}

export interface ConfirmParams {
  kind: PilotDecisionKind;
  measure?: SanctionMeasure;
}
/** Two-person rule, second step: someone else confirms, and the decision's preconditions still hold. */
export function canConfirm(ctx: PilotContext, event: PilotEvent, params: ConfirmParams): boolean {
  const { pending } = ctx;
  return (
    pending !== null &&
    pending.kind === params.kind &&
    (params.measure === undefined || pending.details.measure === params.measure) &&
    mayConfirm(pending, event.actor) &&
    decisionReady(ctx, pending.kind)
  );
}

/** The proposer or a manager withdraws a pending proposal. */
export const canWithdrawDecision = on('decision.withdraw', (ctx, e) => mayWithdraw(ctx.pending, e.actor));

export const isNewComment = on('notice.commentLogged', (ctx, e) => ctx.comments[e.commentId] === undefined);
export const isUndisposedComment = on(
  'notice.commentDisposed',
  (ctx, e) => ctx.comments[e.commentId]?.disposition === null,
);
/** A major hidden risk may only be recorded with its prevention and compensation mechanisms (R-APP-6 a). */
export const riskAssessmentValid = on(
  'risk.assessmentRecorded',
  (_, e) => !e.majorHiddenRisk || e.mitigations !== undefined,
);
/** The launch is announced after the commitment arrived; the announcement's date is the launch date. */
export const announcementAfterCommitment = on(
  'launch.announced',
  (ctx, e) => e.factDate >= (ctx.commitmentReceivedOn ?? ''),
);

export const csrcOutcomeIs = (outcome: 'passed' | 'failed') =>
  on('csrc.evaluationRecorded', (_, e) => e.outcome === outcome);
export const evaluationOutcomeIs = (outcome: 'metGoals' | 'notPassed' | 'considerableRisk') =>
  on('evaluation.recorded', (_, e) => e.outcome === outcome);
export const laterBatchGiven = on('screening.deferToLaterBatch', (_, e) => e.laterBatchId !== null);

export const isNewInspection = on('inspection.scheduled', (ctx, e) => ctx.inspections[e.inspectionId] === undefined);
export const isOpenInspection = on(
  'inspection.findingsRecorded',
  (ctx, e) => ctx.inspections[e.inspectionId]?.findingsOn === null,
);
export const isNewComplaint = on('complaint.logged', (ctx, e) => ctx.complaints[e.complaintId] === undefined);
export const isUnacknowledgedComplaint = on(
  'complaint.acknowledged',
  (ctx, e) =>
    ctx.complaints[e.complaintId]?.acknowledgedOn === null && ctx.complaints[e.complaintId]?.resolvedOn === null,
);
export const isUnresolvedComplaint = on(
  'complaint.resolved',
  (ctx, e) => ctx.complaints[e.complaintId]?.resolvedOn === null,
);
/** A new incident; its fact date is the Shanghai date of the instant it occurred (hours count from that instant). */
export const isNewIncident = on(
  'incident.occurred',
  (ctx, e) => ctx.incidents[e.incidentId] === undefined && shanghaiDateOf(e.occurredAt) === e.factDate,
);
export const isKnownIncident = (ctx: PilotContext, event: PilotEvent): boolean =>
  ctx.incidents[(event as PilotEventOf<'incident.reportReceived'>).incidentId] !== undefined;
/** R-SUP-5: only the first report meets the 24-hour clock; a handling or final report leaves it running. */
export const isFirstReport = (ctx: PilotContext, event: PilotEvent): boolean =>
  isKnownIncident(ctx, event) && (event as PilotEventOf<'incident.reportReceived'>).stage === 'first';
/** R-TOL-1: compensated losses count as no loss only when they were actually incurred and compensated. */
export const faultToleranceConsistent = on(
  'incident.faultToleranceAssessed',
  (_, e) => e.actualInvestorLoss || !e.lossesCompensated,
);

export const noOpenSanctionCase = (ctx: PilotContext): boolean => ctx.sanctionCase === null;
/** A rectification deadline set with the decision lies after the decision's date. */
export const rectificationDueValid = on(
  'rectification.required',
  (_, e) => e.dueDate === undefined || e.dueDate > e.factDate,
);
export const isOpenExitItem = on('exit.checklistItemDone', (ctx, e) => !(ctx.exit?.done ?? []).includes(e.item));
/** R-EXIT-6: the exit closes only when the exit plan's checklist is done. */
export const exitChecklistDone = (ctx: PilotContext): boolean => EXIT_ITEMS.every((i) => ctx.exit?.done.includes(i));

/** R-TOL-1: an incident qualifies for a lighter or no penalty without actual (uncompensated) loss or market effect. */
export function faultToleranceOf(ctx: PilotContext): FaultToleranceSummary[] {
  return Object.entries(ctx.incidents).map(([incidentId, incident]) => {
    const facts = incident.faultTolerance;
    const qualifies =
      facts !== null && (!facts.actualInvestorLoss || facts.lossesCompensated) && !facts.marketStabilityAffected;
    return { incidentId, assessed: facts !== null, qualifies };
  });
}
