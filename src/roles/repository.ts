import type { Db, PrismaClient } from '../db/client.ts';

export type { Db, PrismaClient };

/** The role names stored for a person (unchecked strings: the caller keeps the ones it knows). */
export async function storedRoles(db: Db, userId: string): Promise<string[]> {
  return (await db.userRole.findMany({ where: { userId }, select: { role: true } })).map((r) => r.role);
}

/** Whether a person holds a role by a stored grant. */
export async function hasRoleRow(db: Db, userId: string, role: string): Promise<boolean> {
  return (await db.userRole.findUnique({ where: { userId_role: { userId, role } } })) !== null;
}

/** Stores a grant, saying who made it. */
export async function insertRole(tx: Db, grant: { userId: string; role: string; grantedBy: string }): Promise<void> {
  await tx.userRole.create({ data: grant });
}

/** Removes a stored grant. */
export async function deleteRole(tx: Db, userId: string, role: string): Promise<void> {
  await tx.userRole.delete({ where: { userId_role: { userId, role } } });
}

/** Every stored grant, by role then oldest first. */
export async function allRoleRows(db: Db): Promise<Array<{ userId: string; role: string }>> {
  return db.userRole.findMany({
    orderBy: [{ role: 'asc' }, { grantedAt: 'asc' }],
    select: { userId: true, role: true },
  });
}

/** The people granted the admin role with `/pilot roles`. */
export async function grantedAdmins(db: Db): Promise<string[]> {
  const rows = await db.userRole.findMany({ where: { role: 'admin' }, select: { userId: true } });
  return rows.map((r) => r.userId);
}
