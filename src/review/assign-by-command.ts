import { PermissionError } from '../errors.ts';
import { findProjectByRef } from '../projects/find-project.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { holdsAny } from '../roles/roles.ts';
import { type AppliedEvent, type ApplyEventDeps, applyEvent } from '../runtime/apply-event.ts';
import { type AssignmentOutcome, assignReviewers } from './assign-reviewers.ts';

/** `/pilot assign <ref> auto`: staff fill the open reviewer places with the best eligible experts, reasons shown. */
export async function assignAutomatically(
  deps: ApplyEventDeps,
  actor: UserActor,
  ref: string,
): Promise<AssignmentOutcome> {
  if (!holdsAny(actor.roles, ['staff', 'manager'])) throw new PermissionError('experts.permission');
  const project = await findProjectByRef(deps.prisma, ref);
  return assignReviewers(deps, project.id, actor, 'command');
}

/** `/pilot assign <ref> @someone`: staff invite one expert by hand; the conflict gate in applyEvent still decides. */
export async function assignByHand(
  deps: ApplyEventDeps,
  actor: UserActor,
  ref: string,
  reviewerId: string,
): Promise<AppliedEvent> {
  const project = await findProjectByRef(deps.prisma, ref);
  return applyEvent(deps, project.id, {
    type: 'review.assigned',
    actor,
    recordedAt: deps.clock.now().toISOString(),
    reviewerId,
  });
}
