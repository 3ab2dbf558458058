import type { CoachingContext, CoachingEvent } from './coaching/events.ts';
import type { PilotContext } from './pilot/context.ts';
import { EXIT_ITEMS, FULL_CRITERIA, type PilotEvent, SANCTION_MEASURES, SIMPLIFIED_CRITERIA } from './pilot/events.ts';
import type { Actor } from './shared/actor.ts';
import { laterDate, shanghaiDateOf } from './shared/events-common.ts';

/** Options for building representative events: the instant they are recorded and a reviewer to assign. */
export interface SampleOptions {
  at: string;
  reviewerId?: string;
}

const firstKey = <T>(record: Record<string, T>, pick: (v: T) => boolean): string =>
  Object.entries(record).find(([, v]) => pick(v))?.[0] ?? '-';
const nextId = (prefix: string, record: Record<string, unknown>) => `${prefix}${Object.keys(record).length + 1}`;

/**
 * Representative events this actor could send on this pilot context, one or more per type, so that
 * `snapshot.can(event)` can answer "may this person do X now" with guards counted.
 */
export function samplePilotEvents(ctx: PilotContext, actor: Actor, options: SampleOptions): PilotEvent[] {
  const base = { actor, recordedAt: options.at };
  const day = shanghaiDateOf(options.at);
  const fact = { ...base, factDate: day };
  const text = 'sample';
  const coached = ctx.applicants.some((a) => (a.coachingRef ?? '') !== '');
  const coaching = coached ? { coachingValidOnSubmission: true } : {};
  const complaintOpen = firstKey(ctx.complaints, (c) => c.resolvedOn === null);
  const incident = Object.keys(ctx.incidents)[0] ?? '-';
  const bureauDecisionDate = laterDate(ctx.sanctionCase?.reportedOn ?? null, day);
  const sanction = SANCTION_MEASURES.map(
    (measure) =>
      ({
        type: 'decision.propose',
        ...base,
        decisionKind: 'sanction',
        measure,
        bureauDecisionDate,
        summary: text,
      }) as const,
  );
  return [
    { type: 'intake.update', ...base },
    { type: 'intake.submit', ...fact, openBatchId: 'open-batch', ...coaching },
    { type: 'intake.submit', ...fact, openBatchId: null, ...coaching },
    { type: 'application.withdraw', ...fact, reason: text },
    { type: 'batch.assigned', ...base, batchId: 'next-batch' },
    { type: 'review.assigned', ...base, reviewerId: options.reviewerId ?? 'representative-reviewer' },
    { type: 'review.accepted', ...base, declaration: true },
    { type: 'review.declined', ...base },
    {
      type: 'review.invitationExpired',
      ...fact,
      reviewerId: ctx.assignments.find((a) => a.status === 'assigned')?.reviewerId ?? '-',
    },
    {
      type: 'review.submitted',
      ...base,
      ...Object.fromEntries(
        [...FULL_CRITERIA, ...SIMPLIFIED_CRITERIA].flatMap((c) => [
          [c, 3],
          [`${c}Comment`, text],
        ]),
      ),
      recommendation: 'pass',
    } as PilotEvent,
    { type: 'screening.overrideReviews', ...base, reason: text },
    { type: 'screening.requestInfo', ...base, request: text },
    { type: 'screening.infoReceived', ...fact },
    { type: 'screening.deferToLaterBatch', ...base, laterBatchId: null, reason: text },
    { type: 'screening.deferToLaterBatch', ...base, laterBatchId: 'later-batch', reason: text },
    { type: 'decision.propose', ...base, decisionKind: 'screeningPass' },
    { type: 'decision.propose', ...base, decisionKind: 'screeningFilterOut', flaws: text },
    { type: 'decision.propose', ...base, decisionKind: 'launch' },
    { type: 'decision.propose', ...base, decisionKind: 'conversion' },
    { type: 'decision.propose', ...base, decisionKind: 'forcedExit', reason: text },
    ...sanction,
    { type: 'decision.confirm', ...base },
    { type: 'decision.withdraw', ...base },
    { type: 'preliminary.forwarded', ...fact },
    { type: 'csrc.forwarded', ...fact },
    { type: 'csrc.evaluationRecorded', ...fact, outcome: 'passed', letterRef: text },
    { type: 'csrc.evaluationRecorded', ...fact, outcome: 'failed', letterRef: text },
    { type: 'notice.published', ...fact },
    {
      type: 'notice.commentLogged',
      ...fact,
      commentId: nextId('comment-', ctx.comments),
      source: 'public',
      summary: text,
      raisesRisk: false,
    },
    {
      type: 'notice.commentDisposed',
      ...base,
      commentId: firstKey(ctx.comments, (c) => c.disposition === null),
      dispositionKind: 'explained',
      disposition: text,
    },
    { type: 'notice.periodEnded', ...fact },
    { type: 'plan.revised', ...fact, summary: text },
    { type: 'risk.assessmentRecorded', ...base, majorHiddenRisk: false },
    { type: 'commitment.received', ...fact, documentRef: text },
    { type: 'launch.announced', ...fact, factDate: laterDate(ctx.commitmentReceivedOn, day) },
    { type: 'report.received', ...fact, reportKind: 'periodic', summary: text },
    { type: 'report.received', ...fact, reportKind: 'adHoc', summary: text },
    {
      type: 'inspection.scheduled',
      ...base,
      inspectionId: nextId('inspection-', ctx.inspections),
      authority: 'shanghaiBureau',
      mode: 'onSite',
      scheduledFor: day,
    },
    {
      type: 'inspection.findingsRecorded',
      ...fact,
      inspectionId: firstKey(ctx.inspections, (i) => i.findingsOn === null),
      findings: text,
    },
    { type: 'guidance.recorded', ...fact, guidanceKind: 'guidance', summary: text },
    { type: 'guidance.relayed', ...fact, noticeRef: text, summary: text },
    { type: 'complaint.logged', ...fact, complaintId: nextId('complaint-', ctx.complaints), summary: text },
    {
      type: 'complaint.acknowledged',
      ...fact,
      complaintId: firstKey(ctx.complaints, (c) => c.acknowledgedOn === null && c.resolvedOn === null),
    },
    { type: 'complaint.resolved', ...fact, complaintId: complaintOpen, outcome: text },
    {
      type: 'incident.occurred',
      ...fact,
      incidentId: nextId('incident-', ctx.incidents),
      incidentKind: 'businessError',
      occurredAt: options.at,
      summary: text,
    },
    { type: 'incident.reportReceived', ...fact, incidentId: incident, stage: 'first', summary: text },
    {
      type: 'incident.faultToleranceAssessed',
      ...base,
      incidentId: incident,
      actualInvestorLoss: false,
      lossesCompensated: false,
      marketStabilityAffected: false,
    },
    { type: 'evaluation.recorded', ...fact, outcome: 'metGoals', summary: text },
    { type: 'evaluation.recorded', ...fact, outcome: 'notPassed', summary: text },
    { type: 'evaluation.recorded', ...fact, outcome: 'considerableRisk', summary: text },
    { type: 'rectification.required', ...fact, requirements: text },
    { type: 'rectification.completed', ...fact, summary: text },
    { type: 'sanction.reportedToCsrc', ...fact, violation: 'commitment', severity: 'minor', summary: text },
    { type: 'support.recorded', ...fact, programme: 'shanghaiJincai', status: 'applied', beneficiary: 'person' },
    { type: 'exit.requested', ...fact, reason: text },
    {
      type: 'exit.checklistItemDone',
      ...fact,
      item: EXIT_ITEMS.find((i) => !ctx.exit?.done.includes(i)) ?? EXIT_ITEMS[0],
    },
    { type: 'exit.closed', ...fact },
  ];
}

