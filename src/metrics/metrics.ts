import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Clock } from '../clock.ts';
import type { PrismaClient } from '../db/client.ts';

/** The kinds of Slack request the ack histogram and the error counter are labelled with. */
export type RequestKind = 'command' | 'action' | 'view' | 'event' | 'other';

/** One registry per running server (tests start several in one process), with the instruments the app feeds. */
export interface Metrics {
  registry: Registry;
  /** Seconds from a request's arrival to its ack. */
  ackSeconds: Histogram<'kind'>;
  /** Requests that ended in an incident, a refusal or an unavailable database, by kind and outcome. */
  handlerErrors: Counter<'kind' | 'outcome'>;
  /** The `/metrics` route handler, in Prometheus' text format. */
  handler(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** A gauge set from one query when Prometheus scrapes; a failing query leaves it out. */
function scraped(registry: Registry, name: string, help: string, query: () => Promise<number>): Gauge {
  return new Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      try {
        this.set(await query());
      } catch {
        // No number is better than a stale one; pilotdesk_database_up says why it is missing.
        this.reset();
      }
    },
  });
}

const one = async (prisma: PrismaClient, sql: string, ...params: unknown[]): Promise<number> => {
  const rows = await prisma.$queryRawUnsafe<{ v: number | bigint | string | null }[]>(sql, ...params);
  return Number(rows[0]?.v ?? 0);
};

/**
 * Creates the registry: request instruments fed by the app, process metrics, and gauges over the database read at
 * scrape time (so no area of the code has to keep them up to date, and every replica reports the shared truth).
 */
export function createMetrics(prisma: PrismaClient, clock: Clock): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const ackSeconds = new Histogram({
    name: 'pilotdesk_ack_seconds',
    help: 'Seconds from a Slack request reaching the app to its acknowledgement (Slack allows 3).',
    labelNames: ['kind'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registers: [registry],
  });
  const handlerErrors = new Counter({
    name: 'pilotdesk_handler_errors_total',
    help: 'Slack requests that ended in an error: refused (a plain answer), incident (a bug) or databaseUnavailable.',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  new Gauge({
    name: 'pilotdesk_database_up',
    help: '1 when the database answered at scrape time, 0 when it did not (the gauges below are then missing).',
    registers: [registry],
    async collect() {
      this.set(
        await prisma.$queryRawUnsafe('SELECT 1').then(
          () => 1,
          () => 0,
        ),
      );
    },
  });
  const now = () => clock.now();
  scraped(registry, 'pilotdesk_outbox_depth', 'Outbox messages waiting to be sent (pending or being sent).', () =>
    one(prisma, `SELECT count(*)::int AS v FROM "OutboxMessage" WHERE status IN ('pending', 'sending')`),
  );
  scraped(
    registry,
    'pilotdesk_outbox_oldest_due_age_seconds',
    'How long the oldest outbox message that is due has waited past its send time (0 when none is due).',
    () =>
      one(
        prisma,
        `SELECT COALESCE(EXTRACT(EPOCH FROM ($1::timestamptz - min("nextAttemptAt"))), 0)::float8 AS v
           FROM "OutboxMessage" WHERE status IN ('pending', 'sending') AND "nextAttemptAt" <= $1`,
        now(),
      ),
  );
  scraped(
    registry,
    'pilotdesk_outbox_dead',
    'Outbox messages Slack refused for good or after every retry; an admin retries them (/pilot admin outbox).',
    () => one(prisma, `SELECT count(*)::int AS v FROM "OutboxMessage" WHERE status = 'dead'`),
  );
  scraped(
    registry,
    'pilotdesk_scheduler_lag_seconds',
    'Now minus the oldest deadline step that is due and not yet taken by a scheduler (0 when none waits).',
    () =>
      one(
        prisma,
        `SELECT COALESCE(EXTRACT(EPOCH FROM ($1::timestamptz - min("nextStepAt"))), 0)::float8 AS v
           FROM "Deadline" WHERE status IN ('open', 'missed') AND "nextStep" IS NOT NULL AND "nextStepAt" <= $1
            AND ("snoozedUntil" IS NULL OR "snoozedUntil" <= $1)`,
        now(),
      ),
  );
  scraped(registry, 'pilotdesk_deadlines_open', 'Deadlines still open.', () =>
    one(prisma, `SELECT count(*)::int AS v FROM "Deadline" WHERE status = 'open'`),
  );
  scraped(registry, 'pilotdesk_deadlines_missed', 'Deadlines that passed without the fact being recorded.', () =>
    one(prisma, `SELECT count(*)::int AS v FROM "Deadline" WHERE status = 'missed'`),
  );
  return {
    registry,
    ackSeconds,
    handlerErrors,
    async handler(_req, res) {
      const body = await registry.metrics();
      res.writeHead(200, { 'content-type': registry.contentType });
      res.end(body);
    },
  };
}
