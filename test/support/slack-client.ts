import { createHmac } from 'node:crypto';
import {
  type ActorOptions,
  type BlockActionsOptions,
  blockActionsPayload,
  type CommandOptions,
  type EventEnvelopeOptions,
  eventCallbackPayload,
  SLACK_DEFAULTS,
  slashCommandPayload,
  type ViewOptions,
  type ViewSubmissionOptions,
  viewClosedPayload,
  viewSubmissionPayload,
} from './slack-payloads.ts';

export * from './slack-payloads.ts';

/** How a request is signed: properly, not at all, with a wrong secret, or properly but 6 minutes ago. */
export type Signing = 'valid' | 'unsigned' | 'wrong' | 'stale';

/** Per-request options, mostly for negative tests. */
export interface RequestOptions {
  signing?: Signing;
  /** Extra headers, e.g. `x-slack-retry-num` to simulate Slack's redelivery. */
  headers?: Record<string, string>;
  /** Overrides the request timestamp (seconds); the signature is computed for it. */
  timestampSec?: number;
}

/** What the app answered. */
export interface SlackResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json<T = unknown>(): T;
}

/** Options for `createSlackClient`. */
export interface SlackClientOptions {
  /** The app's base URL, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  signingSecret: string;
  path?: string;
  /** Where Slack should say responses go; pass `() => fake.responseUrl()` so `respond()` lands in the fake. */
  responseUrl?: () => string;
}

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
export function slackSignature(signingSecret: string, timestampSec: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${rawBody}`).digest('hex')}`;
}

/** A Slack-side client that sends commands, interactions and events to the app as Slack does. */
export interface SlackClient {
  /** POSTs a raw body with Slack's headers; the building block of the methods below. */
  send(body: string, contentType: string, opts?: RequestOptions): Promise<SlackResponse>;
  command(cmd: CommandOptions, opts?: RequestOptions): Promise<SlackResponse>;
  interaction(payload: Record<string, unknown>, opts?: RequestOptions): Promise<SlackResponse>;
  event(event: Record<string, unknown>, envelope?: EventEnvelopeOptions, opts?: RequestOptions): Promise<SlackResponse>;
  urlVerification(challenge: string, opts?: RequestOptions): Promise<SlackResponse>;
  /** Payload builders with this client's response URL filled in. */
  blockActions(opts: BlockActionsOptions): Record<string, unknown>;
  viewSubmission(opts: ViewSubmissionOptions): Record<string, unknown>;
  viewClosed(opts: ActorOptions & ViewOptions & { isCleared?: boolean }): Record<string, unknown>;
}

/** Creates a client that signs requests with `signingSecret` and POSTs them to `baseUrl + path`. */
export function createSlackClient(options: SlackClientOptions): SlackClient {
  const target = `${options.baseUrl.replace(/\/$/, '')}${options.path ?? '/slack/events'}`;
  const responseUrl = options.responseUrl;

  const send: SlackClient['send'] = async (body, contentType, opts = {}) => {
    const signing = opts.signing ?? 'valid';
    const now = Math.floor(Date.now() / 1000);
    // Bolt rejects timestamps more than 5 minutes off; 6 minutes is comfortably stale but otherwise well signed.
    const timestampSec = opts.timestampSec ?? (signing === 'stale' ? now - 6 * 60 : now);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...opts.headers,
    };
    if (signing !== 'unsigned') {
      const secret = signing === 'wrong' ? `${options.signingSecret}-wrong` : options.signingSecret;
      headers['x-slack-request-timestamp'] = String(timestampSec);
      headers['x-slack-signature'] = slackSignature(secret, timestampSec, body);
    }
    const res = await fetch(target, { method: 'POST', headers, body });
    const text = await res.text();
    return {
      status: res.status,
      headers: Object.fromEntries(res.headers.entries()),
      text,
      json: <T>() => JSON.parse(text) as T,
    };
  };

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  return {
    send,
    command: (cmd, opts) =>
      send(
        form(slashCommandPayload({ ...cmd, responseUrl: cmd.responseUrl ?? responseUrl?.() })),
        'application/x-www-form-urlencoded',
        opts,
      ),
    interaction: (payload, opts) =>
      send(form({ payload: JSON.stringify(payload) }), 'application/x-www-form-urlencoded', opts),
    event: (event, envelope, opts) =>
      send(JSON.stringify(eventCallbackPayload(event, envelope)), 'application/json', opts),
    urlVerification: (challenge, opts) =>
      send(
        JSON.stringify({ token: SLACK_DEFAULTS.verificationToken, challenge, type: 'url_verification' }),
        'application/json',
        opts,
      ),
    blockActions: (opts) => {
      const inView = opts.viewId !== undefined || opts.view !== undefined;
      return blockActionsPayload({ ...opts, responseUrl: opts.responseUrl ?? (inView ? undefined : responseUrl?.()) });
    },
    viewSubmission: (opts) => viewSubmissionPayload(opts),
    viewClosed: (opts) => viewClosedPayload(opts),
  };
}
