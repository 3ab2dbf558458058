import type { CoachingContext } from '../../machines/coaching/events.ts';
import { FULL_CRITERIA, SIMPLIFIED_CRITERIA } from '../../machines/pilot/events.ts';
import { InputError } from '../errors.ts';
import { coachingProjectsByRef } from '../projects/repository.ts';
import { restoreSnapshot } from '../runtime/machines.ts';
import { loadPilotContext } from './load-candidates.ts';
import { type PrismaClient, reviewDraft } from './repository.ts';

/** What the review form shows: the criteria, the draft or submitted values, and for R-COA-7 the coaching conclusions. */
export interface ReviewFormData {
  projectId: string;
  ref: string;
  title: string;
  simplified: boolean;
  criteria: readonly string[];
  /** Values to prefill, by field name (criterion, `<criterion>Comment`, recommendation, confidentialNote). */
  values: Record<string, string | number>;
  amending: boolean;
  /** R-COA-7: the coaching evaluation's conclusions the simplified review adopts in principle. */
  coaching: Array<{
    ref: string;
    outcome: string | null;
    letterDate: string | null;
    /** The CSRC letter's reference, kept by the coaching machine since issue 13 (null for older records). */
    letterRef: string | null;
    publishedOn: string | null;
  }>;
}

/**
 * Opens the review form for an accepted reviewer (or one amending a submitted review before the decision): the draft
 * they left when they closed the form, else their submitted review. Nobody else's review is read.
 */
export async function openReviewForm(prisma: PrismaClient, userId: string, projectId: string): Promise<ReviewFormData> {
  const { project, context } = await loadPilotContext(prisma, projectId);
  const mine = context.assignments.find(
    (a) => a.reviewerId === userId && (a.status === 'accepted' || a.status === 'submitted'),
  );
  if (!mine || !project.stage.startsWith('screening') || (mine.status === 'submitted' && context.pending !== null))
    throw new InputError('review.form.notOpen', { ref: project.ref });
  const criteria = context.simplifiedReview ? SIMPLIFIED_CRITERIA : FULL_CRITERIA;
  const draft = await reviewDraft(prisma, projectId, userId);
  const review = context.reviews.find((r) => r.reviewerId === userId);
  const values: Record<string, string | number> = {};
  if (review) {
    for (const c of criteria) {
      const score = review.ratings[c];
      const comment = review.comments?.[c];
      if (typeof score === 'number') values[c] = score;
      if (comment) values[`${c}Comment`] = comment;
    }
    values.recommendation = review.recommendation;
    if (review.confidentialNote) values.confidentialNote = review.confidentialNote;
  }
  Object.assign(values, (draft ?? {}) as Record<string, string | number>);
  const coachingRefs = context.applicants.map((a) => a.coachingRef).filter((r): r is string => Boolean(r));
  const coached = context.simplifiedReview ? await coachingProjectsByRef(prisma, coachingRefs) : [];
  return {
    projectId,
    ref: project.ref,
    title: project.title,
    simplified: context.simplifiedReview,
    criteria,
    values,
    amending: mine.status === 'submitted',
    coaching: coached.map((c) => {
      const ctx = restoreSnapshot(c.machine, c.machineVersion, c.snapshot).context as CoachingContext;
      return {
        ref: c.ref,
        outcome: ctx.csrc.outcome,
        letterDate: ctx.csrc.letterDate,
        letterRef: ctx.csrc.letterRef ?? null,
        publishedOn: ctx.publishedOn,
      };
    }),
  };
}
