import type { SlackCaller } from './web-api.ts';

/** What the process knows about Slack: not asked yet, answering, unreachable, or refusing the bot token. */
export type SlackStatus = 'unchecked' | 'ok' | 'unreachable' | 'rejected';

// Slack's answers to auth.test that mean the token itself is bad: retrying cannot help, the operator must act.
const REJECTED = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

/** Slack refused the bot token at start; the message says what to do. */
export class SlackTokenRejectedError extends Error {
  constructor(readonly slackError: string) {
    super(
      `Slack rejected SLACK_BOT_TOKEN (${slackError}); copy a current Bot User OAuth Token from the Slack app's ` +
        'OAuth & Permissions page into SLACK_BOT_TOKEN (reinstall the app if it was uninstalled) and start again.',
    );
    this.name = 'SlackTokenRejectedError';
  }
}

/** The bot token's check: once at start, then in the background while Slack cannot be reached. */
export interface SlackMonitor {
  status(): SlackStatus;
  /** Asks auth.test once; resolves with the new status and, when not ok, Slack's error or the network failure. */
  check(): Promise<{ status: SlackStatus; detail?: string }>;
  /** Checks again every `retryMs` until Slack answers (logging the outcome); stopped by stop(). */
  retryInBackground(): void;
  stop(): void;
}

/** A monitor over one Slack caller; `log` gets one line when Slack answers again or turns the token down. */
export function createSlackMonitor(deps: {
  slack: SlackCaller;
  retryMs: number;
  log: { info(...args: unknown[]): void; error(...args: unknown[]): void };
}): SlackMonitor {
  let status: SlackStatus = 'unchecked';
  let timer: NodeJS.Timeout | undefined;
  const check = async (): Promise<{ status: SlackStatus; detail?: string }> => {
    const outcome = await deps.slack('auth.test', {});
    if (outcome.kind === 'ok') {
      status = 'ok';
      return { status };
    }
    status = outcome.kind === 'permanent' && REJECTED.has(outcome.detail) ? 'rejected' : 'unreachable';
    return { status, detail: outcome.detail };
  };
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  const retryInBackground = () => {
    stop();
    timer = setTimeout(async () => {
      const result = await check();
      if (result.status === 'ok') deps.log.info('Slack answers again: the bot token is accepted.');
      else if (result.status === 'rejected') deps.log.error(new SlackTokenRejectedError(result.detail ?? '').message);
      else retryInBackground();
    }, deps.retryMs);
    // A pending retry must not keep a stopping process alive.
    timer.unref();
  };
  return { status: () => status, check, retryInBackground, stop };
}
