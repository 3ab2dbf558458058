import { LogLevel, SocketModeClient } from '@slack/socket-mode';
import { ErrorCode, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type FakeSlack, startFakeSlack, WaitTimeoutError } from './fake-slack.ts';
import { blockActionsPayload, SLACK_DEFAULTS } from './slack-payloads.ts';

let fake: FakeSlack;
let web: WebClient;

beforeAll(async () => {
  fake = await startFakeSlack({ defaultTimeoutMs: 2_000 });
  web = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
  // The channel most tests post to, with the bot invited as in a real workspace.
  fake.inviteBot('C1');
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

/** The Slack error code of a rejected WebClient call, or the thrown value when it is not a platform error. */
async function slackError(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: string; data?: { error?: string } };
    return e.code === ErrorCode.PlatformError ? e.data?.error : e.code;
  }
  throw new Error('expected the call to fail');
}

describe('response URLs held by a slow network', () => {
  it('holds POSTs unanswered until released, then records them', async () => {
    const url = fake.responseUrl();
    const release = fake.holdResponses();
    const posted = fetch(url, { method: 'POST', body: JSON.stringify({ text: 'late' }) });
    await fake.waitForHeldResponse();
    expect(fake.heldResponses).toBe(1);
    expect(fake.responses).toHaveLength(0);
    release();
    expect((await posted).status).toBe(200);
    expect(fake.heldResponses).toBe(0);
    expect(fake.responses.map((r) => r.body.text)).toEqual(['late']);
  });
});

