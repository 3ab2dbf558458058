import { z } from 'zod';
import { FULL_CRITERIA, SIMPLIFIED_CRITERIA, TECHNOLOGIES } from '../../machines/pilot/events.ts';

/** Slack IDs of the reviewer's DMs and modals (issue 6), shared by the view builders, the listeners and the tests. */
export const REVIEW = {
  actions: {
    accept: 'review.accept',
    decline: 'review.decline',
    conflict: 'review.conflict',
    openForm: 'review.form',
  },
  acceptCallbackId: 'review.accept.submit',
  formCallbackId: 'review.form.submit',
  blocks: {
    declaration: 'declaration',
    recommendation: 'recommendation',
    note: 'confidentialNote',
    score: (criterion: string) => `score.${criterion}`,
    comment: (criterion: string) => `comment.${criterion}`,
  },
  declarationValue: 'declared',
} as const;

/** What a reviewer's button and modal carry: the project. Validated on the way back (anyone can forge it). */
export const ReviewRefSchema = z.object({ p: z.uuid() });

/** Slack IDs of the expert pool's modal and list (issue 6). */
export const EXPERTS = {
  callbackId: 'experts.submit',
  editAction: 'experts.edit',
  addAction: 'experts.add',
  blocks: {
    user: 'expert_user',
    tags: 'expert_tags',
    maxLoad: 'expert_max_load',
    awayFrom: 'expert_away_from',
    awayUntil: 'expert_away_until',
    affiliations: 'expert_affiliations',
  },
} as const;

/** Expertise tags: the focus technologies of R-ELIG-6 plus the domains screening needs. */
export const EXPERT_TAGS = [
  ...TECHNOLOGIES,
  'compliance',
  'risk',
  'investorProtection',
  'securities',
  'futures',
  'funds',
] as const;

/** The catalog key of each expertise tag's label; the pool, the modal and `/pilot experts add` all read these. */
export const EXPERT_TAG_KEYS = {
  bigData: 'experts.tag.bigData',
  cloudComputing: 'experts.tag.cloudComputing',
  ai: 'experts.tag.ai',
  blockchain: 'experts.tag.blockchain',
  otherNewIt: 'experts.tag.otherNewIt',
  compliance: 'experts.tag.compliance',
  risk: 'experts.tag.risk',
  investorProtection: 'experts.tag.investorProtection',
  securities: 'experts.tag.securities',
  futures: 'experts.tag.futures',
  funds: 'experts.tag.funds',
} as const satisfies Record<(typeof EXPERT_TAGS)[number], string>;

/** Every criterion a review form can ask about (full and simplified review), to read a submitted form back. */
export const REVIEW_CRITERIA: readonly string[] = [...FULL_CRITERIA, ...SIMPLIFIED_CRITERIA];
