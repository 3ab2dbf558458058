import { PILOT_EVENTS } from '../../machines/catalog.ts';
import { pilotEventSchemas } from '../../machines/pilot/events.ts';
import { recordAudit } from '../db/audit.ts';
import { InputError, PermissionError } from '../errors.ts';
import { rolesParam, stageParam } from '../i18n/render-error.ts';
import { enqueueMessages } from '../outbox/enqueue-messages.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { holdsAny, type Role } from '../roles/roles.ts';
import type { ApplyEventDeps } from '../runtime/apply-event.ts';
import type { LoadedProject } from '../runtime/types.ts';
import { changeItems } from './card-items.ts';
import { insertSupportRecord } from './repository.ts';

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
  deps: ApplyEventDeps,
  actor: UserActor,
  project: LoadedProject,
  values: Record<string, unknown>,
): Promise<{ ref: string }> {
  const { userId, roles } = actor;
  const projectId = project.id;
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
    actor,
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
    const record = await insertSupportRecord(tx, {
      projectId,
      programme: e.programme,
      status: e.status,
      beneficiary: e.beneficiary,
      note: e.note ?? null,
      factDate: new Date(`${e.factDate}T00:00:00Z`),
      recordedBy: userId,
    });
    await recordAudit(tx, {
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
    });
    // The card and thread keyed by the record (the project's version does not move: its machine is final).
    const items = changeItems(projectId, project.version, {
      eventType: SUPPORT_EVENT,
      actorId: userId,
      stage: CONVERTED_STAGE,
    }).map((item) => ({ ...item, key: `${item.key}:support:${record.id}`, notBefore: now }));
    await enqueueMessages(tx, items);
    return items.map((i) => i.key);
  });
  deps.afterCommit(keys);
  return { ref: project.ref };
}
