import { PILOT_EVENTS } from '../../machines/catalog.ts';
import { pilotEventSchemas } from '../../machines/pilot/events.ts';
import type { Prisma } from '../db/client.ts';
import { InputError, NotFoundError, PermissionError } from '../errors.ts';
import { rolesParam, stageParam } from '../errors-render.ts';
import { enqueueMessages } from '../outbox/enqueue-messages.ts';
import { holdsAny, type Role, rolesOf } from '../roles/roles.ts';
import type { ApplyEventDeps } from '../runtime/apply-event.ts';
import { changeItems } from './card-items.ts';

/** The event local support is recorded with (R-INC-2), and the stage where the machine can no longer take it. */
export const SUPPORT_EVENT = 'support.recorded';
export const CONVERTED_STAGE = 'regularOperation';

/** The form of the support record, the same fields as the machine's event. */
export const supportFields = () => PILOT_EVENTS[SUPPORT_EVENT]!.fields;

/** Support is recorded by the working group (staff or managers), as the machine's event allows while piloting. */
export function assertMayRecordSupport(roles: readonly Role[]): void {
  if (!holdsAny(roles, ['staff', 'manager']))
    throw new PermissionError('error.permission.event', {
      event: `@event.${SUPPORT_EVENT}`,
      roles: rolesParam(['staff', 'manager']),
    });
}

/**
 * R-INC-2 on a converted project: its machine is final, so the record is kept beside it, validated with the
 * machine's own event schema, audited, and the card refreshed — in one transaction.
 */
export async function recordSupportAfterConversion(
  deps: ApplyEventDeps & { admins: readonly string[] },
  userId: string,
  projectId: string,
  values: Record<string, unknown>,
): Promise<{ ref: string }> {
  const project = await deps.prisma.project.findUnique({ where: { id: projectId } });
  if (!project) throw new NotFoundError('error.projectNotFound', { ref: projectId });
  const roles = await rolesOf(deps.prisma, userId, deps.admins);
  assertMayRecordSupport(roles);
  if (project.machine !== 'pilot' || project.stage !== CONVERTED_STAGE)
    throw new InputError('error.eventNotAllowedNow', {
      event: `@event.${SUPPORT_EVENT}`,
      ref: project.ref,
      stage: stageParam(project.machine, project.stage),
    });
  const now = deps.clock.now();
  const event = {
    ...values,
    type: SUPPORT_EVENT,
    actor: { kind: 'user', userId, roles },
    recordedAt: now.toISOString(),
  };
  const parsed = pilotEventSchemas[SUPPORT_EVENT].safeParse(event);
  if (!parsed.success) {
    const fields = Object.fromEntries(
      parsed.error.issues.map((i) => [String(i.path[0] ?? 'factDate'), { key: 'field.invalid' as const }]),
    );
    throw new InputError('action.invalid', {}, fields);
  }
  const e = parsed.data;
  const keys = await deps.prisma.$transaction(async (tx) => {
    const record = await tx.supportRecord.create({
      data: {
        projectId,
        programme: e.programme,
        status: e.status,
        beneficiary: e.beneficiary,
        note: e.note ?? null,
        factDate: new Date(`${e.factDate}T00:00:00Z`),
        recordedBy: userId,
      },
    });
    await tx.auditEvent.create({
      data: {
        projectId,
        actorKind: 'user',
        actorId: userId,
        actorRoles: roles,
        eventType: SUPPORT_EVENT,
        payload: { recordId: record.id, programme: e.programme, status: e.status, beneficiary: e.beneficiary },
        fromState: CONVERTED_STAGE,
        toState: CONVERTED_STAGE,
        recordedAt: now,
        factDate: new Date(`${e.factDate}T00:00:00Z`),
      },
    });
    // The card and thread keyed by the record (the project's version does not move: its machine is final).
    const items = changeItems(projectId, project.version, {
      eventType: SUPPORT_EVENT,
      actorId: userId,
      stage: CONVERTED_STAGE,
    }).map((item) => ({ ...item, key: `${item.key}:support:${record.id}`, notBefore: now }));
    await enqueueMessages(tx as Prisma.TransactionClient, items);
    return items.map((i) => i.key);
  });
  deps.afterCommit(keys);
  return { ref: project.ref };
}
