import type { AppliedEvent, ApplyEventDeps, EventInput } from '../runtime/apply-event.ts';
import { assignReviewers } from './assign-reviewers.ts';
import { autoAssignEnabled } from './review-settings.ts';

const SYSTEM = { kind: 'scheduler' } as const;

/**
 * Follow-ups of a committed change that are changes of their own (issue 6): a pilot entering screening gets its
 * reviewers when automatic assignment is on; a decline, a declared conflict or an unanswered invitation gets the next
 * best expert invited. Each goes through applyEvent again.
 */
export async function reactToChange(deps: ApplyEventDeps, applied: AppliedEvent, event: EventInput): Promise<void> {
  const enteredScreening = applied.to.startsWith('screening') && !applied.from.startsWith('screening');
  const pilot = (applied.context as { track?: string }).track === 'pilot';
  if (pilot && enteredScreening && (await autoAssignEnabled(deps.prisma))) {
    await assignReviewers(deps, applied.projectId, SYSTEM, 'entry');
    return;
  }
  if (event.type === 'review.declined' || event.type === 'review.invitationExpired')
    await assignReviewers(deps, applied.projectId, SYSTEM, 'replacement');
}
