import type { CoachingInput } from '../../machines/coaching.events.ts';
import type { PilotInput } from '../../machines/pilot.context.ts';
import type { Prisma, PrismaClient } from '../../src/db/client.ts';
import { startSnapshot } from '../../src/runtime/machines.ts';

/** Inserts a project row as create-project would, straight from a machine input (for runtime tests). */
export async function insertProject(
  prisma: PrismaClient,
  input: (PilotInput & { track: 'pilot' }) | (CoachingInput & { track: 'coaching' }),
  row: { ownerId?: string; channelId?: string | null } = {},
): Promise<{ id: string; ref: string }> {
  const start = input.track === 'pilot' ? startSnapshot('pilot', input) : startSnapshot('coaching', input);
  return prisma.project.create({
    data: {
      ref: input.ref,
      track: input.track,
      title: input.track === 'pilot' ? (input.title ?? input.ref) : input.ref,
      intake: {} as Prisma.InputJsonValue,
      machine: input.track,
      machineVersion: start.version,
      snapshot: start.snapshot as Prisma.InputJsonValue,
      stage: start.stage,
      status: start.status,
      ownerId: row.ownerId ?? 'U0OWNER01',
      createdById: 'U0STAFF01',
      channelId: row.channelId === undefined ? 'C0PROJECTS' : row.channelId,
    },
    select: { id: true, ref: true },
  });
}
