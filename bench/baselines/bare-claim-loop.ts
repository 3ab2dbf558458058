// Baseline: the least a scheduler must do for due steps on the same tables: claim a batch with FOR UPDATE SKIP
// LOCKED, send one message per row, mark the row done and record the sent message, one transaction per batch.
import type { PrismaClient } from '../../src/db/client.ts';
import type { SlackCaller } from '../../src/slack/web-api.ts';

/** Claims and sends every due step at `now`; returns how many were sent. */
export async function bareClaimAndSend(prisma: PrismaClient, slack: SlackCaller, now: Date): Promise<number> {
  let sent = 0;
  for (;;) {
    const n = await prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ id: string; ownerId: string }[]>(
        `SELECT d.id::text AS id, p."ownerId" FROM "Deadline" d JOIN "Project" p ON p.id = d."projectId"
          WHERE d.status IN ('open', 'missed') AND d."nextStep" IS NOT NULL AND d."nextStepAt" <= $1
          ORDER BY d."nextStepAt", d.id LIMIT 50 FOR UPDATE OF d SKIP LOCKED`,
        now,
      );
      for (const r of rows) {
        await slack('chat.postMessage', { channel: r.ownerId, text: 'reminder' });
        await tx.$executeRawUnsafe(
          `UPDATE "Deadline" SET "nextStep" = NULL, "nextStepAt" = NULL, "stepsDone" = array_append("stepsDone", 'bare') WHERE id = $1::uuid`,
          r.id,
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "OutboxMessage" (key, method, args, status, "sentAt") VALUES ($1, 'chat.postMessage', '{}', 'sent', now())`,
          `bare:${r.id}:${now.toISOString()}`,
        );
      }
      return rows.length;
    });
    sent += n;
    if (n === 0) return sent;
  }
}
