import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { HTTPReceiver, Logger } from '@slack/bolt';
import { remember } from '../listeners/edges.ts';

/** Slack's window: a request more than five minutes from our clock, either way, is refused. */
const WINDOW_SECONDS = 5 * 60;
/** A signature is only valid inside the window, so it need not be remembered for longer (plus clock slack). */
const SIGNATURE_MEMORY_MS = 2 * WINDOW_SECONDS * 1000;
const SIGNATURE_MEMORY_LIMIT = 100_000;
const BODY_LIMIT = 4 * 1024 * 1024;

/** What checking a request's signature said. */
export type SignatureVerdict = 'valid' | 'invalid' | 'replayed';

/**
 * Checks Slack's request signature with both sides of the five-minute window (Bolt checks only the past side) and
 * refuses a signature already seen. Seen signatures live in this process's memory: several replicas on PostgreSQL
 * each keep their own, so a replay sent to a different replica inside the window is not caught there; the
 * database's own idempotency (outbox keys, versioned projects) is the second line for that case.
 */
export function createSignatureChecker(signingSecret: string, nowMs: () => number = Date.now) {
  const seen = new Map<string, number>();
  return (headers: IncomingMessage['headers'], rawBody: Buffer): SignatureVerdict => {
    const signature = headers['x-slack-signature'];
    const timestamp = headers['x-slack-request-timestamp'];
    if (typeof signature !== 'string' || typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) {
      return 'invalid';
    }
    const now = nowMs();
    if (Math.abs(Math.floor(now / 1000) - Number(timestamp)) > WINDOW_SECONDS) return 'invalid';
    const expected = Buffer.from(
      `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(rawBody).digest('hex')}`,
    );
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    const key = `${timestamp}:${signature}`;
    const seenAt = seen.get(key);
    if (seenAt !== undefined && now - seenAt < SIGNATURE_MEMORY_MS) return 'replayed';
    remember(seen, key, now, SIGNATURE_MEMORY_MS, SIGNATURE_MEMORY_LIMIT);
    return 'valid';
  };
}

/**
 * Puts the signature check in front of an HTTP receiver's `/slack/events`: a forged, stale or future request gets 401,
 * a replayed one 200 without being run again (Slack expects 200; running it twice would apply it twice), and a body
 * that is not a JSON object 400. Everything else goes on to Bolt unchanged, with the body already read. Socket Mode
 * needs none of this: its requests come over the app's own authenticated connection.
 */
export function guardSignedRequests(
  receiver: HTTPReceiver,
  options: { signingSecret: string; endpoint: string; logger: Logger; nowMs?: () => number },
): void {
  const next = receiver.requestListener;
  const check = createSignatureChecker(options.signingSecret, options.nowMs);
  const { logger } = options;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== options.endpoint || req.method?.toUpperCase() !== 'POST') return next(req, res);
    void readRawBody(req).then(
      (rawBody) => {
        const body = rawBody.toString('utf8');
        const form = req.headers['content-type'] === 'application/x-www-form-urlencoded';
        // Slack's SSL check is unsigned by design; Bolt answers it.
        if (form && parseQuery(body).ssl_check === '1') return next(Object.assign(req, { rawBody }), res);
        const verdict = check(req.headers, rawBody);
        if (verdict === 'invalid') {
          logger.warn('refused a request to /slack/events: bad signature, or a timestamp outside the 5-minute window');
          return void res.writeHead(401).end();
        }
        if (verdict === 'replayed') {
          logger.warn('a request was sent again with a signature already seen; answered, not run again');
          return void res.writeHead(200).end();
        }
        if (!isObjectBody(body, form)) {
          logger.warn('refused a signed request whose body is not a JSON object');
          return void res.writeHead(400).end();
        }
        next(Object.assign(req, { rawBody }), res);
      },
      (error: { status?: number; message?: string }) => {
        logger.warn(`could not read a request body: ${error.message ?? 'unknown'}`);
        if (!res.headersSent) res.writeHead(error.status === 413 ? 413 : 400).end();
      },
    );
  };
}

/** Whether Bolt will parse the body into an object (it reads `body.ssl_check` first and crashes on null). */
function isObjectBody(body: string, form: boolean): boolean {
  try {
    const payload = form ? parseQuery(body).payload : undefined;
    if (form && payload === undefined) return true;
    const parsed: unknown = JSON.parse(form ? String(payload) : body);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
  } catch {
    // Bolt answers a body it cannot parse with 400 itself.
    return true;
  }
}

function readRawBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(Object.assign(new Error('request body too large'), { status: 413 }));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
