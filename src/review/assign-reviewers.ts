import type { Actor } from '../../machines/actor.ts';
import { reviewsNeeded } from '../../machines/pilot.guards.ts';
import { shanghaiDate } from '../clock.ts';
import { UserFacingError } from '../errors.ts';
import { enqueueMessages } from '../outbox/enqueue-messages.ts';
import { type ApplyEventDeps, applyEvent } from '../runtime/apply-event.ts';
import { assignmentReport } from '../views/review-messages.ts';
import { loadCandidates, loadPilotContext, projectForAssignment } from './load-candidates.ts';
import { type Exclusion, type ExpertPick, rankExperts } from './rank-experts.ts';

/** What an automatic assignment did: who was invited and why, who was left out and why, how many are still missing. */
export interface AssignmentOutcome {
  ref: string;
  picks: ExpertPick[];
  excluded: Array<{ userId: string; exclusion: Exclusion }>;
  missing: number;
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
    const stamp = `v${project.version}`;
    await deps.prisma.$transaction((tx) =>
      enqueueMessages(tx, [
        {
          key: `review:assign:${project.id}:${trigger}:${stamp}`,
          method: 'chat.postMessage',
          projectId: project.id,
          notBefore: deps.clock.now(),
          args: { channel, ...assignmentReport(outcome, 'zh-CN') },
        },
      ]),
    );
    deps.afterCommit([`review:assign:${project.id}:${trigger}:${stamp}`]);
  }
  return outcome;
}
