import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage, startTestApp, type TestApp, type TestStorage } from '../support/app.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';

const APP_TOKEN = 'xapp-1-test';

describe('Socket Mode', () => {
  let t: TestApp;
  let fake: FakeSlack;
  let storage: TestStorage;
  beforeAll(async () => {
    fake = await startFakeSlack();
    storage = await createTestStorage();
    // The signing secret stays set too: an app token alone decides the transport.
    const starting = startTestApp({ fake, storage, env: { SLACK_APP_TOKEN: APP_TOKEN } });
    // Bounded: an app that opens its socket somewhere other than SLACK_API_URL would retry for ever.
    await fake.waitForCall('apps.connections.open', undefined, 15_000).catch((error: unknown) => {
      void starting.then((app) => app.stop()).catch(() => {});
      throw new Error(`The app never asked SLACK_API_URL for a Socket Mode connection: ${String(error)}`);
    });
    t = await starting;
    await fake.socket.waitForConnection();
  });
  afterAll(async () => {
    // Stop the app before closing the fake: the other order leaves the Socket Mode client's reconnect timers.
    await t?.stop();
    await fake?.close();
    await storage?.dispose();
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
