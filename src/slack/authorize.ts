import type { Authorize } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';

/**
 * Bolt's authorization for a single workspace. Bolt's own calls `auth.test` once at construction and keeps the
 * promise: when Slack is unreachable at that moment the rejection is unhandled (the process dies) and every later
 * request fails. This one asks on first use, remembers only a success, and asks again after a failure.
 */
export function singleWorkspaceAuthorize(botToken: string, clientOptions: WebClientOptions): Authorize<boolean> {
  const client = new WebClient(botToken, clientOptions);
  let identity: Promise<{ botUserId: string; botId: string }> | undefined;
  return async () => {
    identity ??= client.auth
      .test()
      .then((r) => ({ botUserId: String(r.user_id ?? ''), botId: String(r.bot_id ?? '') }))
      .catch((error: unknown) => {
        identity = undefined;
        throw error;
      });
    return { botToken, ...(await identity) };
  };
}
