import type { Clock } from './clock.ts';
import type { PrismaClient } from './db/client.ts';
import { acceptInvitation } from './review/accept-invitation.ts';
import { assignAutomatically, assignByHand } from './review/assign-by-command.ts';
import type { AssignmentOutcome } from './review/assign-reviewers.ts';
import { declineInvitation } from './review/decline-invitation.ts';
import { listExperts } from './review/list-experts.ts';
import { openReviewForm, type ReviewFormData } from './review/open-review-form.ts';
import type { Candidate } from './review/rank-experts.ts';
import { type ExpertInput, saveExpert } from './review/save-expert.ts';
import { saveReviewDraft } from './review/save-review-draft.ts';
import { setAutoAssign } from './review/set-auto-assign.ts';
import { submitReview } from './review/submit-review.ts';
import type { AppliedEvent } from './runtime/apply-event.ts';
import type { RuntimeHooks } from './runtime/types.ts';

/** The expert pool, assignment and the reviewer's side (issue 6), as listeners call them. */
export interface ReviewServices {
  experts(userId: string): Promise<{ experts: Candidate[]; autoAssign: boolean }>;
  saveExpert(
    userId: string,
    expert: ExpertInput,
  ): Promise<{ userId: string; created: boolean; reviewerGranted: boolean }>;
  setAutoAssign(userId: string, on: boolean): Promise<void>;
  assignAuto(userId: string, ref: string): Promise<AssignmentOutcome>;
  assignByHand(userId: string, ref: string, reviewerId: string): Promise<AppliedEvent>;
  accept(userId: string, projectId: string, declared: boolean): Promise<AppliedEvent>;
  decline(userId: string, projectId: string, conflict: boolean): Promise<AppliedEvent>;
  openForm(userId: string, projectId: string): Promise<ReviewFormData>;
  saveDraft(userId: string, projectId: string, values: Record<string, string | number>): Promise<void>;
  submit(userId: string, projectId: string, values: Record<string, string | undefined>): Promise<AppliedEvent>;
}

/** Binds the review use cases to the shared dependencies. */
export function createReviewServices(base: {
  prisma: PrismaClient;
  clock: Clock;
  admins: readonly string[];
  afterCommit(keys: string[]): void;
  hooks: RuntimeHooks;
}): ReviewServices {
  const { prisma } = base;
  return {
    experts: (userId) => listExperts(prisma, userId, base.admins),
    saveExpert: (userId, expert) => saveExpert(base, userId, expert),
    setAutoAssign: (userId, on) => setAutoAssign(base, userId, on),
    assignAuto: (userId, ref) => assignAutomatically(base, userId, ref),
    assignByHand: (userId, ref, reviewerId) => assignByHand(base, userId, ref, reviewerId),
    accept: (userId, projectId, declared) => acceptInvitation(base, userId, projectId, declared),
    decline: (userId, projectId, conflict) => declineInvitation(base, userId, projectId, conflict),
    openForm: (userId, projectId) => openReviewForm(prisma, userId, projectId),
    saveDraft: async (userId, projectId, values) => {
      await openReviewForm(prisma, userId, projectId);
      await saveReviewDraft(prisma, userId, projectId, values);
    },
    submit: (userId, projectId, values) => submitReview(base, userId, projectId, values),
  };
}
