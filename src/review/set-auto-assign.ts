import { PermissionError } from '../errors.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { holdsAny } from '../roles/roles.ts';
import type { ApplyEventDeps } from '../runtime/apply-event.ts';
import { saveSetting } from '../settings/save-setting.ts';
import { AUTO_ASSIGN_KEY } from './review-settings.ts';

/** `/pilot experts auto on|off`: staff turn the automatic assignment on entering screening on or off, audited. */
export async function setAutoAssign(deps: ApplyEventDeps, actor: UserActor, on: boolean): Promise<void> {
  const { userId, roles } = actor;
  if (!holdsAny(roles, ['staff', 'manager'])) throw new PermissionError('experts.permission');
  await deps.prisma.$transaction((tx) =>
    saveSetting(tx, { key: AUTO_ASSIGN_KEY, value: on, userId, roles, at: deps.clock.now() }),
  );
}
