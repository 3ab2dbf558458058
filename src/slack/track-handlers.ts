import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { App, Logger, ReceiverEvent } from '@slack/bolt';
import pLimit from 'p-limit';
import { type RequestContext, withRequest } from '../logging/logger.ts';
import type { Metrics, RequestKind } from '../metrics/metrics.ts';

/** How many acknowledged requests are being worked on, and how many wait for their turn. */
export interface HandlerLoad {
  running: number;
  waiting: number;
}

/** True when `promise` (if any) settled before `deadline` (epoch ms), false when the deadline came first. */
export async function within(deadline: number, promise: Promise<unknown> | null): Promise<boolean> {
  if (!promise) return true;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** What a request is, for its log line and its metrics: its kind, whose it is and which listener it is for. */
function describe(body: Record<string, unknown>): { kind: RequestKind; user?: string; id?: string } {
  const b = body as {
    type?: string;
    command?: string;
    user_id?: string;
    user?: { id?: string };
    actions?: { action_id?: string }[];
    view?: { callback_id?: string };
    callback_id?: string;
    event?: { type?: string; user?: string | { id?: string } };
  };
  if (b.command) return { kind: 'command', user: b.user_id, id: b.command };
  if (b.type === 'block_actions') return { kind: 'action', user: b.user?.id, id: b.actions?.[0]?.action_id };
  if (b.type === 'view_submission' || b.type === 'view_closed')
    return { kind: 'view', user: b.user?.id, id: b.view?.callback_id };
  if (b.type === 'event_callback') {
    const u = b.event?.user;
    return { kind: 'event', user: typeof u === 'string' ? u : u?.id, id: b.event?.type };
  }
  return { kind: 'other', user: b.user?.id, id: b.callback_id ?? b.type };
}

/**
 * Bolt acknowledges a request before its handler finishes, so a stop must wait for the handlers themselves: every
 * event Bolt processes (listeners, middleware, the error handler) is one promise in this set until it settles.
 * The same wrapper writes each request's one log line (id, user, what it was, ack and total milliseconds, outcome)
 * and feeds the ack histogram and the error counter.
 *
 * It also bounds the work after the ack (decision 021): the acknowledgement goes out at once, but the listener's
 * `await ack()` returns only when one of `inFlight` slots is free, in arrival order, and the slot is held until the
 * request is done. A burst then queues here, costing nothing, instead of interleaving hundreds of handlers on the
 * event loop ahead of the next request's ack. The queued ones are in `running`, so a stop drains them too.
 */
export function trackHandlers(
  app: App,
  logger: Logger,
  inFlight: number,
  metrics?: Metrics,
): { settle(deadline: number): Promise<number>; load(): HandlerLoad } {
  const running = new Set<Promise<void>>();
  const limit = pLimit(inFlight);
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event) => {
    const started = performance.now();
    const what = describe((event.body ?? {}) as Record<string, unknown>);
    const context: RequestContext = { requestId: randomUUID().slice(0, 12) };
    let ackMs: number | undefined;
    const ack = event.ack;
    let finished: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      finished = resolve;
    });
    // The turn is taken once, at the first ack, and given back when the whole request has settled.
    let turn: Promise<void> | undefined;
    const takeTurn = () => {
      turn ??= new Promise<void>((resolve) => {
        void limit(() => {
          resolve();
          return done;
        });
      });
      return turn;
    };
    const timed: ReceiverEvent = {
      ...event,
      ack: async (response) => {
        ackMs ??= performance.now() - started;
        metrics?.ackSeconds.observe({ kind: what.kind }, ackMs / 1000);
        try {
          return await ack(response);
        } finally {
          await takeTurn();
        }
      },
    };
    const run = withRequest(context, () => processEvent(timed));
    run.then(finished, finished);
    const logged = () => {
      const outcome = context.outcome ?? 'ok';
      if (context.outcome) metrics?.handlerErrors.inc({ kind: what.kind, outcome });
      logger.info(
        {
          requestId: context.requestId,
          user: what.user,
          kind: what.kind,
          id: what.id,
          ackMs: ackMs === undefined ? null : Math.round(ackMs),
          totalMs: Math.round(performance.now() - started),
          outcome,
          ...(context.incident ? { incident: context.incident } : {}),
          ...(event.retryNum ? { retryNum: event.retryNum } : {}),
        },
        'slack request',
      );
    };
    run.then(logged, logged);
    running.add(run);
    const forget = () => running.delete(run);
    run.then(forget, forget);
    return run;
  };
  return {
    async settle(deadline) {
      while (running.size > 0) if (!(await within(deadline, Promise.allSettled([...running])))) break;
      return running.size;
    },
    load: () => ({ running: limit.activeCount, waiting: limit.pendingCount }),
  };
}
