import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

const APP_TOKEN = 'xapp-1-test';

describe('Socket Mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The signing secret stays set too: an app token alone decides the transport.
    t = await startTestApp({ env: { SLACK_APP_TOKEN: APP_TOKEN } });
    await t.fake.socket.waitForConnection();
  });
  afterAll(async () => {
    // startTestApp's stop() stops the app before closing the fake, so no reconnect timer is left behind.
    await t?.stop();
  });

  it('is chosen when SLACK_APP_TOKEN is set, and connects with the app-level token', () => {
    expect(t.config.slack.mode).toBe('socket');
    expect(t.fake.socket.connections).toBe(1);
    const opens = t.fake.callsTo('apps.connections.open');
    expect(opens.length).toBeGreaterThanOrEqual(1);
    expect(opens.every((c) => c.token === APP_TOKEN && c.status === 200)).toBe(true);
  });

  it('/pilot help over the socket: the envelope is acked and the help text reaches the response_url', async () => {
    const responseUrl = t.fake.responseUrl();
    const ack = await t.fake.socket.sendSlashCommand({
      text: 'help',
      userId: 'U0SOMEONE',
      channelId: 'C0PILOTWG1',
      responseUrl,
    });
    expect(ack.envelope_id).toMatch(/^[0-9a-f-]{36}$/);
    const answer = await t.fake.waitForResponse((r) => r.url === responseUrl);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(String(answer.body.text)).toContain('/pilot new pilot');
  });

  it('GET /healthz still answers 200 on the app port', async () => {
    expect(t.server.port).toBeGreaterThan(0);
    const res = await fetch(`http://127.0.0.1:${t.server.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('does not serve Slack requests over HTTP (no /slack/events endpoint in Socket Mode)', async () => {
    const res = await t.slack.command({ text: 'help', userId: 'U0SOMEONE', channelId: 'C0PILOTWG1' });
    expect(res.status).toBe(404);
  });
});
