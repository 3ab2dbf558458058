import type { AddressInfo } from 'node:net';
import { App, LogLevel, verifySlackRequest } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';
import { createSlackClient, newTriggerId, type SlackClient, slackSignature } from './slack-client.ts';

const signingSecret = 'test-signing-secret';

describe('slackSignature', () => {
  it('matches the worked example in Slack’s request-verification docs', () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('is accepted by Bolt’s own verifier', () => {
    const now = Math.floor(Date.now() / 1000);
    const body = 'text=hello';
    expect(() =>
      verifySlackRequest({
        signingSecret,
        body,
        headers: {
          'x-slack-signature': slackSignature(signingSecret, now, body),
          'x-slack-request-timestamp': now,
        },
      }),
    ).not.toThrow();
  });

  it('makes a trigger_id that differs on every call', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newTriggerId()));
    expect(ids.size).toBe(50);
  });
});

describe('against a Bolt app in HTTP mode', () => {
  let fake: FakeSlack;
  let app: App;
  let slack: SlackClient;
  const handled: { command: string[]; actions: unknown[]; views: unknown[]; events: unknown[] } = {
    command: [],
    actions: [],
    views: [],
    events: [],
  };

  beforeAll(async () => {
    fake = await startFakeSlack();
    app = new App({
      signingSecret,
      token: 'xoxb-test',
      clientOptions: { slackApiUrl: fake.apiUrl },
      logLevel: LogLevel.ERROR,
    });
    app.command('/pilot', async ({ command, ack, respond, client }) => {
      handled.command.push(command.text);
      await ack();
      await respond({ response_type: 'ephemeral', text: `usage for ${command.text}` });
      await client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, text: 'also ephemeral' });
    });
    app.action('open_intake', async ({ ack, body, client }) => {
      handled.actions.push(body);
      await ack();
      if (body.type === 'block_actions') {
        await client.views.open({
          trigger_id: body.trigger_id,
          view: { type: 'modal', callback_id: 'intake', title: { type: 'plain_text', text: 'New pilot' }, blocks: [] },
        });
      }
    });
    app.view('intake', async ({ ack, view }) => {
      handled.views.push(view);
      const name = view.state.values.name?.name_input?.value ?? '';
      if (name.trim() === '') {
        await ack({ response_action: 'errors', errors: { name: 'Give the pilot a name' } });
        return;
      }
      await ack();
    });
    app.view({ callback_id: 'intake', type: 'view_closed' }, async ({ ack, body }) => {
      handled.views.push(body);
      await ack();
    });
    app.event('app_mention', async ({ event }) => {
      handled.events.push(event);
    });
    // Port 0 picks a free port; start() resolves with the http.Server, which knows which one.
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as unknown as { address(): AddressInfo };
    slack = createSlackClient({
      baseUrl: `http://127.0.0.1:${server.address().port}`,
      signingSecret,
      responseUrl: () => fake.responseUrl(),
    });
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  beforeEach(() => {
    fake.reset();
    for (const list of Object.values(handled)) list.length = 0;
  });

  it('delivers a signed slash command: 200, handler ran, respond() and postEphemeral reached the fake', async () => {
    const res = await slack.command({ text: 'help', userId: 'U1', channelId: 'C1' });
    expect(res.status).toBe(200);
    expect(handled.command).toEqual(['help']);
    const response = await fake.waitForResponse();
    expect(response.body).toEqual({ response_type: 'ephemeral', text: 'usage for help' });
    const ephemeral = await fake.waitForCall('chat.postEphemeral');
    expect(ephemeral.args).toMatchObject({ channel: 'C1', user: 'U1', text: 'also ephemeral' });
    expect(ephemeral.token).toBe('xoxb-test');
  });

  it.each([
    ['unsigned', 'unsigned'],
    ['signed with the wrong secret', 'wrong'],
    ['signed 6 minutes ago', 'stale'],
  ] as const)(
    'answers 401 with an empty body to a command %s, and the handler does not run',
    async (_label, signing) => {
      const res = await slack.command({ text: 'help', userId: 'U1', channelId: 'C1' }, { signing });
      expect(res.status).toBe(401);
      expect(res.text).toBe('');
      expect(handled.command).toEqual([]);
      expect(fake.calls).toEqual([]);
    },
  );

  it('sends block_actions as a payload form field; the trigger_id reaches views.open unchanged', async () => {
    const payload = slack.blockActions({ userId: 'U1', actionId: 'open_intake', value: 'new', channelId: 'C1' });
    const res = await slack.interaction(payload);
    expect(res.status).toBe(200);
    expect(handled.actions).toHaveLength(1);
    const open = await fake.waitForCall('views.open');
    expect(open.args.trigger_id).toBe(payload.trigger_id);
    expect(open.args.view).toMatchObject({ callback_id: 'intake' });
    expect(handled.actions[0]).toMatchObject({
      actions: [{ action_id: 'open_intake', value: 'new', type: 'button' }],
      container: { type: 'message', channel_id: 'C1' },
      response_url: expect.stringContaining(fake.url),
    });
  });

  it('sends view_submission; an invalid one comes back as response_action errors in the HTTP body', async () => {
    const invalid = await slack.interaction(
      slack.viewSubmission({
        userId: 'U1',
        callbackId: 'intake',
        privateMetadata: '{"c":"C1"}',
        values: { name: { name_input: ' ' } },
      }),
    );
    expect(invalid.status).toBe(200);
    expect(invalid.json()).toEqual({ response_action: 'errors', errors: { name: 'Give the pilot a name' } });
    const valid = await slack.interaction(
      slack.viewSubmission({ userId: 'U1', callbackId: 'intake', values: { name: { name_input: 'Sandbox' } } }),
    );
    expect(valid.status).toBe(200);
    expect(valid.text).toBe('');
    expect(handled.views[1]).toMatchObject({
      callback_id: 'intake',
      state: { values: { name: { name_input: { type: 'plain_text_input', value: 'Sandbox' } } } },
    });
  });

  it('sends view_closed to the view_closed listener', async () => {
    const res = await slack.interaction(slack.viewClosed({ userId: 'U1', callbackId: 'intake' }));
    expect(res.status).toBe(200);
    expect(handled.views).toEqual([expect.objectContaining({ type: 'view_closed', is_cleared: false })]);
  });

  it('sends events as JSON event_callback envelopes and passes url_verification', async () => {
    const res = await slack.event({ type: 'app_mention', user: 'U1', text: '<@U0PILOTBOT> hi', channel: 'C1' });
    expect(res.status).toBe(200);
    // Bolt acks events before running listeners, so the listener may still be on its way.
    await expect.poll(() => handled.events).toEqual([expect.objectContaining({ type: 'app_mention', user: 'U1' })]);
    const challenge = await slack.urlVerification('chal-123');
    expect(challenge.json()).toEqual({ challenge: 'chal-123' });
    expect((await slack.urlVerification('chal-123', { signing: 'stale' })).status).toBe(401);
  });
});

