import type { Prisma } from '../db/client.ts';

/** One Slack Web API call to make once the change that caused it has committed. */
export interface OutboxItem {
  /** Idempotency key: a second enqueue with the same key is a no-op (unique index). */
  key: string;
  method: 'chat.postMessage' | 'chat.update' | 'chat.postEphemeral' | 'views.publish' | `pilotdesk.${string}`;
  args: Record<string, unknown>;
  projectId?: string;
  /** Not sent before this instant (quiet hours); defaults to the database's now, i.e. at once. */
  notBefore?: Date;
}

/** Writes messages into the outbox inside the caller's transaction, so they exist exactly when the change does. */
export async function enqueueMessages(tx: Prisma.TransactionClient, items: readonly OutboxItem[]): Promise<void> {
  if (items.length === 0) return;
  await tx.outboxMessage.createMany({
    data: items.map((i) => ({
      key: i.key,
      method: i.method,
      args: i.args as Prisma.InputJsonValue,
      projectId: i.projectId ?? null,
      ...(i.notBefore ? { nextAttemptAt: i.notBefore } : {}),
    })),
    skipDuplicates: true,
  });
}
