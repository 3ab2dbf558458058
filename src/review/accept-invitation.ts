import { openDueDate } from '../deadlines/repository.ts';
import { InputError } from '../errors.ts';
import { enqueueMessages } from '../outbox/enqueue-messages.ts';
import { renderedMessage } from '../outbox/rendered.ts';
import { requireProject } from '../projects/repository.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { type AppliedEvent, type ApplyEventDeps, applyEvent } from '../runtime/apply-event.ts';

/**
 * The reviewer accepts an invitation (issue 6): only with the conflict-of-interest and confidentiality declaration
 * ticked, recorded with its time in the project's audit trail and on the assignment. Their DMs get the review's due date
 * and the button to the review form, in the same transaction.
 */
export async function acceptInvitation(
  deps: ApplyEventDeps,
  actor: UserActor,
  projectId: string,
  declared: boolean,
): Promise<AppliedEvent> {
  const { userId } = actor;
  if (!declared)
    throw new InputError('review.declarationRequired', {}, { declaration: { key: 'review.declarationRequired' } });
  const applied = await applyEvent(
    deps,
    projectId,
    {
      type: 'review.accepted',
      actor,
      recordedAt: deps.clock.now().toISOString(),
      declaration: true,
    },
    {
      writeAlso: async (tx, id) => {
        const project = await requireProject(tx, id);
        const due = await openDueDate(tx, id, `review:${userId}`);
        const dueDate = due ? due.toISOString().slice(0, 10) : null;
        await enqueueMessages(tx, [
          {
            key: `review:accepted:${id}:${userId}:v${project.version}`,
            ...renderedMessage(userId, 'review.accepted', { projectId: id, ref: project.ref, dueDate }, 'zh-CN'),
            projectId: id,
            notBefore: deps.clock.now(),
          },
        ]);
      },
    },
  );
  // The DM was written beside the change: send it now too, like the change's own messages.
  deps.afterCommit([`review:accepted:${projectId}:${userId}:v${applied.version}`]);
  return applied;
}
