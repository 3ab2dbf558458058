import type { Clock } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import { enqueueMessages } from '../outbox/enqueue-messages.ts';
import { changeItems } from '../projects/card-items.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { lockProject, type Prisma, type PrismaClient } from './repository.ts';

/** What the records' own changes need: the database, the clock, and the outbox flush after commit. */
export interface RecordsDeps {
  prisma: PrismaClient;
  clock: Clock;
  afterCommit(keys: string[]): void;
}

/** The project a record change is about, as read for it. */
export interface RecordProject {
  id: string;
  ref: string;
  ownerId: string;
  version: number;
  stage: string;
}

/**
 * A change the records make themselves (an edit, a rectification item, a record beside a final machine): the rows,
 * one audit row and — when the card shows something new — the card refresh and thread line, in ONE transaction.
 * The project's version does not move (the machine did not), so the outbox keys carry the audit's own suffix.
 */
export async function inRecordChange(
  deps: RecordsDeps,
  actor: UserActor,
  project: RecordProject,
  change: { eventType: string; refreshCard: boolean; factDate?: string },
  write: (tx: Prisma.TransactionClient, now: Date) => Promise<{ payload: Record<string, unknown>; suffix: string }>,
): Promise<void> {
  const now = deps.clock.now();
  const keys = await deps.prisma.$transaction(async (tx) => {
    await lockProject(tx, project.id);
    const { payload, suffix } = await write(tx, now);
    await recordAudit(tx, {
      projectId: project.id,
      actorKind: 'user',
      actorId: actor.userId,
      actorRoles: actor.roles,
      eventType: change.eventType,
      payload,
      fromState: project.stage,
      toState: project.stage,
      recordedAt: now,
      factDate: change.factDate ? new Date(`${change.factDate}T00:00:00Z`) : null,
    });
    if (!change.refreshCard) return [];
    const items = changeItems(project.id, project.version, {
      eventType: change.eventType,
      actorId: actor.userId,
      stage: project.stage,
    }).map((item) => ({ ...item, key: `${item.key}:records:${suffix}`, notBefore: now }));
    await enqueueMessages(tx, items);
    return items.map((i) => i.key);
  });
  deps.afterCommit(keys);
}
