import { autoAssignEnabled } from '../review/review-settings.ts';
import type { PrismaClient } from './repository.ts';
import { workingGroupChannel } from './working-group.ts';

/** `/pilot settings`: the workspace settings as they stand (the working group's channel, automatic assignment). */
export async function showSettings(
  prisma: PrismaClient,
): Promise<{ workingGroupChannel: string | null; autoAssign: boolean }> {
  return { workingGroupChannel: await workingGroupChannel(prisma), autoAssign: await autoAssignEnabled(prisma) };
}
