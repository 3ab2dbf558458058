import { shanghaiDate } from '../clock.ts';
import { NotFoundError } from '../errors.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { assertMayManageBatches, type BatchDeps, type BatchView, batchView } from './batch-view.ts';
import { type BatchProjectRow, batchByName, pilotProjectsInBatch } from './repository.ts';

/** One institution of a selected project, as the CSRC's list names it. */
export interface SelectionInstitution {
  name: string;
  uscc: string;
  institutionType: string;
  lead: boolean;
}

/** The experts' reviews of a selected project in short: how many, the mean score per criterion, the recommendations. */
export interface ReviewSummary {
  reviews: number;
  meanScores: Record<string, number>;
  recommendations: Record<string, number>;
}

/** One row of a batch's selection list for the CSRC Technology Supervision Bureau (R-APP-3). */
export interface SelectionRow {
  ref: string;
  title: string;
  institutions: SelectionInstitution[];
  scenario: string;
  technologies: string[];
  /** The day the two-person screening pass was confirmed (Shanghai). */
  selectedOn: string;
  review: ReviewSummary;
}

/** A batch and the projects selected in its screening, in reference order. */
export interface SelectionList {
  batch: BatchView;
  rows: SelectionRow[];
}

type Snapshot = {
  context?: {
    applicants?: Array<{ name: string; uscc: string; institutionType: string; lead: boolean }>;
    technologies?: string[];
    decisions?: Array<{ kind: string; confirmedAt: string }>;
    reviews?: Array<{ ratings: Record<string, number>; recommendation: string }>;
  };
};

/**
 * R-APP-3: the selection-list row of a project, or null when it was not selected in screening (no confirmed
 * `screeningPass`). Pure: the exports build their workbook from these rows, the message from the same rows.
 */
export function selectionRow(
  project: Pick<BatchProjectRow, 'ref' | 'title' | 'snapshot' | 'intake'>,
): SelectionRow | null {
  const ctx = (project.snapshot as Snapshot).context ?? {};
  const pass = (ctx.decisions ?? []).find((d) => d.kind === 'screeningPass');
  if (!pass) return null;
  const reviews = ctx.reviews ?? [];
  const sums: Record<string, { total: number; n: number }> = {};
  const recommendations: Record<string, number> = {};
  for (const r of reviews) {
    for (const [criterion, score] of Object.entries(r.ratings)) {
      const s = sums[criterion] ?? { total: 0, n: 0 };
      sums[criterion] = { total: s.total + score, n: s.n + 1 };
    }
    recommendations[r.recommendation] = (recommendations[r.recommendation] ?? 0) + 1;
  }
  const meanScores = Object.fromEntries(
    Object.entries(sums).map(([c, s]) => [c, Math.round((s.total / s.n) * 10) / 10]),
  );
  return {
    ref: project.ref,
    title: project.title,
    institutions: (ctx.applicants ?? []).map((a) => ({
      name: a.name,
      uscc: a.uscc,
      institutionType: a.institutionType,
      lead: a.lead,
    })),
    scenario: String((project.intake as { scenario?: unknown } | null)?.scenario ?? ''),
    technologies: ctx.technologies ?? [],
    selectedOn: shanghaiDate(new Date(pass.confirmedAt)),
    review: { reviews: reviews.length, meanScores, recommendations },
  };
}

/** R-APP-3: a batch's selection list (staff, managers, admins): the message and the exported file are built from it. */
export async function selectionList(deps: BatchDeps, actor: UserActor, name: string): Promise<SelectionList> {
  assertMayManageBatches(actor.roles);
  const batch = await batchByName(deps.prisma, name);
  if (!batch) throw new NotFoundError('batch.notFound', { name });
  const projects = await pilotProjectsInBatch(deps.prisma, batch.id);
  return {
    batch: batchView(batch, shanghaiDate(deps.clock.now())),
    rows: projects.map(selectionRow).filter((r): r is SelectionRow => r !== null),
  };
}
