import type { PilotContext } from '../../machines/pilot/context.ts';
import { requireProject } from '../projects/repository.ts';
import { restoreSnapshot } from '../runtime/machines.ts';
import type { Candidate, ProjectForAssignment } from './rank-experts.ts';
import { type Db, expertRows, invitationRows, screeningSnapshots } from './repository.ts';

const dateOf = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
const OPEN = new Set(['assigned', 'accepted']);

/** A pilot project's screening context, restored from its snapshot. */
export async function loadPilotContext(db: Db, projectId: string) {
  const project = await requireProject(db, projectId);
  const context = restoreSnapshot(project.machine, project.machineVersion, project.snapshot).context as PilotContext;
  return { project, context };
}

/** The project as the assignment sees it: technologies, applicants and everyone invited before. */
export function projectForAssignment(id: string, context: PilotContext): ProjectForAssignment {
  return {
    id,
    technologies: context.technologies ?? [],
    applicants: (context.applicants ?? []).map((a) => ({ name: a.name, uscc: a.uscc })),
    alreadyInvited: (context.assignments ?? []).map((a) => a.reviewerId),
  };
}

/**
 * The expert pool with what assignment needs: affiliations, declared conflicts, the current load (open invitations and
 * reviews on projects in screening) and the last time each was invited. `only` narrows it to some experts.
 */
export async function loadCandidates(db: Db, only?: readonly string[]): Promise<Candidate[]> {
  const experts = await expertRows(db, only);
  if (experts.length === 0) return [];
  const load = new Map<string, number>();
  const screening = await screeningSnapshots(db);
  for (const p of screening) {
    const ctx = restoreSnapshot(p.machine, p.machineVersion, p.snapshot).context as PilotContext;
    for (const a of ctx.assignments ?? [])
      if (OPEN.has(a.status)) load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
  }
  const last = new Map<string, string>();
  const invitations = await invitationRows(db);
  for (const row of invitations) {
    const id = (row.payload as { reviewerId?: string } | null)?.reviewerId;
    if (id) last.set(id, row.recordedAt.toISOString());
  }
  return experts.map((e) => ({
    userId: e.userId,
    tags: e.tags,
    maxLoad: e.maxLoad,
    awayFrom: dateOf(e.awayFrom),
    awayUntil: dateOf(e.awayUntil),
    affiliations: e.affiliations.map((a) => ({ name: a.name, uscc: a.uscc, endedOn: dateOf(a.endedOn) })),
    declaredOn: e.conflicts.map((c) => c.projectId),
    load: load.get(e.userId) ?? 0,
    lastAssignedAt: last.get(e.userId) ?? null,
  }));
}
