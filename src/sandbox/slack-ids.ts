import { randomBytes } from 'node:crypto';

/** Workspace identity shared by the fake Slack and the Slack-side client, so IDs in payloads match `auth.test`. */
export const SLACK_DEFAULTS = {
  teamId: 'T0PILOTDSK',
  teamDomain: 'pilot-desk',
  teamName: 'Pilot Desk',
  enterpriseId: null,
  apiAppId: 'A0PILOTDSK',
  botUserId: 'U0PILOTBOT',
  botId: 'B0PILOTBOT',
  /** Slack's deprecated verification token; still sent in every payload. */
  verificationToken: 'fake-verification-token',
  userName: 'pilot.user',
} as const;

let counter = 0;

/** A trigger_id shaped like Slack's (`<digits>.<digits>.<hex>`), unique per call so pass-through can be asserted. */
export function newTriggerId(): string {
  counter += 1;
  return `${Date.now()}.${counter}.${randomBytes(16).toString('hex')}`;
}

/** A Slack timestamp string (`seconds.micros`) for action_ts/event_ts fields. */
export function slackTs(date: Date = new Date()): string {
  const ms = date.getTime();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
}

/** A response_url that looks like Slack's but points nowhere; used when no fake sink is given. */
export function placeholderResponseUrl(teamId: string = SLACK_DEFAULTS.teamId): string {
  return `https://hooks.slack.com/commands/${teamId}/${Date.now()}/${randomBytes(12).toString('hex')}`;
}

let viewCounter = 0;

/** A view ID in Slack's shape (`V` + uppercase alphanumerics). */
export function newViewId(): string {
  viewCounter += 1;
  return `V${String(viewCounter).padStart(4, '0')}${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** A view hash in Slack's shape (`<seconds>.<random>`), changing on every update. */
export function newViewHash(): string {
  return `${Math.floor(Date.now() / 1000)}.${randomBytes(6).toString('base64url')}`;
}