describe('against a Bolt app in Socket Mode', () => {
  let fake: FakeSlack;
  let app: App;
  const commands: string[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    app = new App({
      socketMode: true,
      appToken: 'xapp-1-test',
      token: 'xoxb-test',
      clientOptions: { slackApiUrl: fake.apiUrl },
      logLevel: LogLevel.ERROR,
    });
    app.command('/pilot', async ({ command, ack, respond }) => {
      commands.push(command.text);
      await ack({ response_type: 'ephemeral', text: 'usage' });
      await respond({ text: 'and a follow-up' });
    });
    await app.start();
  });

  afterAll(async () => {
    // Stop the app before the fake: a client that loses its server unexpectedly tries to reconnect.
    await app?.stop();
    await fake?.socket.waitForNoConnections();
    await fake?.close();
  });

  it('connects through apps.connections.open with the app-level token', async () => {
    await fake.socket.waitForConnection();
    expect(fake.lastCall('apps.connections.open')?.token).toBe('xapp-1-test');
  });

  it('runs a slash command and acks the envelope with the ack payload', async () => {
    const ack = await fake.socket.sendSlashCommand({ text: 'help', userId: 'U1', channelId: 'C1' });
    expect(ack).toEqual({ envelope_id: expect.any(String), payload: { response_type: 'ephemeral', text: 'usage' } });
    expect(commands).toEqual(['help']);
    expect((await fake.waitForResponse()).body).toEqual({ text: 'and a follow-up' });
  });
});
