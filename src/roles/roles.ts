import { type Role, RoleSchema } from '../../machines/shared/actor.ts';
import { type Db, storedRoles } from './repository.ts';

export type { Role };
/** The roles a person can hold, as commands name them. */
export { RoleSchema };

/** A user's roles: those stored in the database plus admin for users listed in PILOTDESK_ADMINS. */
export async function rolesOf(db: Db, userId: string, bootstrapAdmins: readonly string[]): Promise<Role[]> {
  const roles = new Set<Role>();
  for (const role of await storedRoles(db, userId)) {
    const parsed = RoleSchema.safeParse(role);
    if (parsed.success) roles.add(parsed.data);
  }
  if (bootstrapAdmins.includes(userId)) roles.add('admin');
  return RoleSchema.options.filter((r) => roles.has(r));
}

/** True when the user holds at least one of the roles. */
export function holdsAny(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((r) => wanted.includes(r));
}
