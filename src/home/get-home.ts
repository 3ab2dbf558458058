import { COACHING_STATES, PILOT_STATES } from '../../machines/catalog.ts';
import type { Prisma, PrismaClient } from '../db/client.ts';
import { holdsAny, type Role } from '../roles/roles.ts';

/** How many rows each Home section reads at most; the Home tab stays the same size whatever the number of projects. */
export const HOME_TAKE = 10;

/** A due date as the Home tab shows it. */
export interface HomeDue {
  kind: string;
  dueDate: string;
  missed: boolean;
}

/** A project I own, with its nearest open deadline. */
export interface HomeProject {
  ref: string;
  title: string;
  machine: string;
  stage: string;
  nextDue: HomeDue | null;
}

/** A project I review: my assignment's status (when the snapshot has one) and my nearest reviewer deadline. */
export interface HomeReview {
  ref: string;
  title: string;
  status: 'assigned' | 'accepted' | null;
  due: HomeDue | null;
}

/** An open or missed deadline I am responsible for. */
export interface HomeDeadline extends HomeDue {
  ref: string;
  title: string;
}

/** A two-person decision someone else proposed that I may confirm. */
export interface HomeDecision {
  ref: string;
  title: string;
  kind: string;
  proposedBy: string;
}

/** The managers' pipeline: projects per stage per track, and what is overdue. */
export interface HomePipeline {
  tracks: Array<{
    track: 'pilot' | 'coaching';
    machine: string;
    total: number;
    stages: Array<{ stage: string; count: number }>;
  }>;
  missedDeadlines: number;
}

/** A bounded list with the number of rows that matched. */
export interface Bounded<T> {
  items: T[];
  total: number;
}

/** Everything one person's Home tab shows; plain data for the pure builder. */
export interface HomeData {
  userId: string;
  myProjects: Bounded<HomeProject>;
  reviews: Bounded<HomeReview>;
  waiting: { deadlines: Bounded<HomeDeadline>; decisions: Bounded<HomeDecision> };
  pipeline: HomePipeline | null;
}

const OPEN = ['open', 'missed'];
const TRACKS = [
  { track: 'pilot', states: PILOT_STATES },
  { track: 'coaching', states: COACHING_STATES },
] as const;

/** Top-level stages of a machine in the catalog's order (the order a project moves through them). */
const stagesOf = (states: Record<string, unknown>) => Object.keys(states).filter((s) => !s.includes('.'));

const dueOf = (
  d: { kind: string; dueDate: Date; dueAt: Date; status: string } | undefined,
  now: Date,
): HomeDue | null =>
  d
    ? { kind: d.kind, dueDate: d.dueDate.toISOString().slice(0, 10), missed: d.status === 'missed' || d.dueAt <= now }
    : null;

interface SnapshotContext {
  context?: {
    assignments?: Array<{ reviewerId: string; status: string }>;
    pending?: { kind: string; proposedBy: string } | null;
  };
}

/**
 * Reads one person's Home tab: my projects and their next deadlines, my review assignments, what waits on me
 * (deadlines I answer for, decisions I could confirm), and for managers and admins the pipeline. Every query is
 * bounded by HOME_TAKE or by the number of stages.
 */
