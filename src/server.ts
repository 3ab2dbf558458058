import type { Logger } from '@slack/bolt';
import { buildApp } from './app.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { createServices, type Services } from './services.ts';
import { createSlackCaller, type SlackCaller } from './slack/web-api.ts';

/** A running Pilot Desk: its port, its database and a way to stop it cleanly. */
export interface RunningServer {
  port: number;
  db: Database;
  services: Services;
  stop(): Promise<void>;
}

export interface ServerOptions {
  clock?: Clock;
  logger?: Logger;
  slack?: SlackCaller;
  /** How often pending outbox rows are retried; one timer for the whole process, whatever the number of projects. */
  outboxPollMs?: number;
}

/** Opens the database, applies pending migrations, starts the Slack app and the outbox poller. */
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
  void services.flushOutbox();
  const poller = setInterval(() => void services.flushOutbox(), options.outboxPollMs ?? 30_000);
  poller.unref();
  return {
    port,
    db,
    services,
    async stop() {
      clearInterval(poller);
      await built.stop();
      await services.idle();
      await db.close();
    },
  };
}
