import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { App, Receiver } from '@slack/bolt';
import type { ReceiverEvent } from '@slack/bolt/dist/types/receiver.js';

/** Answers one HTTP request if it is the handler's; false lets the next handler try. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/** What one delivery to the app ended in: the acknowledgement (what Slack reads from the HTTP answer) and the end. */
export interface Delivery {
  /** The value the listener passed to `ack()` (undefined for a bare ack): inline errors, response_action … */
  ack: Promise<unknown>;
  /** Settles once the listeners, the middleware and the error handler are done with the request. */
  done: Promise<void>;
}

/**
 * The sandbox's transport, beside HTTP and Socket Mode: a Bolt Receiver that hands the bodies the sandbox builds —
 * the same shapes Slack sends — to `app.processEvent`, so they go through the same guard, middleware and
 * listeners. Its HTTP side serves the sandbox's page, its Web API and /healthz on a server the sandbox bound first.
 */
export class SandboxReceiver implements Receiver {
  private app: App | undefined;
  private readonly routes: RouteHandler[];
  private readonly streams = new Set<ServerResponse>();

  /**
   * Answers requests from now on: the Web API and the page work before the app starts (start-up asks auth.test);
   * deliveries need the App, which calls `init`.
   */
  constructor(
    private readonly server: Server,
    routes: RouteHandler[],
  ) {
    this.routes = [...routes];
    this.server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.route(req, res));
  }

  /** Adds a route ahead of the others (the app's /healthz). */
  prepend(route: RouteHandler): void {
    this.routes.unshift(route);
  }

  /** Keeps a long-lived answer (a server-sent event stream) to end when the receiver stops. */
  holdOpen(res: ServerResponse): void {
    this.streams.add(res);
    res.on('close', () => this.streams.delete(res));
  }

  /** Called by Bolt's App constructor. */
  init(app: App): void {
    this.app = app;
  }

  /** The server already answers (see the constructor); resolves with it, as HTTPReceiver's start does. */
  async start(): Promise<Server> {
    return this.server;
  }

  /** Ends the event streams, so closing the server is not held open by pages still watching. */
  async stop(): Promise<void> {
    for (const res of this.streams) res.end();
    this.streams.clear();
  }

  /**
   * Sends one body into the app as Slack would (a slash command's fields, an interaction payload, an event
   * envelope). `retryNum` is Slack's X-Slack-Retry-Num for a redelivered event.
   */
  deliver(body: Record<string, unknown>, retryNum?: number): Delivery {
    const app = this.app;
    if (!app) throw new Error('the sandbox receiver was not given to an App');
    let acked: (value: unknown) => void = () => {};
    const ack = new Promise<unknown>((resolve) => {
      acked = resolve;
    });
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        acked(response);
      },
      ...(retryNum !== undefined ? { retryNum, retryReason: 'timeout' } : {}),
      customProperties: {},
    };
    const done = app.processEvent(event).then(
      () => undefined,
      () => undefined,
    );
    // The guard acknowledges every request; should a listener never do so, the end of the work stands for it.
    void done.then(() => acked(undefined));
    return { ack, done };
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      for (const handler of this.routes) if (await handler(req, res)) return;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    } catch (error) {
      this.app?.logger.error('sandbox request failed:', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('sandbox error');
    }
  }
}