describe('Web API', () => {
  it('serves under /api/ and answers auth.test with the workspace identity', async () => {
    expect(fake.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    const res = await web.auth.test();
    expect(res).toMatchObject({
      ok: true,
      team_id: SLACK_DEFAULTS.teamId,
      user_id: SLACK_DEFAULTS.botUserId,
      bot_id: SLACK_DEFAULTS.botId,
    });
    expect(fake.lastCall('auth.test')?.token).toBe('xoxb-test');
  });

  it('a revoked token is refused on every method, as Slack does, while other tokens still work; reset() forgets it', async () => {
    fake.revokeToken('xoxb-test');
    expect(await slackError(web.auth.test())).toBe('token_revoked');
    expect(await slackError(web.chat.postMessage({ channel: 'C1', text: 'hi' }))).toBe('token_revoked');
    const other = new WebClient('xoxb-other', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    expect((await other.auth.test()).ok).toBe(true);
    fake.revokeToken('xoxb-other', 'account_inactive');
    expect(await slackError(other.auth.test())).toBe('account_inactive');
    fake.reset();
    expect((await web.auth.test()).ok).toBe(true);
  });

  it('records chat.postMessage with blocks decoded to objects and hands out increasing unique ts', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }];
    const first = await web.chat.postMessage({ channel: 'C1', text: 'hi', blocks });
    const second = await web.chat.postMessage({ channel: 'C1', text: 'again' });
    const call = fake.callsTo('chat.postMessage')[0];
    expect(call?.args).toEqual({ channel: 'C1', text: 'hi', blocks });
    expect(call?.token).toBe('xoxb-test');
    expect(first.channel).toBe('C1');
    expect(first.message).toMatchObject({ text: 'hi', blocks, user: SLACK_DEFAULTS.botUserId });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(fake.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.postMessage']);
  });

  it('accepts JSON bodies and a token passed as an argument', async () => {
    const res = await fetch(`${fake.apiUrl}chat.postEphemeral`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: 'Bearer xoxb-json' },
      body: JSON.stringify({ channel: 'C1', user: 'U1', text: 'psst', blocks: [{ type: 'divider' }] }),
    });
    expect(await res.json()).toMatchObject({ ok: true, message_ts: expect.stringMatching(/^\d+\.\d{6}$/) });
    expect(fake.lastCall('chat.postEphemeral')).toMatchObject({
      token: 'xoxb-json',
      args: { channel: 'C1', user: 'U1', text: 'psst', blocks: [{ type: 'divider' }] },
    });
    await new WebClient(undefined, { slackApiUrl: fake.apiUrl }).chat.update({
      token: 'xoxb-arg',
      channel: 'C1',
      ts: '1.000001',
      text: 'edited',
    });
    const update = fake.lastCall('chat.update');
    expect(update?.token).toBe('xoxb-arg');
    expect(update?.args).not.toHaveProperty('token');
  });

  it('answers chat.update, chat.getPermalink and conversations.open like Slack', async () => {
    const updated = await web.chat.update({ channel: 'C1', ts: '1700000000.000100', text: 'new' });
    expect(updated).toMatchObject({ ok: true, channel: 'C1', ts: '1700000000.000100' });
    const link = await web.chat.getPermalink({ channel: 'C1', message_ts: '1700000000.000100' });
    expect(link.permalink).toMatch(/\/archives\/C1\/p1700000000000100$/);
    const dm1 = await web.conversations.open({ users: 'U1' });
    const dm2 = await web.conversations.open({ users: 'U1' });
    const other = await web.conversations.open({ users: 'U2' });
    expect(dm1.channel?.id).toMatch(/^D/);
    expect(dm2.channel?.id).toBe(dm1.channel?.id);
    expect(other.channel?.id).not.toBe(dm1.channel?.id);
  });

  it('posts only where the bot was invited: not_in_channel before, channel_not_found for no such channel', async () => {
    fake.createChannel('C0NOTYET01', { name: 'not-yet' });
    for (const call of [
      web.chat.postMessage({ channel: 'C0NOTYET01', text: 'x' }),
      web.chat.update({ channel: 'C0NOTYET01', ts: '1700000000.000100', text: 'x' }),
      web.chat.postEphemeral({ channel: 'C0NOTYET01', user: 'U1', text: 'x' }),
    ]) {
      expect(await slackError(call)).toBe('not_in_channel');
    }
    expect(await slackError(web.chat.postMessage({ channel: 'C0NOSUCH01', text: 'x' }))).toBe('channel_not_found');
    expect(fake.botCanPost('C0NOTYET01')).toBe(false);
    fake.inviteBot('C0NOTYET01');
    expect((await web.chat.postMessage({ channel: 'C0NOTYET01', text: 'x' })).ok).toBe(true);
    fake.reset();
    expect(fake.botCanPost('C0NOTYET01')).toBe(true);
    fake.removeBot('C0NOTYET01');
    expect(await slackError(web.chat.postMessage({ channel: 'C0NOTYET01', text: 'x' }))).toBe('not_in_channel');
    // DMs need no invitation: to a user id, or to a D… conversation.
    expect((await web.chat.postMessage({ channel: 'U0SOMEONE1', text: 'x' })).ok).toBe(true);
    expect((await web.chat.postMessage({ channel: 'D0SOMEDM01', text: 'x' })).ok).toBe(true);
  });

  it('rejects what Slack rejects: missing token, wrong token type, missing channel, unknown method', async () => {
    expect(await slackError(new WebClient(undefined, { slackApiUrl: fake.apiUrl }).auth.test())).toBe('not_authed');
    const appLevel = new WebClient('xapp-1-test', { slackApiUrl: fake.apiUrl });
    expect(await slackError(appLevel.chat.postMessage({ channel: 'C1', text: 'x' }))).toBe('not_allowed_token_type');
    expect(await slackError(web.apps.connections.open())).toBe('not_allowed_token_type');
    expect(await slackError(web.chat.postMessage({ channel: '', text: 'x' }))).toBe('channel_not_found');
    expect(await slackError(web.apiCall('pins.add', { channel: 'C1' }))).toBe('unknown_method');
    expect(fake.lastCall('pins.add')?.response).toEqual({ ok: false, error: 'unknown_method' });
  });

  it('opens, updates, pushes and publishes views with V ids and fresh hashes, and detects hash conflicts', async () => {
    const view = {
      type: 'modal' as const,
      callback_id: 'intake',
      title: { type: 'plain_text' as const, text: 'New' },
      blocks: [],
    };
    const opened = await web.views.open({ trigger_id: '1.2.abc', view });
    expect(opened.view).toMatchObject({
      id: expect.stringMatching(/^V/),
      callback_id: 'intake',
      hash: expect.any(String),
    });
    expect(fake.lastCall('views.open')?.args.view).toEqual(view);
    const id = opened.view?.id as string;
    const updated = await web.views.update({ view_id: id, hash: opened.view?.hash, view });
    expect(updated.view?.id).toBe(id);
    expect(updated.view?.hash).not.toBe(opened.view?.hash);
    expect(await slackError(web.views.update({ view_id: id, hash: opened.view?.hash, view }))).toBe('hash_conflict');
    expect(await slackError(web.views.open({ trigger_id: '', view }))).toBe('invalid_trigger_id');
    const pushed = await web.views.push({ trigger_id: '1.2.def', view });
    expect(pushed.view?.id).not.toBe(id);
    const home = await web.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } });
    expect(home.view).toMatchObject({ type: 'home', id: expect.stringMatching(/^V/) });
  });

  it('answers users.info with Asia/Shanghai and zh-CN by default and per-user settings from setUser', async () => {
    const byDefault = await web.users.info({ user: 'U1', include_locale: true });
    expect(byDefault.user).toMatchObject({
      id: 'U1',
      tz: 'Asia/Shanghai',
      tz_offset: 28_800,
      locale: 'zh-CN',
      is_admin: false,
    });
    const withoutLocale = await web.users.info({ user: 'U1' });
    expect(withoutLocale.user).not.toHaveProperty('locale');
    fake.setUser('U2', { tz: 'Europe/London', locale: 'en-GB', name: 'alice', is_admin: true });
    const configured = await web.users.info({ user: 'U2', include_locale: true });
    expect(configured.user).toMatchObject({ tz: 'Europe/London', locale: 'en-GB', name: 'alice', is_admin: true });
  });
});

