import type { HomeView } from '@slack/types';
import type { SlackCaller } from '../slack/web-api.ts';
import { type PrismaClient, peopleOfProject } from './repository.ts';

export interface PublishHomesDeps {
  prisma: PrismaClient;
  slack: SlackCaller;
  /** A person's Home view as it reads now. */
  view(userId: string): Promise<HomeView>;
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
    for (const userId of await peopleOfProject(deps.prisma, projectId)) ids.add(userId);
  }
  // views.publish replaces the whole tab, so publishing twice is harmless; no outbox needed.
  for (const userId of ids) {
    const outcome = await deps.slack('views.publish', { user_id: userId, view: await deps.view(userId) });
    if (outcome.kind !== 'ok') deps.onError(new Error(`views.publish for ${userId}: ${outcome.detail}`));
  }
}
