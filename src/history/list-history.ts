import { NotFoundError, PermissionError } from '../errors.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { holdsAny } from '../roles/roles.ts';
import { auditPage, type PrismaClient, projectByRef } from './repository.ts';

/** Who may read a project's whole audit trail: staff, managers and admins (the card shows others its last rows). */
export const HISTORY_ROLES = ['staff', 'manager', 'admin'] as const;

export const HISTORY_PAGE_SIZE = 10;

/** One audit row as the timeline shows it. */
export interface HistoryEntry {
  id: string;
  eventType: string;
  actorId: string | null;
  actorKind: string;
  recordedAt: Date;
  factDate: string | null;
  fromState: string | null;
  toState: string | null;
}

/** A page of a project's timeline. */
export interface HistoryPageData {
  ref: string;
  title: string;
  machine: string;
  kind: string | null;
  page: number;
  pages: number;
  total: number;
  entries: HistoryEntry[];
}

/** `/pilot history <ref> [kind] [page]`: every audit row of a project, oldest first, ten a page; a page past the end is the last. */
export async function listHistory(
  deps: { prisma: PrismaClient },
  actor: UserActor,
  query: { ref: string; kind: string | null; page: number },
): Promise<HistoryPageData> {
  if (!holdsAny(actor.roles, HISTORY_ROLES)) throw new PermissionError('history.permission');
  const project = await projectByRef(deps.prisma, query.ref);
  if (!project) throw new NotFoundError('error.projectNotFound', { ref: query.ref });
  const { total, page, rows } = await auditPage(deps.prisma, {
    projectId: project.id,
    kind: query.kind,
    page: query.page,
    size: HISTORY_PAGE_SIZE,
  });
  return {
    ref: project.ref,
    title: project.title,
    machine: project.machine,
    kind: query.kind,
    page,
    pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)),
    total,
    entries: rows.map((r) => ({
      id: String(r.id),
      eventType: r.eventType,
      actorId: r.actorId,
      actorKind: r.actorKind,
      recordedAt: r.recordedAt,
      factDate: r.factDate ? r.factDate.toISOString().slice(0, 10) : null,
      fromState: r.fromState,
      toState: r.toState,
    })),
  };
}
