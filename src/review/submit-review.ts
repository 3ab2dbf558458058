import { pilotEventSchemas } from '../../machines/pilot/events.ts';
import { InputError } from '../errors.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { type AppliedEvent, type ApplyEventDeps, applyEvent } from '../runtime/apply-event.ts';
import { loadPilotContext } from './load-candidates.ts';
import { deleteDraft } from './repository.ts';

/**
 * Submits (or amends, until the working group decides) a review from the form (issue 6): a score 1–5 and a comment on
 * every criterion of the review mode, the recommendation, an optional confidential note. Missing fields come back per
 * field; the draft is removed in the same transaction.
 */
export async function submitReview(
  deps: ApplyEventDeps,
  actor: UserActor,
  projectId: string,
  values: Record<string, string | undefined>,
): Promise<AppliedEvent> {
  const { userId } = actor;
  const { context } = await loadPilotContext(deps.prisma, projectId);
  const criteria = context.simplifiedReview
    ? (['newRisks', 'investorProtectionMeasures'] as const)
    : (['legalCompliance', 'orderlyInnovation', 'riskControllability', 'policyFit'] as const);
  const fields: Record<string, { key: MessageKey }> = {};
  const event: Record<string, unknown> = {
    type: 'review.submitted',
    actor,
    recordedAt: deps.clock.now().toISOString(),
  };
  for (const c of criteria) {
    const score = Number(values[c]);
    if (!Number.isInteger(score) || score < 1 || score > 5) fields[c] = { key: 'review.form.scoreRequired' };
    else event[c] = score;
    const comment = values[`${c}Comment`]?.trim();
    if (!comment) fields[`${c}Comment`] = { key: 'field.required' };
    else event[`${c}Comment`] = comment;
  }
  if (!values.recommendation) fields.recommendation = { key: 'field.required' };
  else event.recommendation = values.recommendation;
  const note = values.confidentialNote?.trim();
  if (note) event.confidentialNote = note;
  const parsed = pilotEventSchemas['review.submitted'].safeParse(event);
  if (!parsed.success)
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= { key: 'field.invalid' };
  if (Object.keys(fields).length > 0) throw new InputError('action.invalid', {}, fields);
  return applyEvent(deps, projectId, event as never, {
    writeAlso: (tx, id) => deleteDraft(tx, id, userId),
  });
}
