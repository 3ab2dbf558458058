import { DEFAULT_SETTINGS, type NotifyParams } from '../../machines/shared/settings.ts';
import type { DeadlineChange } from '../deadlines/sync-deadlines.ts';
import type { MessageBody } from '../outbox/rendered.ts';
import { type Db, projectIntake } from '../projects/repository.ts';

/**
 * The invitation DM for a `review.assignment` notify effect, as data its view renders when it is sent; read inside
 * the change's transaction: the project's summary and material links (R-APP-8) from its application, the answer-by
 * date from the deadline just scheduled.
 */
export async function buildInvitation(
  tx: Db,
  project: { id: string; ref: string; title: string },
  params: NotifyParams,
  deadlines: readonly DeadlineChange[],
): Promise<MessageBody> {
  const intake = (await projectIntake(tx, project.id)) as {
    scenario?: string;
    technologies?: string[];
    materials?: Record<string, string | null>;
  };
  const simplified = params.data.simplified === true;
  return {
    view: 'review.invitation',
    data: {
      projectId: project.id,
      ref: project.ref,
      title: project.title,
      scenario: intake.scenario ?? '',
      technologies: intake.technologies ?? [],
      materials: intake.materials ?? {},
      respondBy: deadlines.find((d) => d.key === `reviewerResponse:${params.userId}`)?.dueDate ?? null,
      reviewWorkingDays: (simplified ? DEFAULT_SETTINGS.reviewDueSimplified : DEFAULT_SETTINGS.reviewDue).amount,
      simplified,
    },
  };
}
