import type { AuditEvent, Db, PrismaClient, Project } from '../db/client.ts';

export type { AuditEvent, Db, PrismaClient, Project };

/** A project by its reference, or null. */
export async function projectByRef(db: Db, ref: string): Promise<Project | null> {
  return db.project.findUnique({ where: { ref } });
}

/** One page of a project's audit rows, oldest first, optionally only the events whose type starts with `kind`. */
export async function auditPage(
  db: Db,
  query: { projectId: string; kind: string | null; page: number; size: number },
): Promise<{ total: number; page: number; rows: AuditEvent[] }> {
  const where = {
    projectId: query.projectId,
    ...(query.kind ? { eventType: { startsWith: query.kind } } : {}),
  };
  const total = await db.auditEvent.count({ where });
  const page = Math.min(Math.max(1, query.page), Math.max(1, Math.ceil(total / query.size)));
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: { id: 'asc' },
    skip: (page - 1) * query.size,
    take: query.size,
  });
  return { total, page, rows };
}