/** Representative coaching events for `snapshot.can`. */
export function sampleCoachingEvents(ctx: CoachingContext, actor: Actor, options: SampleOptions): CoachingEvent[] {
  const base = { actor, recordedAt: options.at };
  const fact = { ...base, factDate: shanghaiDateOf(options.at) };
  const text = 'sample';
  return [
    { type: 'coaching.update', ...base },
    { type: 'coaching.submit', ...fact },
    { type: 'application.withdraw', ...fact, reason: text },
    { type: 'decision.propose', ...base, decisionKind: 'selectionPass' },
    { type: 'decision.propose', ...base, decisionKind: 'selectionFilterOut', flaws: text },
    { type: 'decision.propose', ...base, decisionKind: 'revocation', violation: text },
    { type: 'decision.confirm', ...base },
    { type: 'decision.withdraw', ...base },
    { type: 'csrc.forwarded', ...fact },
    { type: 'csrc.evaluationRecorded', ...fact, outcome: 'passed', letterRef: text },
    { type: 'csrc.evaluationRecorded', ...fact, outcome: 'failed', letterRef: text },
    { type: 'notice.published', ...fact },
    { type: 'coaching.linkedToPilot', ...base, pilotRef: `pilot-${ctx.linkedPilots.length + 1}` },
    { type: 'coaching.expired', ...fact },
    { type: 'notice.removed', ...fact },
  ];
}
