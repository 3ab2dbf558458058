import { userIdOf } from '../shared/actor.ts';
import { applied } from '../shared/decisions.ts';
import { evaluatePilotEligibility } from '../shared/eligibility.ts';
import { eventDate } from '../shared/events-common.ts';
import type { AssignmentStatus, PilotContext, Review } from './context.ts';
import type { Criterion, PilotEvent, PilotEventOf, PilotEventType } from './events.ts';
import { criteriaFor, faultToleranceOf, marketCorePath } from './guards.ts';

type Patch = Partial<PilotContext>;
type Reducer<K extends PilotEventType> = (ctx: PilotContext, event: PilotEventOf<K>) => Patch;
/** Pure context updates, one per event type; the machine wraps them in `assign`. */
type Reducers = { [K in PilotEventType]?: Reducer<K> };

const withoutMeta = (event: PilotEvent): Record<string, string | null> => {
  const details: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(event)) {
    if (!['type', 'actor', 'recordedAt', 'decisionKind'].includes(key)) details[key] = String(value);
  }
  return details;
};

export const pilotReducers: Reducers = {
  // Eligibility is re-evaluated on every change of the intake (issue 3).
  'intake.update': (ctx, e) => {
    const applicants = e.applicants ?? ctx.applicants;
    return {
      title: e.title ?? ctx.title,
      applicants,
      materials: e.materials ?? ctx.materials,
      technologies: e.technologies ?? ctx.technologies,
      ownerId: e.ownerId ?? ctx.ownerId,
      eligibility: evaluatePilotEligibility(applicants),
    };
  },
  'intake.submit': (ctx, e) => ({
    submittedOn: e.factDate,
    batchId: e.openBatchId,
    path: marketCorePath(ctx) ? 'marketCore' : 'standard',
    // R-COA-7: judged on the submission day and kept, whatever happens to the coaching afterwards.
    coachingValidOnSubmission: e.coachingValidOnSubmission ?? null,
    simplifiedReview: e.coachingValidOnSubmission === true,
  }),
  'batch.assigned': (_, e) => ({ batchId: e.batchId }),
  'screening.deferToLaterBatch': (ctx, e) => ({
    batchId: e.laterBatchId,
    deferrals: [
      ...ctx.deferrals,
      { fromBatchId: ctx.batchId, toBatchId: e.laterBatchId, at: e.recordedAt, reason: e.reason },
    ],
  }),
  'review.assigned': (ctx, e) => ({
    assignments: [...ctx.assignments, { reviewerId: e.reviewerId, status: 'assigned' }],
  }),
  'review.accepted': (ctx, e) => ({
    assignments: setStatus(ctx, userIdOf(e.actor), 'accepted', { declaredAt: e.recordedAt }),
  }),
  'review.declined': (ctx, e) => ({
    assignments: setStatus(ctx, userIdOf(e.actor), 'declined', e.conflict ? { conflict: true } : {}),
  }),
  'review.invitationExpired': (ctx, e) => ({ assignments: setStatus(ctx, e.reviewerId, 'withdrawn') }),
  'review.submitted': (ctx, e) => {
    const reviewerId = userIdOf(e.actor) ?? '';
    const ratings: Review['ratings'] = {};
    const comments: NonNullable<Review['comments']> = {};
    for (const c of criteriaFor(ctx) as Criterion[]) {
      ratings[c] = e[c];
      comments[c] = e[`${c}Comment`];
    }
    const previous = ctx.reviews.find((r) => r.reviewerId === reviewerId);
    const review: Review = {
      reviewerId,
      ratings,
      comments,
      recommendation: e.recommendation,
      confidentialNote: e.confidentialNote ?? null,
      submittedAt: previous?.submittedAt ?? e.recordedAt,
      amendedAt: previous ? e.recordedAt : null,
    };
    return {
      assignments: setStatus(ctx, reviewerId, 'submitted'),
      reviews: [...ctx.reviews.filter((r) => r.reviewerId !== reviewerId), review],
    };
  },
  'screening.overrideReviews': (_, e) => ({
    reviewOverride: { by: userIdOf(e.actor) ?? '', at: e.recordedAt, reason: e.reason },
  }),
  'screening.requestInfo': (ctx, e) => ({
    infoRequests: [...ctx.infoRequests, { requestedAt: e.recordedAt, request: e.request, receivedOn: null }],
  }),
  'screening.infoReceived': (ctx, e) => ({
    infoRequests: ctx.infoRequests.map((r) => (r.receivedOn === null ? { ...r, receivedOn: e.factDate } : r)),
  }),
  'decision.propose': (_, e) => ({
    pending: {
      kind: e.decisionKind,
      proposedBy: userIdOf(e.actor) ?? '',
      proposedAt: e.recordedAt,
      details: withoutMeta(e),
    },
  }),
  'decision.confirm': (ctx, e) =>
    ctx.pending === null
      ? {}
      : { pending: null, decisions: [...ctx.decisions, applied(ctx.pending, e.actor, e.recordedAt)] },
  'decision.withdraw': () => ({ pending: null }),
  'preliminary.forwarded': (ctx, e) => ({ csrc: { ...ctx.csrc, forwardedOn: e.factDate } }),
  'csrc.forwarded': (ctx, e) => ({ csrc: { ...ctx.csrc, forwardedOn: e.factDate } }),
  'csrc.evaluationRecorded': (ctx, e) => ({
    csrc: { ...ctx.csrc, letterDate: e.factDate, outcome: e.outcome, letterRef: e.letterRef },
  }),
  'notice.published': (ctx, e) => ({ notice: { ...ctx.notice, publishedOn: e.factDate } }),
  'notice.commentLogged': (ctx, e) => ({
    comments: {
      ...ctx.comments,
      [e.commentId]: {
        loggedOn: e.factDate,
        // Events reach the machine parsed (defaults applied); a raw event built in code gets the same defaults.
        source: e.source ?? 'public',
        summary: e.summary,
        raisesRisk: e.raisesRisk ?? false,
        disposition: null,
        dispositionKind: null,
      },
    },
  }),
  'notice.commentDisposed': (ctx, e) => {
    const comment = ctx.comments[e.commentId];
    return comment
      ? {
          comments: {
            ...ctx.comments,
            [e.commentId]: {
              ...comment,
              disposition: e.disposition,
              dispositionKind: e.dispositionKind ?? 'explained',
            },
          },
        }
      : {};
  },
  'notice.periodEnded': (ctx, e) => ({ notice: { ...ctx.notice, closedOn: e.factDate } }),
  'plan.revised': (ctx, e) => ({ planRevisions: [...ctx.planRevisions, { on: e.factDate, summary: e.summary }] }),
  'risk.assessmentRecorded': (_, e) => ({
    riskAssessment: { majorHiddenRisk: e.majorHiddenRisk, mitigations: e.mitigations ?? null },
  }),
  'commitment.received': (_, e) => ({ commitmentReceivedOn: e.factDate }),
  'launch.announced': (_, e) => ({ launchDate: e.factDate }),
  'report.received': (ctx, e) => ({
    periodicReports: ctx.periodicReports + (e.reportKind === 'periodic' ? 1 : 0),
    reports: [...ctx.reports, { kind: e.reportKind, on: e.factDate, summary: e.summary }],
  }),
  'inspection.scheduled': (ctx, e) => ({
    inspections: {
      ...ctx.inspections,
      [e.inspectionId]: { authority: e.authority, mode: e.mode, scheduledFor: e.scheduledFor, findingsOn: null },
    },
  }),
  'inspection.findingsRecorded': (ctx, e) => {
    const inspection = ctx.inspections[e.inspectionId];
    return inspection
      ? { inspections: { ...ctx.inspections, [e.inspectionId]: { ...inspection, findingsOn: e.factDate } } }
      : {};
  },
  'guidance.recorded': (ctx, e) => ({
    guidance: [...ctx.guidance, { kind: e.guidanceKind, on: e.factDate, summary: e.summary, noticeRef: null }],
  }),
  'guidance.relayed': (ctx, e) => ({
    guidance: [...ctx.guidance, { kind: 'csrcRelayed', on: e.factDate, summary: e.summary, noticeRef: e.noticeRef }],
  }),
  'complaint.logged': (ctx, e) => ({
    complaints: {
      ...ctx.complaints,
      [e.complaintId]: { receivedOn: e.factDate, acknowledgedOn: null, resolvedOn: null },
    },
  }),
  'complaint.acknowledged': (ctx, e) => patchComplaint(ctx, e.complaintId, { acknowledgedOn: e.factDate }),
  'complaint.resolved': (ctx, e) => patchComplaint(ctx, e.complaintId, { resolvedOn: e.factDate }),
  'incident.occurred': (ctx, e) => ({
    incidents: {
      ...ctx.incidents,
      [e.incidentId]: {
        kind: e.incidentKind,
        occurredAt: e.occurredAt,
        summary: e.summary,
        reports: [],
        faultTolerance: null,
      },
    },
  }),
  'incident.reportReceived': (ctx, e) => {
    const incident = ctx.incidents[e.incidentId]!;
    const reports = [...incident.reports, { stage: e.stage, on: e.factDate }];
    return { incidents: { ...ctx.incidents, [e.incidentId]: { ...incident, reports } } };
  },
  'incident.faultToleranceAssessed': (ctx, e) => {
    const incident = ctx.incidents[e.incidentId]!;
    const { actualInvestorLoss, lossesCompensated, marketStabilityAffected } = e;
    const faultTolerance = { actualInvestorLoss, lossesCompensated, marketStabilityAffected };
    return { incidents: { ...ctx.incidents, [e.incidentId]: { ...incident, faultTolerance } } };
  },
  'evaluation.recorded': (ctx, e) => ({
    evaluations: [...ctx.evaluations, { on: e.factDate, outcome: e.outcome, summary: e.summary }],
  }),
  'rectification.required': (_, e) => ({
    rectification: {
      requiredOn: e.factDate,
      dueDate: e.dueDate ?? null,
      requirements: e.requirements,
      completedOn: null,
    },
  }),
  'rectification.completed': (ctx, e) =>
    ctx.rectification ? { rectification: { ...ctx.rectification, completedOn: e.factDate } } : {},
  'sanction.reportedToCsrc': (_, e) => ({
    sanctionCase: { reportedOn: e.factDate, violation: e.violation, severity: e.severity, summary: e.summary },
  }),
  'support.recorded': (ctx, e) => ({
    support: [...ctx.support, { programme: e.programme, status: e.status, beneficiary: e.beneficiary, on: e.factDate }],
  }),
  'exit.requested': (_, e) => ({
    exit: { mode: 'voluntary', startedOn: e.factDate, reason: e.reason, done: [], closedOn: null },
  }),
  'exit.checklistItemDone': (ctx, e) =>
    ctx.exit
      ? {
          exit: {
            ...ctx.exit,
            done: [...ctx.exit.done, e.item],
            // Who ticked the item and on which day it was done (R-EXIT-6); absent in older snapshots.
            ticks: [...(ctx.exit.ticks ?? []), { item: e.item, by: userIdOf(e.actor) ?? '', on: e.factDate }],
          },
        }
      : {},
  'exit.closed': (ctx, e) => (ctx.exit ? { exit: { ...ctx.exit, closedOn: e.factDate } } : {}),
};

