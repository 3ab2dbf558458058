import type { PrismaClient } from '../db/client.ts';
import type { SlackCaller } from '../slack/web-api.ts';

export interface PublishHomesDeps {
  prisma: PrismaClient;
  slack: SlackCaller;
  /** A person's Home view as it reads now. */
  view(userId: string): Promise<Record<string, unknown>>;
  onError(error: unknown): void;
}

/**
 * Republishes the Home tabs of these people and, given a project, of its owner and the people its open deadlines
 * wait on. A refusal is reported to onError and the others are still published.
 */
export async function publishHomes(
  deps: PublishHomesDeps,
  userIds: readonly string[],
  projectId?: string,
): Promise<void> {
  const ids = new Set(userIds);
  if (projectId) {
    const project = await deps.prisma.project.findUnique({
      where: { id: projectId },
      select: {
        ownerId: true,
        deadlines: {
          where: { status: { in: ['open', 'missed'] } },
          select: { responsibleUserId: true },
          take: 20,
        },
      },
    });
    if (project) ids.add(project.ownerId);
    for (const d of project?.deadlines ?? []) if (d.responsibleUserId) ids.add(d.responsibleUserId);
  }
  // views.publish replaces the whole tab, so publishing twice is harmless; no outbox needed.
  for (const userId of ids) {
    const outcome = await deps.slack('views.publish', { user_id: userId, view: await deps.view(userId) });
    if (outcome.kind !== 'ok') deps.onError(new Error(`views.publish for ${userId}: ${outcome.detail}`));
  }
}
