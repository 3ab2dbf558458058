// Baseline: the writes one transition makes (project row, audit row, outbox row), done directly with Prisma in one
// transaction, without loading, restoring or running the machine.
import type { Prisma, PrismaClient } from '../../src/db/client.ts';

/** Writes one transition's rows for `projectId` as plainly as Prisma allows; `n` makes the outbox key unique. */
export async function rawTransition(prisma: PrismaClient, projectId: string, n: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.project.update({
      where: { id: projectId },
      data: { version: { increment: 1 }, title: `raw ${n}`, snapshot: { raw: n } as Prisma.InputJsonValue },
    });
    await tx.auditEvent.create({
      data: {
        projectId,
        actorKind: 'user',
        actorId: 'U0STAFF01',
        actorRoles: ['staff'],
        eventType: 'intake.update',
        payload: { title: `raw ${n}` },
        fromState: 'intake',
        toState: 'intake',
        machineVersion: 1,
        recordedAt: new Date(),
      },
    });
    await tx.outboxMessage.create({
      data: { key: `raw:${projectId}:${n}`, projectId, method: 'chat.postMessage', args: { channel: 'C0PROJECTS' } },
    });
  });
}
