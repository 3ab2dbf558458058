import { z } from 'zod';

/** Slack action_id of the retry button on a dead outbox row (`/pilot admin outbox`). */
export const OUTBOX_ACTIONS = { retry: 'outbox.retry' } as const;

/** The retry button carries its row's id after a dot (one per dead row, action_ids unique in a message). */
export const RETRY_ACTION_PATTERN = /^outbox\.retry(\.|$)/;

/** The retry button's value: the outbox row's id (a bigint, as digits). */
export const OutboxButtonValueSchema = z.object({ outboxId: z.string().regex(/^\d{1,19}$/) }).strict();
export type OutboxButtonValue = z.infer<typeof OutboxButtonValueSchema>;
