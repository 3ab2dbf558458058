import type { DeadlineKind } from '../../machines/settings.ts';

/** What the machine does when a deadline of this kind passes: the event the scheduler delivers to it. */
export interface Consequence {
  /** The machine the project must run (a pilot's notice, a coaching period). */
  machine: 'pilot' | 'coaching';
  /** A scheduler-only event of that machine whose factDate is the deadline's last day. */
  event: string;
  rule: string;
}

/**
 * The consequences of a deadline's passing, as data in one place (issue 4: "where the machine defines a consequence,
 * the deadline's passing is delivered to the machine as an event"). Only kinds whose machine has a scheduler event
 * appear here; the others only escalate. An unanswered review invitation has no scheduler event in the pilot machine
 * yet, so it escalates like any reviewer deadline.
 */
export const CONSEQUENCES: Partial<Record<DeadlineKind, Consequence>> = {
  noticeCloses: { machine: 'pilot', event: 'notice.periodEnded', rule: 'R-APP-5' },
  coachingExpires: { machine: 'coaching', event: 'coaching.expired', rule: 'R-COA-4' },
};

/** The consequence of a deadline kind on a machine, or undefined when its passing only escalates. */
export function consequenceOf(kind: string, machine: string): Consequence | undefined {
  const c = CONSEQUENCES[kind as DeadlineKind];
  return c && c.machine === machine ? c : undefined;
}
