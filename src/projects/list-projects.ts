import type { Prisma, PrismaClient } from '../db/client.ts';

/** What `/pilot list` narrows to (same shape as the parsed command's filter). */
export type ProjectFilter =
  | { kind: 'all' }
  | { kind: 'stage'; stage: string }
  | { kind: 'track'; track: 'pilot' | 'coaching' }
  | { kind: 'mine' }
  | { kind: 'overdue' }
  | { kind: 'batch'; name: string };

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
  const where = await whereOf(prisma, filter, viewerId, now);
  const total = await prisma.project.count({ where });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await prisma.project.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { ref: 'desc' }],
    skip: (current - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    include: { deadlines: { where: { status: { in: ['open', 'missed'] } }, orderBy: { dueAt: 'asc' }, take: 1 } },
  });
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

async function whereOf(
  prisma: PrismaClient,
  filter: ProjectFilter,
  viewerId: string,
  now: Date,
): Promise<Prisma.ProjectWhereInput> {
  switch (filter.kind) {
    case 'all':
      return {};
    case 'stage':
      return { stage: filter.stage };
    case 'track':
      return { track: filter.track };
    case 'mine':
      return { ownerId: viewerId };
    case 'overdue':
      return {
        deadlines: { some: { status: { in: ['open', 'missed'] }, dueAt: { lte: now }, clock: { not: 'csrc' } } },
      };
    case 'batch': {
      const batch = await prisma.batch.findUnique({ where: { name: filter.name }, select: { id: true } });
      // The machine records the batch by id in the snapshot; the stage column does not hold it, so match the JSON.
      return batch ? { snapshot: { path: ['context', 'batchId'], equals: batch.id } } : { id: { in: [] } };
    }
  }
}
