import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type CustomRoute, HTTPReceiver, type Logger, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { isDatabaseUnavailable } from './db/connect-errors.ts';
import { registerActions } from './listeners/actions/index.ts';
import { registerCommands } from './listeners/commands/index.ts';
import { guardDispatch } from './listeners/edges.ts';
import { registerErrorHandler } from './listeners/errors.ts';
import { registerEvents } from './listeners/events/index.ts';
import { registerViews } from './listeners/views/index.ts';
import type { Metrics } from './metrics/metrics.ts';
import { SandboxReceiver } from './sandbox/receiver.ts';
import { singleWorkspaceAuthorize } from './slack/authorize.ts';
import { guardSignedRequests } from './slack/signed-requests.ts';
import type { SlackStatus } from './slack/startup-check.ts';
import { type HandlerLoad, trackHandlers, within } from './slack/track-handlers.ts';
import type { Wiring } from './wiring/index.ts';

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
  /**
   * Stops taking requests (HTTP answers 503, Socket Mode disconnects) and waits until the handlers already running
   * finish or `deadline` (epoch ms) passes; resolves with how many were still running then.
   */
  stop(deadline?: number): Promise<{ unfinished: number }>;
  /** Acknowledged requests doing their work now, and those waiting for a turn (PILOTDESK_HANDLERS_IN_FLIGHT). */
  afterAck(): HandlerLoad;
}

/** Builds the Bolt app for the configured mode and registers every listener. Starts nothing. */
export function buildApp(
  config: Config,
  db: Database,
  services: Wiring,
  logger: Logger,
  slackStatus: () => SlackStatus = () => 'unchecked',
  metrics?: Metrics,
  sandbox?: SandboxReceiver,
): PilotDeskApp {
  const customRoutes: CustomRoute[] = [{ path: '/healthz', method: ['GET'], handler: healthz(db, slackStatus) }];
  if (metrics) customRoutes.push({ path: '/metrics', method: ['GET'], handler: metrics.handler });
  if (config.slack.mode === 'sandbox' && !sandbox) throw new Error('sandbox mode needs the sandbox receiver');
  // Listener calls retry a little; the outbox does its own retrying. Socket Mode's client would otherwise write
  // 100 retries into these options.
  const clientOptions = { slackApiUrl: config.slack.apiUrl, retryConfig: { retries: 2, factor: 2 } };
  const common = {
    logLevel: LOG_LEVEL[config.logLevel],
    logger,
  };
  if (sandbox) {
    const handler = healthz(db, slackStatus);
    sandbox.prepend(async (req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/healthz') return false;
      await handler(req, res);
      return true;
    });
  }
  const receiver =
    sandbox ??
    (config.slack.mode === 'socket'
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
        }));
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
  registerErrorHandler(app, services, app.logger, config.slack.botToken, isDatabaseUnavailable);
  // Every request gets an answer: bodies Slack would not send, unused types and out-of-date buttons included.
  guardDispatch(app, { services, logger: app.logger, botToken: config.slack.botToken });
  if (receiver instanceof HTTPReceiver) {
    guardSignedRequests(receiver, {
      signingSecret: config.slack.signingSecret!,
      endpoint: '/slack/events',
      logger: app.logger,
    });
  }
  // Tracked around the guard, so a graceful stop also waits for the answers the guard sends.
  const handlers = trackHandlers(app, logger, config.handlersInFlight, metrics);
  let stopping = false;
  let httpServer: Server | undefined;

  return {
    app,
    async start() {
      if (receiver instanceof SandboxReceiver) {
        // The sandbox bound its loopback address itself, before start-up asked its Web API for auth.test.
        httpServer = (await app.start()) as Server;
        refuseWhile(httpServer, () => stopping);
        return { port: (httpServer.address() as AddressInfo).port };
      }
      if (receiver instanceof SocketModeReceiver) {
        await app.start();
        httpServer = (receiver as unknown as { httpServer?: Server }).httpServer;
        const port = await boundPort(httpServer);
        refuseWhile(httpServer!, () => stopping);
        return { port };
      }
      httpServer = (await app.start({ port: config.port, host: '0.0.0.0' })) as Server;
      refuseWhile(httpServer, () => stopping);
      return { port: (httpServer.address() as AddressInfo).port };
    },
    async stop(deadline = Date.now() + config.shutdownTimeoutMs) {
      stopping = true;
      // Closing the listener refuses new connections; requests on open keep-alive ones get 503 (refuseWhile).
      const closed = httpServer?.listening
        ? new Promise<void>((resolve) => httpServer!.close(() => resolve()))
        : Promise.resolve();
      httpServer?.closeIdleConnections();
      // Socket Mode: disconnecting means Slack sends nothing more; Bolt's HTTP stop is the close above.
      if (receiver instanceof SocketModeReceiver) await receiver.client.disconnect();
      if (receiver instanceof SandboxReceiver) await receiver.stop();
      const unfinished = await handlers.settle(deadline);
      await within(deadline, closed);
      return { unfinished };
    },
    afterAck: handlers.load,
  };
}

/** Answers 503 to every request while `refusing()` holds, before Bolt sees it (Bolt has no hook of its own). */
function refuseWhile(server: Server, refusing: () => boolean): void {
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!refusing()) {
      for (const listener of listeners) listener.call(server, req, res);
      return;
    }
    // Slack retries a command or event that got a 5xx; the connection is closed so the retry finds another replica.
    res.writeHead(503, { 'content-type': 'application/json', connection: 'close', 'retry-after': '10' });
    res.end(JSON.stringify({ status: 'stopping' }));
  });
}

async function boundPort(server: Server | undefined): Promise<number> {
  if (!server) throw new Error('Socket Mode receiver started no HTTP server for /healthz');
  if (!server.listening) await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return (server.address() as AddressInfo).port;
}

function healthz(db: Database, slackStatus: () => SlackStatus) {
  // The status follows the database alone: Slack being unreachable is reported, but restarting would not fix it.
  return async (_req: IncomingMessage, res: ServerResponse) => {
    const ok = await db.ping();
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database: db.engine, slack: slackStatus() }));
  };
}
