import { COACHING_STATES, PILOT_STATES } from '../../machines/catalog.ts';
import { holdsAny, type Role } from '../roles/roles.ts';
import { HOME_TAKE } from './limits.ts';
import { homeRows, type PrismaClient, pipelineRows } from './repository.ts';

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
  const mayConfirm = holdsAny(roles, ['staff', 'manager']);
  const [rows, pipeline] = await Promise.all([
    homeRows(prisma, userId, mayConfirm, HOME_TAKE),
    holdsAny(roles, ['manager', 'admin']) ? readPipeline(prisma, now) : Promise.resolve(null),
  ]);
  const { ownedTotal, owned, reviewTotal, reviewRows, deadlineTotal, deadlineRows, decisionTotal, decisionRows } = rows;

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
  const { groups, missedDeadlines } = await pipelineRows(prisma, now);
  return {
    missedDeadlines,
    tracks: TRACKS.map(({ track, states }) => {
      const known = stagesOf(states);
      const counts = new Map(groups.filter((g) => g.track === track).map((g) => [g.stage, g.count]));
      const order = [...known, ...[...counts.keys()].filter((s) => !known.includes(s)).sort()];
      const stages = order
        .filter((s) => (counts.get(s) ?? 0) > 0)
        .map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
      return { track, machine: track, total: stages.reduce((n, s) => n + s.count, 0), stages };
    }),
  };
}
