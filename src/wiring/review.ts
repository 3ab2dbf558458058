import { acceptInvitation } from '../review/accept-invitation.ts';
import { assignAutomatically, assignByHand } from '../review/assign-by-command.ts';
import type { AssignmentOutcome } from '../review/assign-reviewers.ts';
import { declineInvitation } from '../review/decline-invitation.ts';
import { listExperts } from '../review/list-experts.ts';
import { openReviewForm, type ReviewFormData } from '../review/open-review-form.ts';
import type { Candidate } from '../review/rank-experts.ts';
import { type ExpertInput, saveExpert } from '../review/save-expert.ts';
import { saveReviewDraft } from '../review/save-review-draft.ts';
import { setAutoAssign } from '../review/set-auto-assign.ts';
import { submitReview } from '../review/submit-review.ts';
import type { AppliedEvent } from '../runtime/apply-event.ts';
import type { WiringContext } from './context.ts';

/** The expert pool, assignment and the reviewer's side (issue 6), as listeners call them. */
export interface ReviewWiring {
  review: {
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
  };
}

/** Binds the review use cases; the actor is resolved once per call, the form and draft need only the identity. */
export function reviewWiring(ctx: WiringContext): ReviewWiring {
  const { prisma, actorOf } = ctx;
  return {
    review: {
      experts: async (userId) => listExperts(prisma, await actorOf(userId)),
      saveExpert: async (userId, expert) => saveExpert(ctx, await actorOf(userId), expert),
      setAutoAssign: async (userId, on) => setAutoAssign(ctx, await actorOf(userId), on),
      assignAuto: async (userId, ref) => assignAutomatically(ctx, await actorOf(userId), ref),
      assignByHand: async (userId, ref, reviewerId) => assignByHand(ctx, await actorOf(userId), ref, reviewerId),
      accept: async (userId, projectId, declared) => acceptInvitation(ctx, await actorOf(userId), projectId, declared),
      decline: async (userId, projectId, conflict) =>
        declineInvitation(ctx, await actorOf(userId), projectId, conflict),
      openForm: (userId, projectId) => openReviewForm(prisma, userId, projectId),
      saveDraft: (userId, projectId, values) => saveReviewDraft(prisma, userId, projectId, values),
      submit: async (userId, projectId, values) => submitReview(ctx, await actorOf(userId), projectId, values),
    },
  };
}
