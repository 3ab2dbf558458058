import type { Clock } from '../clock.ts';
import type { Prisma, PrismaClient } from '../db/client.ts';
import type { SlackCaller, SlackCallOutcome } from '../slack/web-api.ts';
import { channelProblemOf, noticeChannelRefusal, type RefusalOptions } from './channel-refusals.ts';

/** How delivery retries; bounded so a message Slack keeps refusing is parked for an admin, not retried forever. */
export const DELIVERY_POLICY = {
  maxAttempts: 8,
  /** A claimed row is someone's for this long; after it, a crashed sender's row is claimed again. */
  leaseMs: 120_000,
  baseBackoffMs: 15_000,
  maxBackoffMs: 3_600_000,
  batchSize: 25,
} as const;

/** A Slack call worked out at send time from a virtual method (pilotdesk.*), so it shows the latest state. */
export interface ResolvedCall {
  method: string;
  args: Record<string, unknown>;
  /** Runs after Slack answered ok (e.g. to remember the card's message ts). */
  onSent?(result: Record<string, unknown>): Promise<void>;
  /** False for a workflow message rendered at send time: only cards and threads are the project's own presence. */
  projectPresence?: boolean;
  /**
   * Sends it in several steps instead of one call (a file: upload URL, the bytes, then completion); its outcome is
   * the row's, retried like any other. Without it the row's one call is `method` with `args`.
   */
  send?(slack: SlackCaller): Promise<SlackCallOutcome>;
}

/** Resolves virtual methods; null means "not ready yet" (the row waits and is retried). */
export type OutboxResolver = (method: string, args: Record<string, unknown>) => Promise<ResolvedCall | null>;

export const VIRTUAL_PREFIX = 'pilotdesk.';

/** One resolver over several areas' virtual methods: each method goes to the resolver registered for it. */
export function routeResolvers(routes: Record<string, OutboxResolver>): OutboxResolver {
  return async (method, args) => (routes[method] ? routes[method](method, args) : null);
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  dead: number;
}

interface ClaimedRow {
  id: bigint;
  method: string;
  args: Prisma.JsonValue;
  attempts: number;
  projectId: string | null;
}

/**
 * Sends due outbox rows. Rows are claimed with FOR UPDATE SKIP LOCKED so several replicas share the work
 * without sending anything twice; a row is marked sent only after Slack answered ok.
 */
export async function deliverOutbox(
  prisma: PrismaClient,
  slack: SlackCaller,
  clock: Clock,
  options: {
    keys?: readonly string[];
    limit?: number;
    resolver?: OutboxResolver;
    leaseMs?: number;
  } & RefusalOptions = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, dead: 0 };
  // Notices about refused channels go out in the same pass, even when only some keys were asked for.
  const keys = options.keys ? [...options.keys] : undefined;
  for (;;) {
    const rows = await claim(
      prisma,
      clock.now(),
      keys,
      options.limit ?? DELIVERY_POLICY.batchSize,
      options.leaseMs ?? DELIVERY_POLICY.leaseMs,
    );
    if (rows.length === 0) return report;
    for (const row of rows) {
      const args = (row.args ?? {}) as Record<string, unknown>;
      const call: ResolvedCall | null = row.method.startsWith(VIRTUAL_PREFIX)
        ? ((await options.resolver?.(row.method, args)) ?? null)
        : { method: row.method, args };
      const outcome = call
        ? await (call.send ? call.send(slack) : slack(call.method, call.args))
        : { kind: 'transient' as const, detail: `${row.method} is not ready to send yet` };
      const now = clock.now();
      if (outcome.kind === 'ok') {
        await call?.onSent?.(outcome.result);
        // updateMany: the count is enough, and reading the whole row back (args, result) would cost every send.
        await prisma.outboxMessage.updateMany({
          where: { id: row.id },
          data: { status: 'sent', sentAt: now, result: outcome.result as Prisma.InputJsonValue, lastError: null },
        });
        report.sent++;
        continue;
      }
      const dead = outcome.kind === 'permanent' || row.attempts >= DELIVERY_POLICY.maxAttempts;
      const delayMs =
        outcome.kind === 'rateLimited'
          ? outcome.retryAfterSeconds * 1000
          : Math.min(DELIVERY_POLICY.baseBackoffMs * 2 ** (row.attempts - 1), DELIVERY_POLICY.maxBackoffMs);
      await prisma.outboxMessage.updateMany({
        where: { id: row.id },
        data: {
          status: dead ? 'dead' : 'pending',
          lastError: `${outcome.kind}: ${outcome.detail}`,
          nextAttemptAt: new Date(now.getTime() + delayMs),
        },
      });
      if (dead) report.dead++;
      else report.retrying++;
      const problem = outcome.kind === 'permanent' && call ? channelProblemOf(outcome.detail, call.args.channel) : null;
      if (problem && call) {
        const refused = {
          channel: String(call.args.channel),
          projectId: row.projectId ?? (typeof args.projectId === 'string' ? args.projectId : null),
          projectPresence: call.projectPresence ?? row.method.startsWith(VIRTUAL_PREFIX),
        };
        const noticeKeys = await noticeChannelRefusal(prisma, refused, problem, options, now);
        keys?.push(...noticeKeys);
      }
    }
    if (options.limit !== undefined) return report;
  }
}

/**
 * Claims due rows and takes their lease in one statement (FOR UPDATE SKIP LOCKED in the CTE, the lease in the UPDATE),
 * returned in id order: no interactive transaction, so a busy bot cannot time a claim out between its two halves.
 */
async function claim(
  prisma: PrismaClient,
  now: Date,
  keys: readonly string[] | undefined,
  limit: number,
  leaseMs: number,
): Promise<ClaimedRow[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const rows = await prisma.$queryRawUnsafe<ClaimedRow[]>(
    `WITH c AS (
       SELECT id FROM "OutboxMessage"
        WHERE status IN ('pending', 'sending') AND "nextAttemptAt" <= $1
          ${keys ? 'AND key = ANY($4::text[])' : ''}
        ORDER BY id
        LIMIT $2
        FOR UPDATE SKIP LOCKED)
     UPDATE "OutboxMessage" o SET status = 'sending', attempts = o.attempts + 1, "nextAttemptAt" = $3
       FROM c WHERE o.id = c.id
     RETURNING o.id, o.method, o.args, o.attempts, o."projectId"`,
    now,
    limit,
    leaseUntil,
    ...(keys ? [keys] : []),
  );
  // RETURNING keeps no order; messages go out in the order they were written.
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
