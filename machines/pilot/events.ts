import { z } from 'zod';
import {
  factEvent,
  IsoDateSchema,
  IsoInstantSchema,
  longTextSchema,
  recordEvent,
  textSchema,
  userFieldSchema,
} from '../shared/events-common.ts';
import { ApplicantSchema } from '../shared/institutions.ts';

/** R-APP-8: the materials a pilot application is complete with. */
export const MATERIALS = ['projectPlan', 'riskAssessment', 'emergencyPlan', 'exitPlan', 'investorProtection'] as const;
/** R-ELIG-6: focus technologies; recorded for matching and reporting, never a condition. */
export const TECHNOLOGIES = ['bigData', 'cloudComputing', 'ai', 'blockchain', 'otherNewIt'] as const;
/** R-APP-2: the four screening criteria; R-COA-7: the two a simplified review focuses on. */
export const FULL_CRITERIA = ['legalCompliance', 'orderlyInnovation', 'riskControllability', 'policyFit'] as const;
export const SIMPLIFIED_CRITERIA = ['newRisks', 'investorProtectionMeasures'] as const;
export type Criterion = (typeof FULL_CRITERIA)[number] | (typeof SIMPLIFIED_CRITERIA)[number];
/** R-INC-1: what a converted project is promoted with. */
export const INCENTIVES = ['publicNotice', 'industryBulletin', 'techAwardEntry', 'classificationBonus'] as const;
/** R-EXIT-6: the exit plan's checklist. */
/** Where a public comment came from (R-APP-5). */
export const COMMENT_SOURCES = ['public', 'investor', 'institution', 'media', 'other'] as const;
/** How a public comment was disposed of (R-APP-5, R-APP-6). */
export const DISPOSITION_KINDS = ['acceptedPlanRevised', 'explained', 'notRelevant'] as const;

export const EXIT_ITEMS = [
  'investorsNotified',
  'investorClaimsSettled',
  'exitPlanExecuted',
  'marketStabilityConfirmed',
] as const;
/** R-INC-2: local support programmes. */
export const SUPPORT_PROGRAMMES = [
  'financialInnovationAward',
  'shanghaiJincai',
  'industrySpecialFunds',
  'zhangjiangSpecialFunds',
  'highTechRecognition',
  'taxSupport',
  'residenceSupport',
] as const;
export const SANCTION_MEASURES = ['suspend', 'stop', 'administrativeMeasures', 'referral', 'resume'] as const;

const MaterialSchema = z.enum(MATERIALS);
const TechnologySchema = z.enum(TECHNOLOGIES);
/** R-APP-2: a score from 1 (poor) to 5 (excellent) per criterion. */
export const SCORES = [1, 2, 3, 4, 5] as const;
const ScoreSchema = z.number().int().min(1).max(5).optional();
const criterionComment = () => longTextSchema().optional();
/** The overall recommendation of a review (R-APP-3: filter out a project with obvious flaws). */
export const RECOMMENDATIONS = ['pass', 'filterOut', 'moreInformation'] as const;
const idSchema = () => z.string().trim().min(1).max(100);

