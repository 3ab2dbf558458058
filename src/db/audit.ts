import type { Db, Prisma } from './client.ts';

/** One row of the append-only audit trail, as the areas record their own decisions (not machine changes). */
export interface AuditRow {
  projectId?: string | null;
  actorKind: string;
  actorId: string | null;
  /** Left out, the row records no roles (a NULL list), as some decisions always have. */
  actorRoles?: readonly string[];
  eventType: string;
  payload: unknown;
  fromState?: string | null;
  toState?: string | null;
  machineVersion?: number | null;
  recordedAt: Date;
  factDate?: Date | null;
}

/** Appends an audit row inside the caller's transaction, so the decision and its record commit together. */
export async function recordAudit(tx: Db, row: AuditRow): Promise<void> {
  const { actorRoles, ...rest } = row;
  const data: Prisma.AuditEventUncheckedCreateInput = {
    ...rest,
    ...(actorRoles ? { actorRoles: [...actorRoles] } : {}),
    payload: row.payload as Prisma.InputJsonValue,
  };
  await tx.auditEvent.create({ data });
}
