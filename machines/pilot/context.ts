import { z } from 'zod';
import type { AppliedDecision, PendingDecision } from '../shared/decisions.ts';
import { type EligibilityResult, evaluatePilotEligibility } from '../shared/eligibility.ts';
import { ApplicantSchema } from '../shared/institutions.ts';
import { DEFAULT_SETTINGS } from '../shared/settings.ts';
import {
  type Criterion,
  type ExitItem,
  MATERIALS,
  type Material,
  type PilotDecisionKind,
  type SanctionMeasure,
  TECHNOLOGIES,
  type Technology,
} from './events.ts';

/** What creating a pilot project needs; the rest of the intake is edited later with `intake.update`. */
export const PilotInputSchema = z.object({
  ref: z.string().min(1),
  track: z.literal('pilot'),
  title: z.string().default(''),
  applicants: z.array(ApplicantSchema).default([]),
  materials: z.array(z.enum(MATERIALS)).default([]),
  technologies: z.array(z.enum(TECHNOLOGIES)).default([]),
  ownerId: z.string().nullable().default(null),
  reviewersRequired: z
    .object({ standard: z.number().int().min(1), simplified: z.number().int().min(1) })
    .default({ standard: DEFAULT_SETTINGS.reviewersPerApplication, simplified: DEFAULT_SETTINGS.reviewersSimplified }),
});
export type PilotInput = z.input<typeof PilotInputSchema>;

/** Where an invitation stands; `withdrawn` when it went unanswered past its deadline. */
export type AssignmentStatus = 'assigned' | 'accepted' | 'declined' | 'submitted' | 'withdrawn';
export interface Assignment {
  reviewerId: string;
  status: AssignmentStatus;
  /** When the reviewer ticked the conflict-of-interest and confidentiality declaration (on accepting). */
  declaredAt?: string;
  /** The reviewer declined because of a conflict of interest. */
  conflict?: boolean;
}
/** A review: per criterion a score 1–5 and a comment (R-APP-2), a recommendation, a note for the working group. */
export interface Review {
  reviewerId: string;
  ratings: Partial<Record<Criterion, number>>;
  comments?: Partial<Record<Criterion, string>>;
  recommendation: string;
  confidentialNote?: string | null;
  submittedAt: string;
  amendedAt?: string | null;
}
/** A manager let the screening decision go ahead without all reviews, with a written reason (issue 6). */
export interface ReviewOverride {
  by: string;
  at: string;
  reason: string;
}
export interface Incident {
  kind: string;
  occurredAt: string;
  summary: string;
  reports: Array<{ stage: string; on: string }>;
  faultTolerance: { actualInvestorLoss: boolean; lossesCompensated: boolean; marketStabilityAffected: boolean } | null;
}
export interface SanctionCase {
  reportedOn: string;
  violation: string;
  severity: 'minor' | 'serious' | 'suspectedCrime';
  summary: string;
}
export interface SanctionRecord {
  measure: SanctionMeasure;
  reportedOn: string;
  bureauDecisionDate: string;
  severity: string;
  faultTolerance: FaultToleranceSummary[];
}
export interface FaultToleranceSummary {
  incidentId: string;
  assessed: boolean;
  qualifies: boolean;
}

export interface PilotContext {
  ref: string;
  track: 'pilot';
  title: string;
  ownerId: string | null;
  applicants: z.infer<typeof ApplicantSchema>[];
  materials: Material[];
  technologies: Technology[];
  eligibility: EligibilityResult;
  reviewersRequired: { standard: number; simplified: number };
  submittedOn: string | null;
  batchId: string | null;
  deferrals: Array<{ fromBatchId: string | null; toBatchId: string | null; at: string; reason: string }>;
  path: 'standard' | 'marketCore' | null;
  simplifiedReview: boolean;
  coachingValidOnSubmission: boolean | null;
  assignments: Assignment[];
  reviews: Review[];
  /** Absent in snapshots written before issue 6: read as null. */
  reviewOverride?: ReviewOverride | null;
  infoRequests: Array<{ requestedAt: string; request: string; receivedOn: string | null }>;
  pending: PendingDecision<PilotDecisionKind> | null;
  decisions: AppliedDecision<PilotDecisionKind>[];
  csrc: {
    forwardedOn: string | null;
    letterDate: string | null;
    outcome: 'passed' | 'failed' | null;
    letterRef: string | null;
  };
  notice: { publishedOn: string | null; closedOn: string | null };
  comments: Record<
    string,
    {
      loggedOn: string;
      summary: string;
      disposition: string | null;
      /** Added after version 1 was fixed; absent in older snapshots. */
      source?: string;
      raisesRisk?: boolean;
      dispositionKind?: string | null;
    }
  >;
  planRevisions: Array<{ on: string; summary: string }>;
  riskAssessment: { majorHiddenRisk: boolean; mitigations: string | null } | null;
  commitmentReceivedOn: string | null;
  launchDate: string | null;
  periodicReports: number;
  reports: Array<{ kind: string; on: string; summary: string }>;
  inspections: Record<string, { authority: string; mode: string; scheduledFor: string; findingsOn: string | null }>;
  guidance: Array<{ kind: string; on: string; summary: string; noticeRef: string | null }>;
  complaints: Record<string, { receivedOn: string; acknowledgedOn: string | null; resolvedOn: string | null }>;
  incidents: Record<string, Incident>;
  evaluations: Array<{ on: string; outcome: 'metGoals' | 'notPassed' | 'considerableRisk'; summary: string }>;
  rectification: {
    requiredOn: string;
    dueDate: string | null;
    requirements: string;
    completedOn: string | null;
  } | null;
  sanctionCase: SanctionCase | null;
  sanctions: SanctionRecord[];
  support: Array<{ programme: string; status: string; beneficiary: string; on: string }>;
  exit: {
    mode: 'voluntary' | 'forced';
    startedOn: string;
    reason: string;
    done: ExitItem[];
    /** Who ticked each item and the day it was done; added after version 1 was fixed, absent in older snapshots. */
    ticks?: Array<{ item: ExitItem; by: string; on: string }>;
    closedOn: string | null;
  } | null;
}

/** The context of a new pilot project, with eligibility evaluated from the initial applicants. */
export function initialPilotContext(raw: PilotInput): PilotContext {
  const input = PilotInputSchema.parse(raw);
  return {
    ref: input.ref,
    track: 'pilot',
    title: input.title,
    ownerId: input.ownerId,
    applicants: input.applicants,
    materials: input.materials,
    technologies: input.technologies,
    eligibility: evaluatePilotEligibility(input.applicants),
    reviewersRequired: input.reviewersRequired,
    submittedOn: null,
    batchId: null,
    deferrals: [],
    path: null,
    simplifiedReview: false,
    coachingValidOnSubmission: null,
    assignments: [],
    reviews: [],
    reviewOverride: null,
    infoRequests: [],
    pending: null,
    decisions: [],
    csrc: { forwardedOn: null, letterDate: null, outcome: null, letterRef: null },
    notice: { publishedOn: null, closedOn: null },
    comments: {},
    planRevisions: [],
    riskAssessment: null,
    commitmentReceivedOn: null,
    launchDate: null,
    periodicReports: 0,
    reports: [],
    inspections: {},
    guidance: [],
    complaints: {},
    incidents: {},
    evaluations: [],
    rectification: null,
    sanctionCase: null,
    sanctions: [],
    support: [],
    exit: null,
  };
}
