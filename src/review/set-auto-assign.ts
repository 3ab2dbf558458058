import { PermissionError } from '../errors.ts';
import { holdsAny, rolesOf } from '../roles/roles.ts';
import type { ApplyEventDeps } from '../runtime/apply-event.ts';
import { AUTO_ASSIGN_KEY } from './review-settings.ts';

/** `/pilot experts auto on|off`: staff turn the automatic assignment on entering screening on or off, audited. */
export async function setAutoAssign(
  deps: ApplyEventDeps & { admins: readonly string[] },
  userId: string,
  on: boolean,
): Promise<void> {
  if (!holdsAny(await rolesOf(deps.prisma, userId, deps.admins), ['staff', 'manager']))
    throw new PermissionError('experts.permission');
  await deps.prisma.$transaction(async (tx) => {
    await tx.appSetting.upsert({
      where: { key: AUTO_ASSIGN_KEY },
      create: { key: AUTO_ASSIGN_KEY, value: on, updatedById: userId },
      update: { value: on, updatedById: userId },
    });
    await tx.auditEvent.create({
      data: {
        actorKind: 'user',
        actorId: userId,
        eventType: 'setting.changed',
        payload: { key: AUTO_ASSIGN_KEY, value: on },
        recordedAt: deps.clock.now(),
      },
    });
  });
}
