import type { Clock } from '../clock.ts';
import { shanghaiYear } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import { PermissionError } from '../errors.ts';
import { enqueueMessages } from '../outbox/enqueue-messages.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { holdsAny } from '../roles/roles.ts';
import { startSnapshot } from '../runtime/machines.ts';
import { initialCardItem } from './card-items.ts';
import { type IntakeDraft, parseIntake } from './intake.ts';
import { nextRef, REF_PREFIX } from './next-ref.ts';
import { insertProject, type PrismaClient } from './repository.ts';

export interface CreateProjectDeps {
  prisma: PrismaClient;
  clock: Clock;
  /** Called after commit with the outbox keys the change wrote, so they are sent at once. */
  afterCommit(outboxKeys: string[]): void;
}

export interface CreateProjectCommand {
  actor: UserActor;
  track: 'pilot' | 'coaching';
  draft: IntakeDraft;
  /** Where the card goes: the channel the command was typed in, or the owner's DM when there is none. */
  channelId: string | null;
}

/** Roles that may open an application on an applicant's behalf (RULES.md "Actors": staff act for institutions). */
export const CREATE_PROJECT_ROLES = ['staff', 'manager', 'admin'] as const;

/** Refuses early, before a form is shown, when the user may not create projects. */
export function assertMayCreateProject(actor: UserActor): void {
  if (!holdsAny(actor.roles, CREATE_PROJECT_ROLES)) throw new PermissionError('error.permission.createProject');
}

/**
 * Creates a pilot or coaching project from its intake: reference, first snapshot, audit row and the confirmation message,
 * all in one transaction; the message is sent after commit.
 */
export async function createProject(
  deps: CreateProjectDeps,
  command: CreateProjectCommand,
): Promise<{ id: string; ref: string }> {
  assertMayCreateProject(command.actor);
  const { userId, roles } = command.actor;
  const intake = parseIntake(command.draft);
  const now = deps.clock.now();
  const result = await deps.prisma.$transaction(async (tx) => {
    const ref = await nextRef(tx, REF_PREFIX[command.track], shanghaiYear(now));
    const start =
      command.track === 'pilot'
        ? startSnapshot('pilot', {
            ref,
            track: 'pilot',
            title: intake.title,
            technologies: intake.technologies,
            ownerId: intake.ownerId,
          })
        : startSnapshot('coaching', { ref, track: 'coaching', title: intake.title, ownerId: intake.ownerId });
    const project = await insertProject(tx, {
      ref,
      track: command.track,
      title: intake.title,
      intake,
      machine: command.track,
      machineVersion: start.version,
      snapshot: start.snapshot,
      stage: start.stage,
      status: start.status,
      ownerId: intake.ownerId,
      createdById: userId,
      channelId: command.channelId,
    });
    await recordAudit(tx, {
      projectId: project.id,
      actorKind: 'user',
      actorId: userId,
      actorRoles: roles,
      eventType: 'project.created',
      payload: intake,
      fromState: null,
      toState: start.stage,
      machineVersion: start.version,
      recordedAt: now,
    });
    // The card is the confirmation: posted in the channel, then kept up to date after every change.
    const card = initialCardItem(project.id);
    // Due at the creation's instant on the app's clock, like every change's messages (not the database's now).
    await enqueueMessages(tx, [{ ...card, notBefore: now }]);
    return { id: project.id, ref, outboxKeys: [card.key] };
  });
  deps.afterCommit(result.outboxKeys);
  return { id: result.id, ref: result.ref };
}