describe('waiting for calls', () => {
  it('resolves when a matching call arrives later and skips calls that do not match', async () => {
    const waiting = fake.waitForCall('chat.postMessage', (c) => c.args.text === 'second');
    await web.chat.postMessage({ channel: 'C1', text: 'first' });
    await web.chat.postMessage({ channel: 'C1', text: 'second' });
    expect((await waiting).args.text).toBe('second');
  });

  it('resolves at once for a call already recorded', async () => {
    await web.chat.postMessage({ channel: 'C1', text: 'earlier' });
    expect((await fake.waitForCall('chat.postMessage')).args.text).toBe('earlier');
  });

  it('rejects on timeout, naming the calls that did arrive', async () => {
    await web.auth.test();
    const err = await fake.waitForCall('views.open', undefined, 30).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect(String(err)).toContain('auth.test');
  });

  it('reset() forgets calls, responses, users and failures', async () => {
    await web.auth.test();
    fake.failMethod('auth.test', { error: 'invalid_auth' });
    fake.setUser('U1', { tz: 'UTC' });
    fake.reset();
    expect(fake.calls).toEqual([]);
    await expect(web.auth.test()).resolves.toMatchObject({ ok: true });
    expect((await web.users.info({ user: 'U1' })).user?.tz).toBe('Asia/Shanghai');
  });
});

describe('failure injection', () => {
  it('fails a method with a Slack error for the given number of times', async () => {
    fake.failMethod('chat.postMessage', { error: 'channel_not_found', times: 1 });
    expect(await slackError(web.chat.postMessage({ channel: 'C1', text: 'x' }))).toBe('channel_not_found');
    await expect(web.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([200, 200]);
  });

  it('keeps failing until clearFailures() when no count is given', async () => {
    fake.failMethod('views.open', { error: 'expired_trigger_id' });
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'x' }, blocks: [] };
    expect(await slackError(web.views.open({ trigger_id: 't', view }))).toBe('expired_trigger_id');
    expect(await slackError(web.views.open({ trigger_id: 't', view }))).toBe('expired_trigger_id');
    fake.clearFailures();
    await expect(web.views.open({ trigger_id: 't', view })).resolves.toMatchObject({ ok: true });
  });

  it('returns HTTP 500, which the WebClient reports as an HTTP error and retries when allowed', async () => {
    fake.failMethod('chat.postMessage', { status: 500 });
    expect(await slackError(web.chat.postMessage({ channel: 'C1', text: 'x' }))).toBe(ErrorCode.HTTPError);
    fake.failMethod('chat.postMessage', { status: 500, times: 1 });
    const retrying = new WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
      logLevel: LogLevel.ERROR,
    });
    await expect(retrying.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([500, 500, 200]);
  });

  it('returns 429 with Retry-After, which the WebClient waits out before retrying', async () => {
    fake.failMethod('chat.postMessage', { status: 429, retryAfter: 1, times: 1 });
    const retrying = new WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
      logLevel: LogLevel.ERROR,
    });
    await expect(retrying.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
    const [limited, retried] = fake.callsTo('chat.postMessage');
    expect(limited?.status).toBe(429);
    expect(retried?.status).toBe(200);
    // The gap is the client honouring Retry-After: 1; the fake itself answers immediately.
    expect(retried!.at.getTime() - limited!.at.getTime()).toBeGreaterThanOrEqual(950);
  });

  it('reports the Retry-After seconds to clients that reject rate-limited calls', async () => {
    fake.failMethod('chat.postMessage', { status: 429, retryAfter: 7 });
    const strict = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, rejectRateLimitedCalls: true });
    const err = await strict.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
  });
});