/** Every pilot event, validated in full (actor, recordedAt, factDate when it records an outside fact, payload). */
export const pilotEventSchemas = {
  'intake.update': recordEvent('intake.update', {
    title: textSchema().optional(),
    applicants: z.array(ApplicantSchema).max(20).optional(),
    materials: z.array(MaterialSchema).optional(),
    technologies: z.array(TechnologySchema).optional(),
    ownerId: userFieldSchema().optional(),
  }),
  'intake.submit': factEvent('intake.submit', {
    openBatchId: z.string().min(1).nullable(),
    coachingValidOnSubmission: z.boolean().optional(),
  }),
  'application.withdraw': factEvent('application.withdraw', { reason: longTextSchema() }),
  'batch.assigned': recordEvent('batch.assigned', { batchId: idSchema() }),
  'review.assigned': recordEvent('review.assigned', {
    reviewerId: userFieldSchema(),
    /** Why this expert (matched tags, load) when the system picked them; filled by the system, never typed. */
    basis: z.string().max(500).optional(),
  }),
  // Accepting needs the conflict-of-interest and confidentiality declaration ticked (issue 6).
  'review.accepted': recordEvent('review.accepted', { declaration: z.boolean() }),
  'review.declined': recordEvent('review.declined', {
    reason: longTextSchema().optional(),
    conflict: z.boolean().optional(),
  }),
  'review.invitationExpired': factEvent('review.invitationExpired', { reviewerId: userFieldSchema() }),
  'review.submitted': recordEvent('review.submitted', {
    legalCompliance: ScoreSchema,
    legalComplianceComment: criterionComment(),
    orderlyInnovation: ScoreSchema,
    orderlyInnovationComment: criterionComment(),
    riskControllability: ScoreSchema,
    riskControllabilityComment: criterionComment(),
    policyFit: ScoreSchema,
    policyFitComment: criterionComment(),
    newRisks: ScoreSchema,
    newRisksComment: criterionComment(),
    investorProtectionMeasures: ScoreSchema,
    investorProtectionMeasuresComment: criterionComment(),
    recommendation: z.enum(RECOMMENDATIONS),
    confidentialNote: longTextSchema().optional(),
  }),
  'screening.overrideReviews': recordEvent('screening.overrideReviews', { reason: longTextSchema() }),
  'screening.requestInfo': recordEvent('screening.requestInfo', { request: longTextSchema() }),
  'screening.infoReceived': factEvent('screening.infoReceived', { summary: longTextSchema().optional() }),
  'screening.deferToLaterBatch': recordEvent('screening.deferToLaterBatch', {
    laterBatchId: z.string().min(1).nullable(),
    reason: longTextSchema(),
  }),
  'decision.propose': z.discriminatedUnion('decisionKind', [
    recordEvent('decision.propose', { decisionKind: z.literal('screeningPass'), note: longTextSchema().optional() }),
    recordEvent('decision.propose', { decisionKind: z.literal('screeningFilterOut'), flaws: longTextSchema() }),
    recordEvent('decision.propose', { decisionKind: z.literal('launch'), note: longTextSchema().optional() }),
    recordEvent('decision.propose', { decisionKind: z.literal('conversion'), note: longTextSchema().optional() }),
    recordEvent('decision.propose', { decisionKind: z.literal('forcedExit'), reason: longTextSchema() }),
    recordEvent('decision.propose', {
      decisionKind: z.literal('sanction'),
      measure: z.enum(SANCTION_MEASURES),
      bureauDecisionDate: IsoDateSchema,
      summary: longTextSchema(),
    }),
  ]),
  'decision.confirm': recordEvent('decision.confirm', {}),
  'decision.withdraw': recordEvent('decision.withdraw', { reason: longTextSchema().optional() }),
  'preliminary.forwarded': factEvent('preliminary.forwarded', { note: longTextSchema().optional() }),
  'csrc.forwarded': factEvent('csrc.forwarded', {}),
  'csrc.evaluationRecorded': factEvent('csrc.evaluationRecorded', {
    outcome: z.enum(['passed', 'failed']),
    letterRef: textSchema(),
  }),
  'notice.published': factEvent('notice.published', { url: textSchema(500).optional() }),
  // R-APP-5: the public comment register — where a comment came from and whether it raises a risk.
  'notice.commentLogged': factEvent('notice.commentLogged', {
    commentId: idSchema(),
    source: z.enum(COMMENT_SOURCES).default('public'),
    summary: longTextSchema(),
    raisesRisk: z.boolean().default(false),
  }),
  'notice.commentDisposed': recordEvent('notice.commentDisposed', {
    commentId: idSchema(),
    dispositionKind: z.enum(DISPOSITION_KINDS).default('explained'),
    disposition: longTextSchema(),
  }),
  'notice.periodEnded': factEvent('notice.periodEnded', {}),
  'plan.revised': factEvent('plan.revised', { summary: longTextSchema() }),
  'risk.assessmentRecorded': recordEvent('risk.assessmentRecorded', {
    majorHiddenRisk: z.boolean(),
    mitigations: longTextSchema().optional(),
  }),
  'commitment.received': factEvent('commitment.received', { documentRef: textSchema() }),
  'launch.announced': factEvent('launch.announced', { url: textSchema(500).optional() }),
  'report.received': factEvent('report.received', {
    reportKind: z.enum(['periodic', 'adHoc']),
    /** The reporting period a periodic report answers (a ReportPeriod row's id; src/reports checks it). */
    periodId: z.uuid().optional(),
    summary: longTextSchema(),
  }),
  'inspection.scheduled': recordEvent('inspection.scheduled', {
    inspectionId: idSchema(),
    authority: z.enum(['shanghaiBureau', 'csrcBureau']),
    mode: z.enum(['onSite', 'offSite']),
    scheduledFor: IsoDateSchema,
  }),
  'inspection.findingsRecorded': factEvent('inspection.findingsRecorded', {
    inspectionId: idSchema(),
    findings: longTextSchema(),
  }),
  'guidance.recorded': factEvent('guidance.recorded', {
    guidanceKind: z.enum(['guidance', 'issueFound']),
    summary: longTextSchema(),
  }),
  'guidance.relayed': factEvent('guidance.relayed', { noticeRef: textSchema(), summary: longTextSchema() }),
  'complaint.logged': factEvent('complaint.logged', { complaintId: idSchema(), summary: longTextSchema() }),
  'complaint.acknowledged': factEvent('complaint.acknowledged', { complaintId: idSchema() }),
  'complaint.resolved': factEvent('complaint.resolved', { complaintId: idSchema(), outcome: longTextSchema() }),
  'incident.occurred': factEvent('incident.occurred', {
    incidentId: idSchema(),
    incidentKind: z.enum(['securityIncident', 'businessError', 'abnormalSituation']),
    occurredAt: IsoInstantSchema,
    summary: longTextSchema(),
  }),
  'incident.reportReceived': factEvent('incident.reportReceived', {
    incidentId: idSchema(),
    stage: z.enum(['first', 'handling', 'final']),
    summary: longTextSchema(),
  }),
  'incident.faultToleranceAssessed': recordEvent('incident.faultToleranceAssessed', {
    incidentId: idSchema(),
    actualInvestorLoss: z.boolean(),
    lossesCompensated: z.boolean(),
    marketStabilityAffected: z.boolean(),
  }),
  'evaluation.recorded': factEvent('evaluation.recorded', {
    outcome: z.enum(['metGoals', 'notPassed', 'considerableRisk']),
    summary: longTextSchema(),
  }),
  'rectification.required': factEvent('rectification.required', {
    requirements: longTextSchema(),
    dueDate: IsoDateSchema.optional(),
  }),
  'rectification.completed': factEvent('rectification.completed', { summary: longTextSchema() }),
  'sanction.reportedToCsrc': factEvent('sanction.reportedToCsrc', {
    violation: z.enum(['requirements', 'commitment', 'illegalActivity']),
    severity: z.enum(['minor', 'serious', 'suspectedCrime']),
    summary: longTextSchema(),
  }),
  'support.recorded': factEvent('support.recorded', {
    programme: z.enum(SUPPORT_PROGRAMMES),
    status: z.enum(['applied', 'granted', 'refused']),
    beneficiary: z.enum(['project', 'institution', 'person']),
    note: longTextSchema().optional(),
  }),
  'exit.requested': factEvent('exit.requested', { reason: longTextSchema() }),
  'exit.checklistItemDone': factEvent('exit.checklistItemDone', { item: z.enum(EXIT_ITEMS) }),
  'exit.closed': factEvent('exit.closed', {}),
} as const;

export type PilotEventType = keyof typeof pilotEventSchemas;
export type PilotEvent = { [K in PilotEventType]: z.infer<(typeof pilotEventSchemas)[K]> }[PilotEventType];
export type PilotEventOf<K extends PilotEventType> = Extract<PilotEvent, { type: K }>;
export type PilotDecisionKind = PilotEventOf<'decision.propose'>['decisionKind'];
export type SanctionMeasure = (typeof SANCTION_MEASURES)[number];
export type Material = z.infer<typeof MaterialSchema>;
export type Technology = z.infer<typeof TechnologySchema>;
export type ExitItem = (typeof EXIT_ITEMS)[number];

/** Parses an unknown value as a pilot event (the listener's boundary); throws a ZodError when it is not one. */
export function parsePilotEvent(value: unknown): PilotEvent {
  const type = (value as { type?: unknown } | null)?.type;
  const schema = typeof type === 'string' ? (pilotEventSchemas as Record<string, z.ZodType>)[type] : undefined;
  if (!schema) throw new Error(`unknown pilot event type: ${String(type)}`);
  return schema.parse(value) as PilotEvent;
}
