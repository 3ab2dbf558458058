import { InputError } from '../errors.ts';
import type { MessageKey } from '../i18n/index.ts';
import { type ConflictReason, conflictReasons } from './conflicts.ts';
import { loadCandidates, loadPilotContext, projectForAssignment } from './load-candidates.ts';
import type { Db, PrismaClient } from './repository.ts';

const CONFLICT_KEYS: Record<ConflictReason['kind'], MessageKey> = {
  uscc: 'review.conflict.uscc',
  name: 'review.conflict.name',
  declared: 'review.conflict.declared',
};

/** The refusal for an assignment with a conflict of interest, naming its (first) reason. */
export function conflictError(reviewerId: string, ref: string, reason: ConflictReason): InputError {
  const params: Record<string, string> = { user: `<@${reviewerId}>`, ref };
  if (reason.kind !== 'declared')
    Object.assign(params, { affiliation: reason.affiliation, applicant: reason.applicant });
  const key = CONFLICT_KEYS[reason.kind];
  return new InputError(key, params, { reviewerId: { key, params } });
}

/**
 * The ONE gate every reviewer assignment passes: applyEvent calls it for each `review.assigned`, whoever sends it (a
 * person with the picker or `/pilot do`, the automatic assignment, a replacement after a decline or a timeout).
 * Refuses, saying why, an expert outside the pool or one with a conflict of interest on the project (issue 6).
 */
export async function assertAssignable(db: Db, projectId: string, reviewerId: string, today: string): Promise<void> {
  const [candidate] = await loadCandidates(db, [reviewerId]);
  if (!candidate) {
    const params = { user: `<@${reviewerId}>` };
    throw new InputError('review.notInPool', params, { reviewerId: { key: 'review.notInPool', params } });
  }
  const { project, context } = await loadPilotContext(db, projectId);
  const target = projectForAssignment(project.id, context);
  const declared = candidate.declaredOn.includes(project.id);
  const [reason] = conflictReasons(candidate.affiliations, target.applicants, declared, today);
  if (reason) throw conflictError(reviewerId, project.ref, reason);
}

/** The gate as the change path runs it: every `review.assigned`, whoever sends it, passes assertAssignable. */
export async function assignmentGate(
  db: PrismaClient,
  change: { projectId: string; event: { type: string; reviewerId?: unknown }; today: string },
): Promise<void> {
  if (change.event.type !== 'review.assigned') return;
  await assertAssignable(db, change.projectId, String(change.event.reviewerId), change.today);
}
