import { type Actor, hasRole, userIdOf } from './actor.ts';

/** A regulated decision waiting for a second person (the two-person rule). */
export interface PendingDecision<K extends string = string> {
  kind: K;
  proposedBy: string;
  proposedAt: string;
  details: Record<string, string | null>;
}

/** The history entry of an applied decision: who proposed, who confirmed, when. */
export interface AppliedDecision<K extends string = string> extends PendingDecision<K> {
  confirmedBy: string;
  confirmedAt: string;
}

/** Only staff propose; the proposer is remembered so that they cannot confirm their own proposal. */
export function mayPropose(actor: Actor): boolean {
  return hasRole(actor, 'staff');
}

/** A second staff member or a manager confirms; never the proposer, whatever their roles. */
export function mayConfirm(pending: PendingDecision | null, actor: Actor): boolean {
  if (pending === null) return false;
  const userId = userIdOf(actor);
  return userId !== null && userId !== pending.proposedBy && (hasRole(actor, 'staff') || hasRole(actor, 'manager'));
}

/** The proposer or a manager may withdraw a pending proposal. */
export function mayWithdraw(pending: PendingDecision | null, actor: Actor): boolean {
  if (pending === null) return false;
  return userIdOf(actor) === pending.proposedBy || hasRole(actor, 'manager');
}

/** Turns a pending decision into its history entry once confirmed. */
export function applied<K extends string>(pending: PendingDecision<K>, actor: Actor, at: string): AppliedDecision<K> {
  return { ...pending, confirmedBy: userIdOf(actor) as string, confirmedAt: at };
}
