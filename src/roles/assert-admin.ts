import { PermissionError } from '../errors.ts';
import type { UserActor } from './resolve-actor.ts';
import { holdsAny } from './roles.ts';

/** Refuses early (before an admin's form opens) when the person is not an admin. */
export function assertAdmin(actor: UserActor): void {
  if (!holdsAny(actor.roles, ['admin'])) throw new PermissionError('error.adminOnly');
}
