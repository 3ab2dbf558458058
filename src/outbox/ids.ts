import { z } from 'zod';

/** Slack action_id of the retry button on a dead outbox row (`/pilot admin outbox`). */
export const OUTBOX_ACTIONS = { retry: 'outbox.retry' } as const;

/** The retry button's value: the outbox row's id (a bigint, as digits). */
export const OutboxButtonValueSchema = z.object({ outboxId: z.string().regex(/^\d{1,19}$/) }).strict();
export type OutboxButtonValue = z.infer<typeof OutboxButtonValueSchema>;

/** Parses a retry button's value; null when it is not one. */
export function parseOutboxButtonValue(raw: string): OutboxButtonValue | null {
  try {
    const parsed = OutboxButtonValueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
