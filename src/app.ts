import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type CustomRoute, HTTPReceiver, type Logger, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { registerActions } from './listeners/actions/index.ts';
import { registerCommands } from './listeners/commands/index.ts';
import { guardDispatch } from './listeners/edges.ts';
import { registerErrorHandler } from './listeners/errors.ts';
import { registerEvents } from './listeners/events/index.ts';
import { registerViews } from './listeners/views/index.ts';
import type { Services } from './services.ts';
import { singleWorkspaceAuthorize } from './slack/authorize.ts';
import { guardSignedRequests } from './slack/signed-requests.ts';

const LOG_LEVEL: Record<Config['logLevel'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/** A built Slack app, ready to start on the configured transport. */
export interface PilotDeskApp {
  app: App;
  /** Starts listening; resolves with the HTTP port actually bound (PORT=0 picks a free one). */
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/** Builds the Bolt app for the configured mode and registers every listener. Starts nothing. */
export function buildApp(config: Config, db: Database, services: Services, logger?: Logger): PilotDeskApp {
  const customRoutes: CustomRoute[] = [{ path: '/healthz', method: ['GET'], handler: healthz(db) }];
  // Listener calls retry a little; the outbox does its own retrying. Socket Mode's client would otherwise write
  // 100 retries into these options.
  const clientOptions = { slackApiUrl: config.slack.apiUrl, retryConfig: { retries: 2, factor: 2 } };
  const common = {
    logLevel: LOG_LEVEL[config.logLevel],
    ...(logger ? { logger } : {}),
  };
  const receiver =
    config.slack.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.slack.appToken!,
          customRoutes,
          // The Socket Mode client opens its connection through the Web API, so it needs the API URL too.
          installerOptions: { port: config.port, clientOptions },
          ...common,
        })
      : new HTTPReceiver({
          signingSecret: config.slack.signingSecret!,
          endpoints: '/slack/events',
          customRoutes,
          ...common,
        });
  const app = new App({
    authorize: singleWorkspaceAuthorize(config.slack.botToken, clientOptions),
    receiver,
    extendedErrorHandler: true,
    clientOptions,
    ...common,
  });
  registerCommands(app, services);
  registerActions(app, services);
  registerEvents(app, services);
  registerViews(app, services);
  registerErrorHandler(app, services, app.logger, config.slack.botToken);
  // Every request gets an answer: bodies Slack would not send, unused types and out-of-date buttons included.
  guardDispatch(app, { services, logger: app.logger, botToken: config.slack.botToken });
  if (receiver instanceof HTTPReceiver) {
    guardSignedRequests(receiver, {
      signingSecret: config.slack.signingSecret!,
      endpoint: '/slack/events',
      logger: app.logger,
    });
  }

  return {
    app,
    async start() {
      if (receiver instanceof SocketModeReceiver) {
        await app.start();
        const server = (receiver as unknown as { httpServer?: Server }).httpServer;
        return { port: await boundPort(server) };
      }
      const server = (await app.start({ port: config.port, host: '0.0.0.0' })) as Server;
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      await app.stop();
      if (receiver instanceof SocketModeReceiver) {
        const server = (receiver as unknown as { httpServer?: Server }).httpServer;
        if (server?.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

async function boundPort(server: Server | undefined): Promise<number> {
  if (!server) throw new Error('Socket Mode receiver started no HTTP server for /healthz');
  if (!server.listening) await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return (server.address() as AddressInfo).port;
}

function healthz(db: Database) {
  return async (_req: IncomingMessage, res: ServerResponse) => {
    const ok = await db.ping();
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database: db.engine }));
  };
}
