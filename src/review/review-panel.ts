import type { Assignment, Review } from '../../machines/pilot/context.ts';

/** A reviewer's status as the working group sees it; `late` when an accepted review passed its due date. */
export type ReviewerStatus = 'invited' | 'accepted' | 'declined' | 'conflict' | 'withdrawn' | 'submitted' | 'late';
/** Per criterion: mean, min and max of the scores. */
export interface CriterionStats {
  criterion: string;
  mean: number;
  min: number;
  max: number;
}
/** What the card shows about screening reviews to one viewer (issue 6). */
export interface ReviewPanel {
  needed: number;
  submitted: number;
  /** Per reviewer status; for a reviewer who is not staff, only their own line. */
  reviewers: Array<{ userId: string; status: ReviewerStatus }>;
  /** Once all reviews are in (and for a reviewer only after their own): the statistics, else null. */
  summary: {
    stats: CriterionStats[];
    /** Any criterion's spread (max − min) is 2 or more. */
    disagreement: boolean;
    recommendations: string[];
  } | null;
  override: { by: string; reason: string } | null;
}

/** Per-criterion mean/min/max over the reviews; the disagreement flag when a criterion's spread is 2 or more. */
export function reviewStats(reviews: readonly Review[], criteria: readonly string[]) {
  const stats: CriterionStats[] = [];
  for (const criterion of criteria) {
    const scores = reviews
      .map((r) => (r.ratings as Record<string, unknown>)[criterion])
      .filter((s): s is number => typeof s === 'number');
    if (scores.length === 0) continue;
    const mean = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
    stats.push({ criterion, mean, min: Math.min(...scores), max: Math.max(...scores) });
  }
  return { stats, disagreement: stats.some((s) => s.max - s.min >= 2) };
}

function statusOf(a: Assignment, lateReviewers: ReadonlySet<string>): ReviewerStatus {
  if (a.status === 'assigned') return 'invited';
  if (a.status === 'declined') return a.conflict ? 'conflict' : 'declined';
  if (a.status === 'accepted') return lateReviewers.has(a.reviewerId) ? 'late' : 'accepted';
  return a.status;
}

/**
 * The review panel for one viewer. Staff (and the channel card) see every reviewer's status; a reviewer sees only
 * their own. The statistics and recommendations appear once the needed reviews are in — and for a reviewer only after
 * they submitted their own, so nothing of the others' scores reaches them before (blind review).
 */
export function reviewPanel(
  input: {
    assignments: readonly Assignment[];
    reviews: readonly Review[];
    needed: number;
    criteria: readonly string[];
    lateReviewers: ReadonlySet<string>;
    override: { by: string; reason: string } | null;
  },
  viewer: { userId: string; staff: boolean },
): ReviewPanel {
  const submitted = input.assignments.filter((a) => a.status === 'submitted').length;
  const own = input.assignments.find((a) => a.reviewerId === viewer.userId && a.status !== 'declined');
  const reviewers = input.assignments
    .filter((a) => viewer.staff || a === own)
    .map((a) => ({ userId: a.reviewerId, status: statusOf(a, input.lateReviewers) }));
  const allIn = submitted >= input.needed && input.needed > 0;
  const mayRead = viewer.staff || own?.status === 'submitted';
  const summary =
    allIn && mayRead
      ? { ...reviewStats(input.reviews, input.criteria), recommendations: input.reviews.map((r) => r.recommendation) }
      : null;
  return { needed: input.needed, submitted, reviewers, summary, override: input.override };
}
