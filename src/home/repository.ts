import type { Db, Prisma, PrismaClient } from '../db/client.ts';

export type { Db, PrismaClient };

const OPEN = ['open', 'missed'];

/**
 * What one person's Home tab lists, each list with its total and at most `take` rows: projects they own with their
 * nearest running deadline, projects they review, deadlines they answer for, and (when `mayConfirm`) decisions
 * someone else proposed that they could confirm.
 */
export async function homeRows(db: Db, userId: string, mayConfirm: boolean, take: number) {
  const mine: Prisma.ProjectWhereInput = { ownerId: userId };
  const reviewing: Prisma.ProjectWhereInput = {
    status: 'active',
    OR: [
      { snapshot: { path: ['context', 'assignments'], array_contains: [{ reviewerId: userId, status: 'assigned' }] } },
      { snapshot: { path: ['context', 'assignments'], array_contains: [{ reviewerId: userId, status: 'accepted' }] } },
      { deadlines: { some: { responsibleUserId: userId, clock: 'reviewer', status: 'open' } } },
    ],
  };
  const myDeadlines: Prisma.DeadlineWhereInput = { responsibleUserId: userId, status: { in: OPEN } };
  const confirmable: Prisma.ProjectWhereInput = {
    status: 'active',
    snapshot: { path: ['context', 'pending', 'proposedBy'], string_contains: '' },
    NOT: { snapshot: { path: ['context', 'pending', 'proposedBy'], equals: userId } },
  };

  const [ownedTotal, owned, reviewTotal, reviewRows, deadlineTotal, deadlineRows, decisionTotal, decisionRows] =
    await Promise.all([
      db.project.count({ where: mine }),
      db.project.findMany({
        where: mine,
        orderBy: [{ updatedAt: 'desc' }, { ref: 'desc' }],
        take,
        select: {
          ref: true,
          title: true,
          machine: true,
          stage: true,
          deadlines: { where: { status: { in: OPEN } }, orderBy: { dueAt: 'asc' }, take: 1 },
        },
      }),
      db.project.count({ where: reviewing }),
      db.project.findMany({
        where: reviewing,
        orderBy: [{ updatedAt: 'desc' }, { ref: 'desc' }],
        take,
        select: {
          ref: true,
          title: true,
          snapshot: true,
          deadlines: {
            where: { responsibleUserId: userId, clock: 'reviewer', status: 'open' },
            orderBy: { dueAt: 'asc' },
            take: 1,
          },
        },
      }),
      db.deadline.count({ where: myDeadlines }),
      db.deadline.findMany({
        where: myDeadlines,
        orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
        take,
        include: { project: { select: { ref: true, title: true } } },
      }),
      mayConfirm ? db.project.count({ where: confirmable }) : Promise.resolve(0),
      mayConfirm
        ? db.project.findMany({
            where: confirmable,
            orderBy: [{ updatedAt: 'asc' }, { ref: 'asc' }],
            take,
            select: { ref: true, title: true, snapshot: true },
          })
        : Promise.resolve([]),
    ]);
  return { ownedTotal, owned, reviewTotal, reviewRows, deadlineTotal, deadlineRows, decisionTotal, decisionRows };
}

/** The pipeline a manager sees: projects per track and stage (bounded), and how many running deadlines are late. */
export async function pipelineRows(db: Db, now: Date) {
  const [groups, missedDeadlines] = await Promise.all([
    db.project.groupBy({
      by: ['track', 'stage'],
      _count: { _all: true },
      orderBy: [{ track: 'asc' }, { stage: 'asc' }],
      // Bounded by the machines' stages; the take only guards against rows no machine knows.
      take: 200,
    }),
    // The same rule as `/pilot list overdue`: CSRC's own clock is informational and never overdue on us.
    db.deadline.count({ where: { status: { in: OPEN }, dueAt: { lte: now }, clock: { not: 'csrc' } } }),
  ]);
  return { groups: groups.map((g) => ({ track: g.track, stage: g.stage, count: g._count._all })), missedDeadlines };
}

/** The people whose Home shows a project: its owner and whoever its open deadlines wait on (at most 20 of those). */
export async function peopleOfProject(db: Db, projectId: string): Promise<string[]> {
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: {
      ownerId: true,
      deadlines: { where: { status: { in: ['open', 'missed'] } }, select: { responsibleUserId: true }, take: 20 },
    },
  });
  if (!project) return [];
  return [project.ownerId, ...project.deadlines.flatMap((d) => (d.responsibleUserId ? [d.responsibleUserId] : []))];
}
