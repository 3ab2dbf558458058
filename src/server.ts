import type { Logger } from '@slack/bolt';
import { buildApp } from './app.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { createLogger } from './logging/logger.ts';
import { createMetrics, type Metrics } from './metrics/metrics.ts';
import type { SandboxReceiver } from './sandbox/receiver.ts';
import { DEFAULT_TICK_MS, runTick } from './scheduler/tick.ts';
import { createSlackMonitor, type SlackStatus, SlackTokenRejectedError } from './slack/startup-check.ts';
import { type HandlerLoad, within } from './slack/track-handlers.ts';
import { createSlackCaller, type SlackCaller } from './slack/web-api.ts';
import { createWiring, type Wiring } from './wiring/index.ts';
import { runtimeHooks } from './wiring/runtime-hooks.ts';

/** What a stop left undone when its time ran out (all zero/false after a clean stop). */
export interface StopReport {
  /** Slack requests whose handlers were still running at the deadline. */
  unfinishedHandlers: number;
  /** A scheduler tick was still running at the deadline. */
  tickUnfinished: boolean;
  /** Outbox flushes or App Home refreshes were still running at the deadline. */
  outboxUnfinished: boolean;
}

/** A running Pilot Desk: its port, its database and a way to stop it cleanly. */
export interface RunningServer {
  port: number;
  db: Database;
  services: Wiring;
  /** The Prometheus registry behind GET /metrics. */
  metrics: Metrics;
  /** What start-up and the background retries know about Slack (also in /healthz). */
  slackStatus(): SlackStatus;
  /** Acknowledged Slack requests being worked on and waiting for their turn (decision 021). */
  handlers(): HandlerLoad;
  /** Runs one scheduler pass now (on the server's clock) and resolves when it is done; the timer does the same. */
  tick(): Promise<void>;
  /**
   * Stops taking requests, lets running handlers, the outbox flushes they started and a running tick finish
   * (within config.shutdownTimeoutMs), then closes the database. Calling it again returns the same stop.
   */
  stop(): Promise<StopReport>;
}

export interface ServerOptions {
  clock?: Clock;
  /** Where logs go; by default pino's JSON lines on stdout at LOG_LEVEL. */
  logger?: Logger;
  slack?: SlackCaller;
  /** How often the scheduler ticks (digests, deadline steps, outbox); one timer for the whole process. */
  tickMs?: number;
  /** The former name of tickMs, still honoured. */
  outboxPollMs?: number;
  /** How often to ask Slack again when it was unreachable at start. */
  slackRetryMs?: number;
  /** Sandbox mode's transport (src/sandbox/start.ts builds it around its loopback server). */
  sandbox?: SandboxReceiver;
}

/**
 * Checks the bot token with Slack, opens the database (taking the embedded folder's lock), applies pending
 * migrations, starts the Slack app and the scheduler's one interval timer. Throws SlackTokenRejectedError,
 * DataDirLockedError or DatabaseUnreachableError with a message fit for the operator.
 */
export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const log = options.logger ?? createLogger({ level: config.logLevel });
  const slack = options.slack ?? createSlackCaller(config.slack.botToken, config.slack.apiUrl);
  const slackRetryMs = options.slackRetryMs ?? 30_000;
  const monitor = createSlackMonitor({ slack, retryMs: slackRetryMs, log });
  // Asked while the database opens; the answer is awaited before anything is served.
  const firstCheck = monitor.check();
  const db = await openDatabase(
    config.database.engine === 'postgres'
      ? { engine: 'postgres', url: config.database.url }
      : { engine: 'pglite', dataDir: config.database.dataDir, role: 'the bot' },
  );
  try {
    await db.migrate();
    const checked = await firstCheck;
    if (checked.status === 'rejected') throw new SlackTokenRejectedError(checked.detail ?? 'invalid_auth');
    if (checked.status === 'unreachable') {
      log.warn(
        `Slack is unreachable at ${config.slack.apiUrl} (${checked.detail}); starting anyway and asking again every ${slackRetryMs >= 1000 ? `${Math.round(slackRetryMs / 1000)} s` : `${slackRetryMs} ms`}.`,
      );
      monitor.retryInBackground();
    }
  } catch (error) {
    monitor.stop();
    await db.close();
    throw error;
  }
  const services = createWiring({
    config,
    db,
    clock,
    slack,
    onError: (e) => log.error({ component: 'outbox', err: e }, 'outbox delivery failed'),
  });
  const metrics = createMetrics(db.prisma, clock);
  const built = buildApp(config, db, services, log, monitor.status, metrics, options.sandbox);
  let port: number;
  try {
    ({ port } = await built.start());
  } catch (error) {
    monitor.stop();
    await db.close();
    throw error;
  }
  // One interval timer for the whole process, whatever the number of projects: deadlines live in the database and
  // each tick claims what is due. A tick still running when the next is due is not doubled.
  let ticking: Promise<void> | null = null;
  const tickDeps = {
    // Its own connections on PostgreSQL: a backlog of Slack requests must not starve the scheduler (decision 015).
    prisma: db.background,
    slack,
    hooks: runtimeHooks,
    langFor: (recipient: string) =>
      /^[CG]/.test(recipient) ? services.channelLang(recipient) : services.langFor(recipient),
    onError: (e: unknown) => log.error({ component: 'scheduler', err: e }, 'a deadline step failed'),
    admins: config.admins,
    leaseMs: config.claimLeaseMs,
  };
  const tick = (): Promise<void> => {
    ticking ??= runTick(tickDeps, clock.now())
      .then((report) => {
        // A tick that did something is worth a line; the idle ones every 30 seconds only at debug.
        const busy =
          report.digests + report.deadlines.processed + report.outbox.sent + report.outbox.dead > 0 ||
          report.audit !== 'notDue';
        const failed =
          report.deadlines.failed + report.outbox.retrying + report.outbox.dead > 0 ||
          report.audit === 'broken' ||
          report.audit === 'failed';
        log[failed ? 'warn' : busy ? 'info' : 'debug']({ component: 'scheduler', ...report }, 'scheduler tick');
      })
      .catch((e: unknown) => log.error({ component: 'scheduler', err: e }, 'scheduler tick failed'))
      .finally(() => {
        ticking = null;
      });
    return ticking;
  };
  void tick();
  const poller = setInterval(() => void tick(), options.tickMs ?? options.outboxPollMs ?? DEFAULT_TICK_MS);
  poller.unref();
  let stopped: Promise<StopReport> | undefined;
  const stop = async (): Promise<StopReport> => {
    const deadline = Date.now() + config.shutdownTimeoutMs;
    clearInterval(poller);
    monitor.stop();
    // Handlers and a running tick finish side by side; the outbox flushes both started come after them.
    const [{ unfinished }, tickDone] = await Promise.all([built.stop(deadline), within(deadline, ticking)]);
    const outboxDone = await within(deadline, services.idle());
    await db.close();
    return { unfinishedHandlers: unfinished, tickUnfinished: !tickDone, outboxUnfinished: !outboxDone };
  };
  return {
    port,
    db,
    services,
    metrics,
    slackStatus: monitor.status,
    handlers: built.afterAck,
    tick,
    stop() {
      stopped ??= stop();
      return stopped;
    },
  };
}