describe('response_url sink', () => {
  it('records JSON POSTs to a handed-out URL and lets tests wait for them', async () => {
    const url = fake.responseUrl();
    expect(url).toMatch(new RegExp(`^${fake.url}/response/[0-9a-f]+$`));
    const waiting = fake.waitForResponse((r) => r.body.text === 'done');
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'done', response_type: 'ephemeral' }),
    });
    expect(res.status).toBe(200);
    const recorded = await waiting;
    expect(recorded).toMatchObject({ url, body: { text: 'done', response_type: 'ephemeral' } });
    expect(fake.responses).toHaveLength(1);
  });

  it('answers 404 for URLs it never handed out and injected failures for ones it did', async () => {
    const unknown = await fetch(`${fake.url}/response/deadbeef`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
    fake.failResponses({ status: 404, times: 1 });
    const url = fake.responseUrl();
    const post = () => fetch(url, { method: 'POST', body: '{"text":"x"}' });
    expect((await post()).status).toBe(404);
    expect((await post()).status).toBe(200);
    expect(fake.responses).toHaveLength(1);
  });
});

describe('Socket Mode', () => {
  it('issues loopback ws:// URLs only to app-level tokens', async () => {
    const res = await new WebClient('xapp-1-test', { slackApiUrl: fake.apiUrl }).apps.connections.open();
    expect(res.url).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${fake.port}/link/\\?ticket=`));
  });

  it('speaks the protocol SocketModeClient expects: hello, envelopes, acks, disconnect', async () => {
    const client = new SocketModeClient({
      appToken: 'xapp-1-test',
      autoReconnectEnabled: false,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl },
    });
    client.on('slash_commands', async ({ ack, body }) => {
      await ack({ text: `got ${body.text}` });
    });
    client.on('app_mention', async ({ ack }) => {
      await ack();
    });
    try {
      const connected = await client.start();
      expect(connected).toMatchObject({ ok: true, url: expect.stringContaining('/link/') });
      expect(fake.socket.connections).toBe(1);

      const ack = await fake.socket.sendSlashCommand({ text: 'help', userId: 'U1', channelId: 'C1' });
      expect(ack).toEqual({ envelope_id: expect.any(String), payload: { text: 'got help' } });

      const eventAck = await fake.socket.sendEvent({ type: 'app_mention', user: 'U1', text: 'hi', channel: 'C1' });
      expect(eventAck).toEqual({ envelope_id: expect.any(String), payload: {} });

      const disconnected = new Promise<void>((resolve) => client.once('disconnected', () => resolve()));
      fake.socket.sendDisconnect('warning');
      await disconnected;
      await fake.socket.waitForNoConnections();
    } finally {
      await client.disconnect();
    }
  });

  it('lets a client reconnect with a fresh ticket after a disconnect message', async () => {
    // The client waits clientPingTimeout before reconnecting; a short one keeps the test quick.
    const client = new SocketModeClient({
      appToken: 'xapp-1-test',
      clientPingTimeout: 1_000,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl },
    });
    try {
      await client.start();
      const reconnected = new Promise<void>((resolve) => client.once('connected', () => resolve()));
      fake.socket.sendDisconnect('refresh_requested');
      await reconnected;
      expect(fake.callsTo('apps.connections.open')).toHaveLength(2);
      expect(fake.socket.connections).toBe(1);
    } finally {
      await client.disconnect();
    }
  });

  it('refuses a WebSocket without a valid ticket, and an envelope when nobody is connected', async () => {
    await fake.socket.waitForNoConnections();
    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${fake.url.replace('http', 'ws')}/link/?ticket=forged`);
      ws.on('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
      ws.on('open', () => resolve('open'));
    });
    expect(refused).toBe('refused 401');
    await expect(fake.socket.sendInteraction(blockActionsPayload({ userId: 'U1', actionId: 'a' }))).rejects.toThrow(
      /No Socket Mode connection/,
    );
  });
});

describe('close()', () => {
  it('closes promptly despite keep-alive HTTP connections and open sockets', async () => {
    const other = await startFakeSlack();
    await new WebClient('xoxb-test', { slackApiUrl: other.apiUrl }).auth.test();
    const client = new SocketModeClient({
      appToken: 'xapp-1-test',
      autoReconnectEnabled: false,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: other.apiUrl },
    });
    await client.start();
    const disconnected = new Promise<void>((resolve) => client.once('disconnected', () => resolve()));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await disconnected;
    const err = await fetch(`${other.apiUrl}auth.test`, { method: 'POST' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
  });
});
