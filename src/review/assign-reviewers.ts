import { reviewsNeeded } from '../../machines/pilot/guards.ts';
import type { Actor } from '../../machines/shared/actor.ts';
import { shanghaiDate } from '../clock.ts';
import { UserFacingError } from '../errors.ts';
import { enqueueMessages } from '../outbox/enqueue-messages.ts';
import { renderedMessage } from '../outbox/rendered.ts';
import { rolesOf } from '../roles/roles.ts';
import { type ApplyEventDeps, applyEvent } from '../runtime/apply-event.ts';
import { loadCandidates, loadPilotContext, projectForAssignment } from './load-candidates.ts';
import { type Exclusion, type ExpertPick, rankExperts } from './rank-experts.ts';

/** What an automatic assignment did: who was invited and why, who was left out and why, how many are still missing. */
export interface AssignmentOutcome {
  ref: string;
  picks: ExpertPick[];
  excluded: Array<{ userId: string; exclusion: Exclusion }>;
  missing: number;
}

/**
 * The invited experts who cannot answer: without the expert reviewer role the machine refuses their accept or decline
 * (the pool grants it, but an admin may have revoked it since). Staff are told, so an invitation never hangs unseen.
 */
async function withoutReviewerRole(deps: ApplyEventDeps, picks: readonly ExpertPick[]): Promise<string[]> {
  const out: string[] = [];
  for (const pick of picks)
    if (!(await rolesOf(deps.prisma, pick.userId, [])).includes('reviewer')) out.push(pick.userId);
  return out;
}

/** Why the system picked this expert, for the audit trail (the `basis` of `review.assigned`). */
const basisOf = (p: ExpertPick) => `tags=${p.matchedTags.join(',') || '-'}; load=${p.load}/${p.maxLoad}`;

/**
 * Invites the best eligible experts to fill the project's open reviewer places (issue 6): `/pilot assign <ref> auto`,
 * entering screening with the setting on, and the replacement after a decline, a declared conflict or a timeout. Every
 * invitation goes through applyEvent (so through the conflict gate). Staff get the report — picks with their reasons,
 * or at once, when places stay open, the reason each expert was left out.
 */
export async function assignReviewers(
  deps: ApplyEventDeps,
  projectId: string,
  actor: Actor,
  trigger: 'command' | 'entry' | 'replacement',
): Promise<AssignmentOutcome> {
  const { project, context } = await loadPilotContext(deps.prisma, projectId);
  const active = context.assignments.filter((a) => a.status !== 'declined' && a.status !== 'withdrawn').length;
  const open = Math.max(0, reviewsNeeded(context) - active);
  const today = shanghaiDate(deps.clock.now());
  const pool = await loadCandidates(deps.prisma);
  const ranked = rankExperts(pool, projectForAssignment(project.id, context), open, today);
  const picks: ExpertPick[] = [];
  for (const pick of ranked.picks) {
    try {
      await applyEvent(deps, projectId, {
        type: 'review.assigned',
        actor,
        recordedAt: deps.clock.now().toISOString(),
        reviewerId: pick.userId,
        basis: basisOf(pick),
      });
      picks.push(pick);
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      ranked.excluded.push({ userId: pick.userId, exclusion: { kind: 'alreadyInvited' } });
    }
  }
  const outcome = { ref: project.ref, picks, excluded: ranked.excluded, missing: open - picks.length };
  if (open > 0) {
    const channel = project.channelId ?? project.ownerId;
    // A replacement concerns the owner, who was told of the decline: they get the same report as the channel, so
    // both say the same thing about who is invited next or why nobody is.
    const recipients =
      trigger === 'replacement' && channel !== project.ownerId ? [channel, project.ownerId] : [channel];
    const stamp = `v${project.version}`;
    const report = { ...outcome, withoutRole: await withoutReviewerRole(deps, picks) };
    const items = recipients.map((to, i) => ({
      key: `review:assign:${project.id}:${trigger}:${stamp}${i === 0 ? '' : `:${to}`}`,
      ...renderedMessage(to, 'review.assignmentReport', report, 'zh-CN'),
      projectId: project.id,
      notBefore: deps.clock.now(),
    }));
    await deps.prisma.$transaction((tx) => enqueueMessages(tx, items));
    deps.afterCommit(items.map((item) => item.key));
  }
  return outcome;
}
