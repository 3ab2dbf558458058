import { type Affiliation, type ApplicantIdentity, type ConflictReason, conflictReasons } from './conflicts.ts';

/** An expert as the assignment sees them: the pool's data plus their current load and last assignment. */
export interface Candidate {
  userId: string;
  tags: readonly string[];
  maxLoad: number;
  awayFrom: string | null;
  awayUntil: string | null;
  affiliations: readonly Affiliation[];
  /** Projects this expert declared a conflict on. */
  declaredOn: readonly string[];
  /** Invitations and reviews open now (invited or accepted, not submitted) across projects in screening. */
  load: number;
  /** When they were last invited to review, or null if never. */
  lastAssignedAt: string | null;
}
/** The project as the assignment sees it. */
export interface ProjectForAssignment {
  id: string;
  technologies: readonly string[];
  applicants: readonly ApplicantIdentity[];
  /** Everyone invited before (any status): never invited twice. */
  alreadyInvited: readonly string[];
}
/** Why an expert cannot be picked now. */
export type Exclusion =
  | { kind: 'conflict'; reasons: ConflictReason[] }
  | { kind: 'away'; until: string | null }
  | { kind: 'loadCap'; load: number; maxLoad: number }
  | { kind: 'alreadyInvited' };
export interface ExpertPick {
  userId: string;
  matchedTags: string[];
  load: number;
  maxLoad: number;
}

/** Whether the expert is away on `today` (an open-ended absence counts from its start or until its end). */
export function isAway(c: Pick<Candidate, 'awayFrom' | 'awayUntil'>, today: string): boolean {
  if (c.awayFrom === null && c.awayUntil === null) return false;
  return (c.awayFrom === null || c.awayFrom <= today) && (c.awayUntil === null || today <= c.awayUntil);
}

/** Why this expert may not be invited to this project today, or null when they may. Conflicts are checked first. */
export function exclusionOf(c: Candidate, project: ProjectForAssignment, today: string): Exclusion | null {
  const reasons = conflictReasons(c.affiliations, project.applicants, c.declaredOn.includes(project.id), today);
  if (reasons.length > 0) return { kind: 'conflict', reasons };
  if (project.alreadyInvited.includes(c.userId)) return { kind: 'alreadyInvited' };
  if (isAway(c, today)) return { kind: 'away', until: c.awayUntil };
  if (c.load >= c.maxLoad) return { kind: 'loadCap', load: c.load, maxLoad: c.maxLoad };
  return null;
}

/**
 * Deterministic automatic assignment (issue 6): among eligible experts, most tags matching the project's technologies,
 * then least current load, then longest since their last assignment (never assigned first), then user id. Picks up to
 * `count`; the rest of the pool comes back with the reason each one was left out.
 */
export function rankExperts(
  pool: readonly Candidate[],
  project: ProjectForAssignment,
  count: number,
  today: string,
): { picks: ExpertPick[]; excluded: Array<{ userId: string; exclusion: Exclusion }> } {
  const excluded: Array<{ userId: string; exclusion: Exclusion }> = [];
  const eligible: Array<Candidate & { matched: string[] }> = [];
  for (const c of pool) {
    const exclusion = exclusionOf(c, project, today);
    if (exclusion) excluded.push({ userId: c.userId, exclusion });
    else eligible.push({ ...c, matched: project.technologies.filter((t) => c.tags.includes(t)) });
  }
  eligible.sort(
    (a, b) =>
      b.matched.length - a.matched.length ||
      a.load - b.load ||
      (a.lastAssignedAt ?? '').localeCompare(b.lastAssignedAt ?? '') ||
      a.userId.localeCompare(b.userId),
  );
  const picks = eligible
    .slice(0, Math.max(0, count))
    .map((c) => ({ userId: c.userId, matchedTags: c.matched, load: c.load, maxLoad: c.maxLoad }));
  excluded.sort((a, b) => a.userId.localeCompare(b.userId));
  return { picks, excluded };
}
