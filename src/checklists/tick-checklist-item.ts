import { INCENTIVES } from '../../machines/pilot/events.ts';
import { shanghaiDate } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import { InputError, PermissionError } from '../errors.ts';
import { rolesParam, stageParam } from '../i18n/render-error.ts';
import { enqueueMessages } from '../outbox/enqueue-messages.ts';
import { changeItems } from '../projects/card-items.ts';
import { requireProject } from '../projects/repository.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { holdsAny } from '../roles/roles.ts';
import { type ApplyEventDeps, applyEvent } from '../runtime/apply-event.ts';
import type { TickRef } from './ids.ts';
import { insertIncentiveTick } from './repository.ts';

/** The audit event of a ticked incentive (R-INC-1); the exit plan's ticks are the machine's `exit.checklistItemDone`. */
export const INCENTIVE_TICKED = 'incentive.ticked';

/**
 * Ticks one item of a project's checklist for the person who pressed, dated today (Shanghai). The exit plan's items
 * go through the machine (R-EXIT-6: the exit closes only when all are done); the incentives of a converted project
 * (R-INC-1) are rows beside its final machine, written with their audit row and the card refresh in one transaction.
 */
export async function tickChecklistItem(
  deps: ApplyEventDeps,
  actor: UserActor,
  ref: TickRef,
): Promise<{ ref: string; kind: TickRef['k']; item: string }> {
  const today = shanghaiDate(deps.clock.now());
  if (ref.k === 'exitPlan') {
    const applied = await applyEvent(deps, ref.p, {
      type: 'exit.checklistItemDone',
      actor,
      recordedAt: deps.clock.now().toISOString(),
      factDate: today,
      item: ref.i,
    });
    return { ref: applied.ref, kind: ref.k, item: ref.i };
  }
  if (!holdsAny(actor.roles, ['staff', 'manager']))
    throw new PermissionError('error.permission.event', {
      event: `@event.${INCENTIVE_TICKED}`,
      roles: rolesParam(['staff', 'manager']),
    });
  const project = await requireProject(deps.prisma, ref.p);
  if (project.machine !== 'pilot' || project.stage !== 'regularOperation')
    throw new InputError('error.eventNotAllowedNow', {
      event: `@event.${INCENTIVE_TICKED}`,
      ref: project.ref,
      stage: stageParam(project.machine, project.stage),
    });
  if (!(INCENTIVES as readonly string[]).includes(ref.i)) throw new InputError('error.metadata');
  const now = deps.clock.now();
  const keys = await deps.prisma.$transaction(async (tx) => {
    const written = await insertIncentiveTick(tx, {
      projectId: project.id,
      item: ref.i,
      doneById: actor.userId,
      doneOn: new Date(`${today}T00:00:00Z`),
    });
    if (!written)
      throw new InputError('rules.checklist.alreadyTicked', { ref: project.ref, item: `@checklist.${ref.i}` });
    await recordAudit(tx, {
      projectId: project.id,
      actorKind: 'user',
      actorId: actor.userId,
      actorRoles: actor.roles,
      eventType: INCENTIVE_TICKED,
      payload: { item: ref.i },
      fromState: project.stage,
      toState: project.stage,
      recordedAt: now,
      factDate: new Date(`${today}T00:00:00Z`),
    });
    // The card and the thread, keyed by the item: the project's version does not move, its machine being final.
    const items = changeItems(project.id, project.version, {
      eventType: INCENTIVE_TICKED,
      actorId: actor.userId,
      stage: project.stage,
    }).map((item) => ({ ...item, key: `${item.key}:incentive:${ref.i}`, notBefore: now }));
    await enqueueMessages(tx, items);
    return items.map((i) => i.key);
  });
  deps.afterCommit(keys);
  return { ref: project.ref, kind: ref.k, item: ref.i };
}