function setStatus(ctx: PilotContext, reviewerId: string | null, status: AssignmentStatus, extra: object = {}) {
  return ctx.assignments.map((a) =>
    a.reviewerId === reviewerId && a.status !== 'declined' && a.status !== 'withdrawn' ? { ...a, status, ...extra } : a,
  );
}

function patchComplaint(ctx: PilotContext, id: string, patch: Partial<PilotContext['complaints'][string]>): Patch {
  const complaint = ctx.complaints[id];
  return complaint ? { complaints: { ...ctx.complaints, [id]: { ...complaint, ...patch } } } : {};
}

/** Applies the reducer for an event, if any (the machine calls this in its `record` action). */
export function reducePilot(ctx: PilotContext, event: PilotEvent): Patch {
  const reducer = pilotReducers[event.type] as ((c: PilotContext, e: PilotEvent) => Patch) | undefined;
  return reducer ? reducer(ctx, event) : {};
}

/** The sanction the bureau decided, with the R-TOL-1 facts of every incident attached (R-EXIT-5, R-TOL-1). */
export function recordSanction(ctx: PilotContext): Patch {
  // Only called when confirming a sanction: the guard ensures both the proposal and the open case.
  const pending = ctx.pending!;
  const sanctionCase = ctx.sanctionCase!;
  const measure = pending.details.measure as PilotContext['sanctions'][number]['measure'];
  const closes = measure === 'resume' || measure === 'stop';
  return {
    sanctions: [
      ...ctx.sanctions,
      {
        measure,
        reportedOn: sanctionCase.reportedOn,
        bureauDecisionDate: pending.details.bureauDecisionDate as string,
        severity: sanctionCase.severity,
        faultTolerance: faultToleranceOf(ctx),
      },
    ],
    sanctionCase: closes ? null : sanctionCase,
  };
}

/** Starts the exit (R-EXIT-6): forced by a decision or a stop; voluntary exits start from `exit.requested`. */
export function startForcedExit(ctx: PilotContext, event: PilotEvent): Patch {
  const details = ctx.pending!.details;
  const reason = (details.reason ?? details.summary) as string;
  const startedOn = details.bureauDecisionDate ?? eventDate(event);
  return { exit: { mode: 'forced', startedOn, reason, done: [], closedOn: null } };
}
