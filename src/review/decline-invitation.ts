import type { UserActor } from '../roles/resolve-actor.ts';
import { type AppliedEvent, type ApplyEventDeps, applyEvent } from '../runtime/apply-event.ts';

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
        const expert = await tx.expert.findUnique({ where: { userId }, select: { userId: true } });
        if (!expert) return;
        await tx.declaredConflict.upsert({
          where: { expertId_projectId: { expertId: userId, projectId: id } },
          create: { expertId: userId, projectId: id, declaredAt: now },
          update: {},
        });
      },
    },
  );
}
