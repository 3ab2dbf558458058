import type { UserActor } from '../roles/resolve-actor.ts';
import { type AppliedEvent, type ApplyEventDeps, applyEvent } from '../runtime/apply-event.ts';
import { declareConflict, isExpert } from './repository.ts';

/**
 * The reviewer declines an invitation, or declares a conflict of interest on the project (issue 6). A declared conflict
 * is stored with the expert, in the same transaction, so no path can invite them to this project again. The next best
 * expert is invited by the follow-up of the change, and the owner is told by the machine.
 */
export async function declineInvitation(
  deps: ApplyEventDeps,
  actor: UserActor,
  projectId: string,
  conflict: boolean,
): Promise<AppliedEvent> {
  const { userId } = actor;
  const now = deps.clock.now();
  return applyEvent(
    deps,
    projectId,
    {
      type: 'review.declined',
      actor,
      recordedAt: now.toISOString(),
      ...(conflict ? { conflict: true } : {}),
    },
    {
      writeAlso: async (tx, id) => {
        if (!conflict) return;
        if (!(await isExpert(tx, userId))) return;
        await declareConflict(tx, userId, id, now);
      },
    },
  );
}
