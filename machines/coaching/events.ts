import { z } from 'zod';
import type { Sender } from '../shared/actor.ts';
import type { AppliedDecision, PendingDecision } from '../shared/decisions.ts';
import { type EligibilityResult, evaluateCoachingEligibility } from '../shared/eligibility.ts';
import { factEvent, longTextSchema, recordEvent, textSchema, userFieldSchema } from '../shared/events-common.ts';
import { ApplicantSchema } from '../shared/institutions.ts';

/** R-COA-2, R-COA-3: coaching materials, including the undertaking not to run real securities/futures business. */
export const COACHING_MATERIALS = ['projectPlan', 'technologyDescription', 'noRealBusinessUndertaking'] as const;

/** Every coaching event, validated in full. */
export const coachingEventSchemas = {
  'coaching.update': recordEvent('coaching.update', {
    title: textSchema().optional(),
    applicants: z.array(ApplicantSchema).max(20).optional(),
    materials: z.array(z.enum(COACHING_MATERIALS)).optional(),
    ownerId: userFieldSchema().optional(),
  }),
  'coaching.submit': factEvent('coaching.submit', {}),
  'application.withdraw': factEvent('application.withdraw', { reason: longTextSchema() }),
  'decision.propose': z.discriminatedUnion('decisionKind', [
    recordEvent('decision.propose', { decisionKind: z.literal('selectionPass'), note: longTextSchema().optional() }),
    recordEvent('decision.propose', { decisionKind: z.literal('selectionFilterOut'), flaws: longTextSchema() }),
    recordEvent('decision.propose', { decisionKind: z.literal('revocation'), violation: longTextSchema() }),
  ]),
  'decision.confirm': recordEvent('decision.confirm', {}),
  'decision.withdraw': recordEvent('decision.withdraw', { reason: longTextSchema().optional() }),
  'csrc.forwarded': factEvent('csrc.forwarded', {}),
  'csrc.evaluationRecorded': factEvent('csrc.evaluationRecorded', {
    outcome: z.enum(['passed', 'failed']),
    letterRef: textSchema(),
  }),
  'notice.published': factEvent('notice.published', { url: textSchema(500).optional() }),
  'coaching.linkedToPilot': recordEvent('coaching.linkedToPilot', { pilotRef: textSchema(100) }),
  'coaching.expired': factEvent('coaching.expired', {}),
  'notice.removed': factEvent('notice.removed', {}),
} as const;

export type CoachingEventType = keyof typeof coachingEventSchemas;
export type CoachingEvent = { [K in CoachingEventType]: z.infer<(typeof coachingEventSchemas)[K]> }[CoachingEventType];
export type CoachingEventOf<K extends CoachingEventType> = Extract<CoachingEvent, { type: K }>;
export type CoachingDecisionKind = CoachingEventOf<'decision.propose'>['decisionKind'];

const STAFF = ['staff', 'manager'] as const;
/** Who may send each coaching event. */
export const COACHING_SENDERS: Record<CoachingEventType, Sender> = {
  'coaching.update': STAFF,
  'coaching.submit': STAFF,
  'application.withdraw': STAFF,
  'decision.propose': ['staff'],
  'decision.confirm': STAFF,
  'decision.withdraw': STAFF,
  'csrc.forwarded': STAFF,
  'csrc.evaluationRecorded': STAFF,
  'notice.published': STAFF,
  'coaching.linkedToPilot': STAFF,
  'coaching.expired': 'scheduler',
  'notice.removed': STAFF,
};

export const CoachingInputSchema = z.object({
  ref: z.string().min(1),
  track: z.literal('coaching'),
  title: z.string().default(''),
  applicants: z.array(ApplicantSchema).default([]),
  materials: z.array(z.enum(COACHING_MATERIALS)).default([]),
  ownerId: z.string().nullable().default(null),
});
export type CoachingInput = z.input<typeof CoachingInputSchema>;

export interface CoachingContext {
  ref: string;
  track: 'coaching';
  title: string;
  ownerId: string | null;
  applicants: z.infer<typeof ApplicantSchema>[];
  materials: Array<(typeof COACHING_MATERIALS)[number]>;
  eligibility: EligibilityResult;
  submittedOn: string | null;
  pending: PendingDecision<CoachingDecisionKind> | null;
  decisions: AppliedDecision<CoachingDecisionKind>[];
  csrc: {
    forwardedOn: string | null;
    letterDate: string | null;
    outcome: 'passed' | 'failed' | null;
    /** The CSRC letter's reference (R-COA-7: shown to the simplified reviewer); absent in older snapshots. */
    letterRef?: string | null;
  };
  publishedOn: string | null;
  linkedPilots: string[];
  removal: { reason: 'expired' | 'violation'; on: string } | null;
  removedOn: string | null;
}

/** The context of a new coaching application, with R-COA-1 eligibility evaluated. */
export function initialCoachingContext(raw: CoachingInput): CoachingContext {
  const input = CoachingInputSchema.parse(raw);
  return {
    ref: input.ref,
    track: 'coaching',
    title: input.title,
    ownerId: input.ownerId,
    applicants: input.applicants,
    materials: input.materials,
    eligibility: evaluateCoachingEligibility(input.applicants),
    submittedOn: null,
    pending: null,
    decisions: [],
    csrc: { forwardedOn: null, letterDate: null, outcome: null, letterRef: null },
    publishedOn: null,
    linkedPilots: [],
    removal: null,
    removedOn: null,
  };
}
