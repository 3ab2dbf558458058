import type { CoachingInput } from '../../machines/coaching/events.ts';
import type { PilotInput } from '../../machines/pilot/context.ts';
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

/** Inserts a project whose machine is already at some state (a snapshot built with the machine test helpers). */
export async function insertProjectAt(
  prisma: PrismaClient,
  snapshot: { machine: { id: string }; value: unknown; status: string } & { context: { ref: string; title?: string } },
  row: { ownerId?: string; channelId?: string | null } = {},
): Promise<{ id: string; ref: string }> {
  const machine = snapshot.machine.id;
  const persisted = (snapshot.machine as unknown as { getPersistedSnapshot(s: unknown): unknown }).getPersistedSnapshot(
    snapshot,
  );
  const value = snapshot.value;
  const stage = typeof value === 'string' ? value : Object.keys(value as object)[0]!;
  return prisma.project.create({
    data: {
      ref: snapshot.context.ref,
      track: machine,
      title: snapshot.context.title ?? snapshot.context.ref,
      intake: {} as Prisma.InputJsonValue,
      machine,
      machineVersion: 1,
      snapshot: persisted as Prisma.InputJsonValue,
      stage,
      status: snapshot.status,
      ownerId: row.ownerId ?? 'U0OWNER01',
      createdById: 'U0STAFF01',
      channelId: row.channelId === undefined ? 'C0PROJECTS' : row.channelId,
    },
    select: { id: true, ref: true },
  });
}
