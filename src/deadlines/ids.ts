import { z } from 'zod';

/** Slack action_ids of the buttons on a deadline escalation and a `/pilot why` answer. */
export const DEADLINE_ACTIONS = {
  extend: 'deadline.extend',
  reassign: 'deadline.reassign',
  acknowledge: 'deadline.acknowledge',
  snooze: 'deadline.snooze',
} as const;

/**
 * The snooze button carries its deadline's id after a dot (`/pilot why` lists one per deadline, and action_ids are
 * unique in a message); buttons posted before, without the suffix, still match.
 */
export const SNOOZE_ACTION_PATTERN = /^deadline\.snooze(\.|$)/;

/** block_id of the escalation's button row, so a listener can find it to replace it after a click. */
export const ESCALATION_ACTIONS_BLOCK = 'deadline.escalation.actions';

/** The value every deadline button carries: which deadline it acts on (nothing else is trusted from Slack). */
export const DeadlineButtonValueSchema = z.object({ deadlineId: z.uuid() }).strict();
export type DeadlineButtonValue = z.infer<typeof DeadlineButtonValueSchema>;

/** Parses a button's value string; null when it is not a deadline button value (tampered or stale). */
export function parseDeadlineButtonValue(raw: string): DeadlineButtonValue | null {
  try {
    const parsed = DeadlineButtonValueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Encodes a deadline button's value. */
export function deadlineButtonValue(deadlineId: string): string {
  return JSON.stringify({ deadlineId } satisfies DeadlineButtonValue);
}

/** Slack IDs of the modals behind the deadline buttons and `/pilot calendar`. */
export const DEADLINE_MODALS = {
  extendCallbackId: 'deadline.extend.submit',
  reassignCallbackId: 'deadline.reassign.submit',
  calendarCallbackId: 'calendar.load.submit',
  blocks: { newDueDate: 'newDueDate', reason: 'reason', userId: 'userId', file: 'file', source: 'source' },
  action: 'v',
} as const;

/** What the deadline modals carry in private_metadata. */
export const DeadlineModalRefSchema = z.object({ deadlineId: z.uuid() }).strict();
