import type { Logger } from '@slack/bolt';
import { buildApp } from './app.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { runTick } from './scheduler/tick.ts';
import { createServices, type Services } from './services.ts';
import { createSlackCaller, type SlackCaller } from './slack/web-api.ts';

/** A running Pilot Desk: its port, its database and a way to stop it cleanly. */
export interface RunningServer {
  port: number;
  db: Database;
  services: Services;
  /** Runs one scheduler pass now (on the server's clock) and resolves when it is done; the timer does the same. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  clock?: Clock;
  logger?: Logger;
  slack?: SlackCaller;
  /** How often the scheduler ticks (digests, deadline steps, outbox); one timer for the whole process. */
  tickMs?: number;
  /** The former name of tickMs, still honoured. */
  outboxPollMs?: number;
}

/** Opens the database, applies pending migrations, starts the Slack app and the scheduler's one interval timer. */
export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const db = await openDatabase(
    config.database.engine === 'postgres'
      ? { engine: 'postgres', url: config.database.url }
      : { engine: 'pglite', dataDir: config.database.dataDir },
  );
  try {
    await db.migrate();
  } catch (error) {
    await db.close();
    throw error;
  }
  const log = options.logger ?? console;
  const slack = options.slack ?? createSlackCaller(config.slack.botToken, config.slack.apiUrl);
  const services = createServices({ config, db, clock, slack, onError: (e) => log.error('outbox:', e) });
  const built = buildApp(config, db, services, options.logger);
  const { port } = await built.start();
  // One interval timer for the whole process, whatever the number of projects: deadlines live in the database and
  // each tick claims what is due. A tick still running when the next is due is not doubled.
  let ticking: Promise<void> | null = null;
  const tickDeps = {
    prisma: db.prisma,
    slack,
    langFor: (recipient: string) =>
      /^[CG]/.test(recipient) ? services.channelLang(recipient) : services.langFor(recipient),
    onError: (e: unknown) => log.error('scheduler:', e),
    admins: config.admins,
  };
  const tick = (): Promise<void> => {
    ticking ??= runTick(tickDeps, clock.now())
      .then(() => undefined)
      .catch((e: unknown) => log.error('scheduler:', e))
      .finally(() => {
        ticking = null;
      });
    return ticking;
  };
  void tick();
  const poller = setInterval(() => void tick(), options.tickMs ?? options.outboxPollMs ?? 30_000);
  poller.unref();
  return {
    port,
    db,
    services,
    tick,
    async stop() {
      clearInterval(poller);
      await ticking;
      await built.stop();
      await services.idle();
      await db.close();
    },
  };
}
