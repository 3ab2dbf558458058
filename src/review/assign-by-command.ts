import { PermissionError } from '../errors.ts';
import { findProjectByRef } from '../projects/find-project.ts';
import { holdsAny, rolesOf } from '../roles/roles.ts';
import { type AppliedEvent, type ApplyEventDeps, applyEvent } from '../runtime/apply-event.ts';
import { type AssignmentOutcome, assignReviewers } from './assign-reviewers.ts';

type Deps = ApplyEventDeps & { admins: readonly string[] };

/** `/pilot assign <ref> auto`: staff fill the open reviewer places with the best eligible experts, reasons shown. */
export async function assignAutomatically(deps: Deps, userId: string, ref: string): Promise<AssignmentOutcome> {
  const roles = await rolesOf(deps.prisma, userId, deps.admins);
  if (!holdsAny(roles, ['staff', 'manager'])) throw new PermissionError('experts.permission');
  const project = await findProjectByRef(deps.prisma, ref);
  return assignReviewers(deps, project.id, { kind: 'user', userId, roles }, 'command');
}

/** `/pilot assign <ref> @someone`: staff invite one expert by hand; the conflict gate in applyEvent still decides. */
export async function assignByHand(deps: Deps, userId: string, ref: string, reviewerId: string): Promise<AppliedEvent> {
  const project = await findProjectByRef(deps.prisma, ref);
  return applyEvent(deps, project.id, {
    type: 'review.assigned',
    actor: { kind: 'user', userId, roles: await rolesOf(deps.prisma, userId, deps.admins) },
    recordedAt: deps.clock.now().toISOString(),
    reviewerId,
  });
}
