import type { Clock } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import { PermissionError } from '../errors.ts';
import { allRoleRows, deleteRole, hasRoleRow, insertRole, type PrismaClient } from './repository.ts';
import type { UserActor } from './resolve-actor.ts';
import { holdsAny, type Role } from './roles.ts';

export interface RolesDeps {
  prisma: PrismaClient;
  clock: Clock;
  admins: readonly string[];
}

/** Grants or revokes a role (admins only); the change and who made it go into the audit trail. */
export async function changeRole(
  deps: RolesDeps,
  actor: UserActor,
  command: { op: 'grant' | 'revoke'; userId: string; role: Role },
): Promise<{ changed: boolean }> {
  if (!holdsAny(actor.roles, ['admin'])) throw new PermissionError('roles.adminOnly');
  const { userId: actorId, roles: actorRoles } = actor;
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const existing = await hasRoleRow(tx, command.userId, command.role);
    let changed = false;
    if (command.op === 'grant' && !existing) {
      await insertRole(tx, { userId: command.userId, role: command.role, grantedBy: actorId });
      changed = true;
    } else if (command.op === 'revoke' && existing) {
      await deleteRole(tx, command.userId, command.role);
      changed = true;
    }
    if (changed)
      await recordAudit(tx, {
        actorKind: 'user',
        actorId,
        actorRoles,
        eventType: `role.${command.op}`,
        payload: { userId: command.userId, role: command.role },
        recordedAt: now,
      });
    return { changed };
  });
}

/** Everyone holding a role, grouped by role; the bootstrap admins from PILOTDESK_ADMINS are listed too. */
export async function listRoles(deps: RolesDeps): Promise<Record<Role, string[]>> {
  const rows = await allRoleRows(deps.prisma);
  const out: Record<Role, string[]> = { admin: [...deps.admins], manager: [], staff: [], reviewer: [] };
  for (const row of rows) {
    const list = out[row.role as Role];
    if (list && !list.includes(row.userId)) list.push(row.userId);
  }
  return out;
}
