import { type PrismaClient, type ProjectFilter, projectPage } from './repository.ts';

export type { ProjectFilter };

export const PAGE_SIZE = 10;

export interface ProjectListItem {
  id: string;
  ref: string;
  title: string;
  track: string;
  machine: string;
  stage: string;
  ownerId: string;
  nextDue: { kind: string; dueDate: string; missed: boolean } | null;
}

export interface ProjectPage {
  items: ProjectListItem[];
  page: number;
  pages: number;
  total: number;
}

/** One page of projects matching a filter, newest first, each with its nearest open deadline. */
export async function listProjects(
  prisma: PrismaClient,
  filter: ProjectFilter,
  page: number,
  viewerId: string,
  now: Date,
): Promise<ProjectPage> {
  const { total, page: current, rows } = await projectPage(prisma, { filter, viewerId, now, page, size: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return {
    page: current,
    pages,
    total,
    items: rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      title: r.title,
      track: r.track,
      machine: r.machine,
      stage: r.stage,
      ownerId: r.ownerId,
      nextDue: r.deadlines[0]
        ? {
            kind: r.deadlines[0].kind,
            dueDate: r.deadlines[0].dueDate.toISOString().slice(0, 10),
            missed: r.deadlines[0].status === 'missed' || r.deadlines[0].dueAt <= now,
          }
        : null,
    })),
  };
}
