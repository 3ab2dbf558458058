import { openReviewForm } from './open-review-form.ts';
import { type PrismaClient, saveDraft } from './repository.ts';

/**
 * Keeps what a reviewer typed when they close the review form without submitting (`view_closed`), so the form opens
 * with it next time. Only the reviewer's own draft on a project they review is written.
 */
export async function saveReviewDraft(
  prisma: PrismaClient,
  userId: string,
  projectId: string,
  values: Record<string, string | number>,
): Promise<void> {
  // The same check as opening the form: someone who may not review the project keeps no draft on it.
  await openReviewForm(prisma, userId, projectId);
  const kept = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined));
  await saveDraft(prisma, projectId, userId, kept);
}
