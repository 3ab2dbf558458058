import { type Role, RoleSchema } from '../../machines/shared/actor.ts';
import type { PrismaClient } from '../db/client.ts';

export type { Role };
/** The roles a person can hold, as commands name them. */
export { RoleSchema };

type Reader = Pick<PrismaClient, 'userRole'>;

/** A user's roles: those stored in the database plus admin for users listed in PILOTDESK_ADMINS. */
export async function rolesOf(db: Reader, userId: string, bootstrapAdmins: readonly string[]): Promise<Role[]> {
  const rows = await db.userRole.findMany({ where: { userId }, select: { role: true } });
  const roles = new Set<Role>();
  for (const row of rows) {
    const parsed = RoleSchema.safeParse(row.role);
    if (parsed.success) roles.add(parsed.data);
  }
  if (bootstrapAdmins.includes(userId)) roles.add('admin');
  return RoleSchema.options.filter((r) => roles.has(r));
}

/** True when the user holds at least one of the roles. */
export function holdsAny(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((r) => wanted.includes(r));
}
