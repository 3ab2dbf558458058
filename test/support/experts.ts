import type { PrismaClient } from '../../src/db/client.ts';
import { AUTO_ASSIGN_KEY } from '../../src/review/review-settings.ts';

/** Puts these people in the expert pool (no affiliations, default load cap) so they may be assigned (issue 6). */
export async function seedExperts(
  prisma: PrismaClient,
  userIds: readonly string[],
  tags: string[] = [],
): Promise<void> {
  for (const userId of userIds)
    await prisma.expert.upsert({ where: { userId }, create: { userId, tags, createdById: 'test' }, update: {} });
}

/** Turns the automatic assignment on entering screening on or off, for tests that assign by hand. */
export async function setAutoAssign(prisma: PrismaClient, on: boolean): Promise<void> {
  await prisma.appSetting.upsert({
    where: { key: AUTO_ASSIGN_KEY },
    create: { key: AUTO_ASSIGN_KEY, value: on, updatedById: 'test' },
    update: { value: on },
  });
}
