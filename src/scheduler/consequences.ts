import type { DeadlineKind } from '../../machines/shared/settings.ts';

/** What the machine does when a deadline of this kind passes: the event the scheduler delivers to it. */
export interface Consequence {
  /** The machine the project must run (a pilot's notice, a coaching period). */
  machine: 'pilot' | 'coaching';
  /** A scheduler-only event of that machine whose factDate is the deadline's last day. */
  event: string;
  rule: string;
  /** Fields the event needs from the deadline row (e.g. whose invitation ran out). */
  fields?(row: { key: string; responsibleUserId: string | null }): Record<string, unknown>;
}

/**
 * The consequences of a deadline's passing, as data in one place (issue 4: "where the machine defines a consequence,
 * the deadline's passing is delivered to the machine as an event"). Only kinds whose machine has a scheduler event
 * appear here; the others only escalate. An unanswered review invitation is withdrawn (issue 6), and the pilot's
 * follow-up invites the next best expert.
 */
export const CONSEQUENCES: Partial<Record<DeadlineKind, Consequence>> = {
  noticeCloses: { machine: 'pilot', event: 'notice.periodEnded', rule: 'R-APP-5' },
  reviewerResponse: {
    machine: 'pilot',
    event: 'review.invitationExpired',
    rule: 'R-APP-2',
    fields: (row) => ({ reviewerId: row.responsibleUserId ?? row.key.replace(/^reviewerResponse:/, '') }),
  },
  coachingExpires: { machine: 'coaching', event: 'coaching.expired', rule: 'R-COA-4' },
};

/** The consequence of a deadline kind on a machine, or undefined when its passing only escalates. */
export function consequenceOf(kind: string, machine: string): Consequence | undefined {
  const c = CONSEQUENCES[kind as DeadlineKind];
  return c && c.machine === machine ? c : undefined;
}
