import { ErrorCode, WebClient } from '@slack/web-api';

/** What a Slack Web API call ended in, classified for the outbox's retry decisions. */
export type SlackCallOutcome =
  | { kind: 'ok'; result: Record<string, unknown> }
  | { kind: 'rateLimited'; retryAfterSeconds: number; detail: string }
  | { kind: 'transient'; detail: string }
  | { kind: 'permanent'; detail: string };

/** Calls one Slack Web API method; never throws, so callers decide what a failure means. */
export type SlackCaller = (method: string, args: Record<string, unknown>) => Promise<SlackCallOutcome>;

/**
 * A caller over Slack's WebClient with its own retries turned off: the outbox owns retrying, so a message is
 * neither retried twice over nor held in memory across a restart.
 */
export function createSlackCaller(token: string, apiUrl: string): SlackCaller {
  const client = new WebClient(token, {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
  });
  return async (method, args) => {
    try {
      const result = await client.apiCall(method, args);
      return { kind: 'ok', result: result as unknown as Record<string, unknown> };
    } catch (error) {
      return classify(error);
    }
  };
}

function classify(error: unknown): SlackCallOutcome {
  const e = error as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string } };
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return { kind: 'rateLimited', retryAfterSeconds: e.retryAfter ?? 30, detail: 'ratelimited' };
    case ErrorCode.HTTPError:
      return (e.statusCode ?? 500) >= 500
        ? { kind: 'transient', detail: `http ${e.statusCode}` }
        : { kind: 'permanent', detail: `http ${e.statusCode}` };
    case ErrorCode.PlatformError:
      // Slack said no (channel_not_found, not_in_channel, invalid_blocks…): repeating the call cannot help.
      return { kind: 'permanent', detail: e.data?.error ?? 'platform error' };
    default:
      return { kind: 'transient', detail: error instanceof Error ? error.message : String(error) };
  }
}