export async function getHome(
  prisma: PrismaClient,
  userId: string,
  roles: readonly Role[],
  now: Date,
): Promise<HomeData> {
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
  const mayConfirm = holdsAny(roles, ['staff', 'manager']);
  const confirmable: Prisma.ProjectWhereInput = {
    status: 'active',
    snapshot: { path: ['context', 'pending', 'proposedBy'], string_contains: '' },
    NOT: { snapshot: { path: ['context', 'pending', 'proposedBy'], equals: userId } },
  };

  const [
    ownedTotal,
    owned,
    reviewTotal,
    reviewRows,
    deadlineTotal,
    deadlineRows,
    decisionTotal,
    decisionRows,
    pipeline,
  ] = await Promise.all([
    prisma.project.count({ where: mine }),
    prisma.project.findMany({
      where: mine,
      orderBy: [{ updatedAt: 'desc' }, { ref: 'desc' }],
      take: HOME_TAKE,
      select: {
        ref: true,
        title: true,
        machine: true,
        stage: true,
        deadlines: { where: { status: { in: OPEN } }, orderBy: { dueAt: 'asc' }, take: 1 },
      },
    }),
    prisma.project.count({ where: reviewing }),
    prisma.project.findMany({
      where: reviewing,
      orderBy: [{ updatedAt: 'desc' }, { ref: 'desc' }],
      take: HOME_TAKE,
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
    prisma.deadline.count({ where: myDeadlines }),
    prisma.deadline.findMany({
      where: myDeadlines,
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take: HOME_TAKE,
      include: { project: { select: { ref: true, title: true } } },
    }),
    mayConfirm ? prisma.project.count({ where: confirmable }) : Promise.resolve(0),
    mayConfirm
      ? prisma.project.findMany({
          where: confirmable,
          orderBy: [{ updatedAt: 'asc' }, { ref: 'asc' }],
          take: HOME_TAKE,
          select: { ref: true, title: true, snapshot: true },
        })
      : Promise.resolve([]),
    holdsAny(roles, ['manager', 'admin']) ? readPipeline(prisma, now) : Promise.resolve(null),
  ]);

  return {
    userId,
    myProjects: {
      total: ownedTotal,
      items: owned.map((p) => ({
        ref: p.ref,
        title: p.title,
        machine: p.machine,
        stage: p.stage,
        nextDue: dueOf(p.deadlines[0], now),
      })),
    },
    reviews: {
      total: reviewTotal,
      items: reviewRows.map((p) => {
        const status = (p.snapshot as SnapshotContext).context?.assignments?.find(
          (a) => a.reviewerId === userId && (a.status === 'assigned' || a.status === 'accepted'),
        )?.status;
        return {
          ref: p.ref,
          title: p.title,
          status: status === 'assigned' || status === 'accepted' ? status : null,
          due: dueOf(p.deadlines[0], now),
        };
      }),
    },
    waiting: {
      deadlines: {
        total: deadlineTotal,
        items: deadlineRows.map((d) => ({ ref: d.project.ref, title: d.project.title, ...(dueOf(d, now) as HomeDue) })),
      },
      decisions: {
        total: decisionTotal,
        items: decisionRows.flatMap((p) => {
          const pending = (p.snapshot as SnapshotContext).context?.pending;
          return pending ? [{ ref: p.ref, title: p.title, kind: pending.kind, proposedBy: pending.proposedBy }] : [];
        }),
      },
    },
    pipeline,
  };
}

async function readPipeline(prisma: PrismaClient, now: Date): Promise<HomePipeline> {
  const [groups, missedDeadlines] = await Promise.all([
    prisma.project.groupBy({
      by: ['track', 'stage'],
      _count: { _all: true },
      orderBy: [{ track: 'asc' }, { stage: 'asc' }],
      // Bounded by the machines' stages; the take only guards against rows no machine knows.
      take: 200,
    }),
    // The same rule as `/pilot list overdue`: CSRC's own clock is informational and never overdue on us.
    prisma.deadline.count({ where: { status: { in: OPEN }, dueAt: { lte: now }, clock: { not: 'csrc' } } }),
  ]);
  return {
    missedDeadlines,
    tracks: TRACKS.map(({ track, states }) => {
      const known = stagesOf(states);
      const counts = new Map(groups.filter((g) => g.track === track).map((g) => [g.stage, g._count._all]));
      const order = [...known, ...[...counts.keys()].filter((s) => !known.includes(s)).sort()];
      const stages = order
        .filter((s) => (counts.get(s) ?? 0) > 0)
        .map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
      return { track, machine: track, total: stages.reduce((n, s) => n + s.count, 0), stages };
    }),
  };
}
