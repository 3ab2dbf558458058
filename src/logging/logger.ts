import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';
import { type Logger, LogLevel } from '@slack/bolt';
import pino, { type DestinationStream } from 'pino';

/** What is known about the Slack request being handled, for every log line written while handling it. */
export interface RequestContext {
  requestId: string;
  /** Set by the error handler: how the request ended when it did not end well. */
  outcome?: 'refused' | 'incident' | 'databaseUnavailable';
  /** The incident reference a user was given, so the request's log line points at the incident's. */
  incident?: string;
}

const requests = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with `context` as the current request (log lines written inside carry its id). */
export function withRequest<T>(context: RequestContext, fn: () => T): T {
  return requests.run(context, fn);
}

/** The request being handled on this async path, if any. */
export function currentRequest(): RequestContext | undefined {
  return requests.getStore();
}

const LEVELS = new Set<string>([LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR]);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !(v instanceof Error) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Pino's JSON lines behind Bolt's Logger interface, so Bolt, its receivers and our own code write the same
 * records. Callers may pass fields first (`log.info({ requestId }, 'handled')`) or Bolt's free-form arguments; an
 * Error among them goes to the `err` field with its stack, never into the message.
 */
export function createLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger & { child(bindings: Record<string, unknown>): Logger } {
  const root = pino(
    {
      level: options.level ?? 'info',
      base: { name: 'pilotdesk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Every line written while a request is handled names it, so one grep finds all of a request's lines.
      mixin: () => {
        const request = requests.getStore();
        return request ? { requestId: request.requestId } : {};
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
  return wrap(root);
}

function wrap(p: pino.Logger): Logger & { child(bindings: Record<string, unknown>): Logger } {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      if (!p.isLevelEnabled(level)) return;
      const fields = isPlainObject(args[0]) ? { ...(args.shift() as Record<string, unknown>) } : {};
      const error = args.find((a): a is Error => a instanceof Error);
      const rest = args.filter((a) => a !== error);
      const msg = [format(...rest), error?.message].filter(Boolean).join(' ');
      p[level]({ ...fields, ...(error ? { err: error } : {}) }, msg);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel(level: LogLevel) {
      if (LEVELS.has(level)) p.level = level;
    },
    getLevel: () => p.level as LogLevel,
    // Bolt and the Slack clients rename the one logger they are given each time they make a client; a name that
    // changes under every line would mislead, so lines keep "pilotdesk" and our own parts say `component`.
    setName: () => {},
    child: (bindings) => wrap(p.child(bindings)),
  };
}
