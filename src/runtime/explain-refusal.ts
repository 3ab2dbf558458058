import type { MessageKey } from '../i18n/index.ts';

interface LaunchFacts {
  comments?: Record<string, { summary: string; disposition: string | null }>;
  riskAssessment?: { majorHiddenRisk: boolean; mitigations: string | null } | null;
  commitmentReceivedOn?: string | null;
  assignments?: Array<{ status: string }>;
  reviewersRequired?: { standard: number; simplified: number };
  simplifiedReview?: boolean;
  pending?: { kind?: string; proposedBy?: string } | null;
}

/**
 * Why the machine refused an event a person may send in principle, in words they can act on: which comments still
 * lack a disposition (R-APP-6), that the commitment letter is missing, how many reviews are still due. Returns
 * null when there is nothing more specific to say than "not possible at this stage".
 */
export function explainRefusal(
  event: { type: string; decisionKind?: unknown; actor?: { kind: string; userId?: string; roles?: readonly string[] } },
  context: unknown,
): { key: MessageKey; params: Record<string, string | number> } | null {
  const ctx = (context ?? {}) as LaunchFacts;
  const userId = event.actor?.kind === 'user' ? event.actor.userId : undefined;
  // The two-person rule: the proposer may hold every role and still not confirm their own proposal.
  if (event.type === 'decision.confirm' && ctx.pending && userId && ctx.pending.proposedBy === userId)
    return { key: 'refusal.twoPerson', params: { decision: `@decision.${ctx.pending.kind}` } };
  if (event.type === 'decision.confirm' && !ctx.pending) return { key: 'refusal.nothingPending', params: {} };
  if (event.type === 'decision.withdraw' && ctx.pending && userId && ctx.pending.proposedBy !== userId)
    return {
      key: 'refusal.withdrawNotYours',
      params: { decision: `@decision.${ctx.pending.kind}`, proposer: `<@${ctx.pending.proposedBy}>` },
    };
  if (event.type === 'decision.propose' && event.decisionKind === 'launch') {
    const open = Object.entries(ctx.comments ?? {}).filter(([, c]) => c.disposition === null);
    if (open.length > 0)
      return {
        key: 'refusal.launch.comments',
        params: { comments: open.map(([id, c]) => `${id}（${c.summary}）`).join('；') },
      };
    if (!ctx.riskAssessment) return { key: 'refusal.launch.risk', params: {} };
    if (ctx.riskAssessment.majorHiddenRisk && !ctx.riskAssessment.mitigations)
      return { key: 'refusal.launch.mitigations', params: {} };
    if (!ctx.commitmentReceivedOn) return { key: 'refusal.launch.commitment', params: {} };
  }
  if (event.type === 'decision.propose' && ctx.pending) return { key: 'refusal.pending', params: {} };
  if (
    event.type === 'decision.propose' &&
    (event.decisionKind === 'screeningPass' || event.decisionKind === 'screeningFilterOut') &&
    ctx.reviewersRequired
  ) {
    const needed = ctx.simplifiedReview ? ctx.reviewersRequired.simplified : ctx.reviewersRequired.standard;
    const have = (ctx.assignments ?? []).filter((a) => a.status === 'submitted').length;
    if (have < needed) return { key: 'refusal.reviews', params: { have, needed } };
  }
  return null;
}
