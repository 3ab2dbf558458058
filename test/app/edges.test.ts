import type { Logger } from '@slack/bolt';
import { LogLevel } from '@slack/bolt';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BATCH_MODAL, BATCH_PLACE } from '../../src/batches/ids.ts';
import { CHECKLIST } from '../../src/checklists/ids.ts';
import { DEADLINE_ACTIONS, DEADLINE_MODALS } from '../../src/deadlines/ids.ts';
import { MENU } from '../../src/home/ids.ts';
import { catalogs } from '../../src/i18n/index.ts';
import { OUTBOX_ACTIONS } from '../../src/outbox/ids.ts';
import { INTAKE, INTAKE_FORMS, PROJECT, RELAY_MODAL } from '../../src/projects/ids.ts';
import { EXPERTS, REVIEW } from '../../src/review/ids.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { pilotInput } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';
import { slackSignature } from '../support/slack-client.ts';
import { eventCallbackPayload, SLACK_DEFAULTS } from '../support/slack-payloads.ts';

/** A logger that keeps every line, so a test can say no stack trace and no incident reached the log. */
function capturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (...args: unknown[]) => {
      lines.push(
        `${level} ${args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' ')}`,
      );
    };
  return {
    lines,
    debug: () => {},
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}

const STACK = /\n\s+at |incident|unhandled error|not acknowledged/i;
const STRANGER = 'U0STRANGR1';
const zh = catalogs['zh-CN'];

describe('issue 9: every request gets an answer', () => {
  let t: TestApp;
  let log: ReturnType<typeof capturingLogger>;
  let project: { id: string; ref: string };
  beforeAll(async () => {
    log = capturingLogger();
    t = await startTestApp({ server: { logger: log } });
    project = await insertProject(t.server.db.prisma, {
      ...pilotInput({ ref: 'P-2026-091', title: '旧卡片项目' }),
      track: 'pilot',
    });
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => {
    t.fake.reset();
    log.lines.length = 0;
  });

  it('an old card’s project.refresh button is answered at once with the current card', async () => {
    const url = t.fake.responseUrl();
    const started = Date.now();
    const res = await t.slack.interaction(
      t.slack.blockActions({
        userId: STRANGER,
        actionId: 'project.refresh',
        value: JSON.stringify({ p: project.id }),
        responseUrl: url,
      }),
    );
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    const answer = (await t.fake.waitForResponse((r) => r.url === url)).body as { text: string; blocks: unknown[] };
    expect(answer.text).toBe(zh['edges.staleButton']);
    expect(JSON.stringify(answer.blocks)).toContain(project.ref);
    expect(log.lines.join('\n')).not.toMatch(STACK);
  });

  it('an unknown button without a project gets the plain answer, in English for an English reader', async () => {
    const url = t.fake.responseUrl();
    const res = await t.slack.interaction(
      t.slack.blockActions({ userId: STRANGER, actionId: 'card.gone.2019', value: 'x', responseUrl: url }),
    );
    expect(res.status).toBe(200);
    const answer = (await t.fake.waitForResponse((r) => r.url === url)).body as { text: string };
    expect(answer.text).toBe(zh['edges.staleButton']);
    expect(JSON.stringify(answer)).not.toContain('P-2026');
    // The language comes from the presser's own Slack locale.
    t.fake.setUser('U0ENGLISH1', { locale: 'en-US' });
    const enUrl = t.fake.responseUrl();
    await t.slack.interaction(
      t.slack.blockActions({ userId: 'U0ENGLISH1', actionId: 'card.gone.2019', value: 'x', responseUrl: enUrl }),
    );
    const en = (await t.fake.waitForResponse((r) => r.url === enUrl)).body as { text: string };
    expect(en.text).toBe(catalogs.en['edges.staleButton']);
  });

  it('an old modal’s submission is acknowledged (the modal closes) and the person is told by DM, with the card', async () => {
    const res = await t.slack.interaction(
      t.slack.viewSubmission({
        userId: STRANGER,
        callbackId: 'project.oldform.submit',
        privateMetadata: JSON.stringify({ p: project.id, v: 1, t: 'intake.submit' }),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const dm = await t.fake.waitForCall('chat.postMessage', (c) => c.args.channel === STRANGER);
    expect(dm.args.text).toBe(zh['edges.staleForm']);
    expect(JSON.stringify(dm.args.blocks)).toContain(project.ref);
  });

  it('a shortcut the app does not offer is answered by DM', async () => {
    const res = await t.slack.interaction({
      type: 'shortcut',
      token: SLACK_DEFAULTS.verificationToken,
      action_ts: '1.2',
      team: { id: SLACK_DEFAULTS.teamId, domain: SLACK_DEFAULTS.teamDomain },
      user: { id: STRANGER, username: 'x', team_id: SLACK_DEFAULTS.teamId },
      callback_id: 'pilot.quick',
      trigger_id: '1.2.3',
    });
    expect(res.status).toBe(200);
    const dm = await t.fake.waitForCall('chat.postMessage', (c) => c.args.channel === STRANGER);
    expect(dm.args.text).toBe(zh['edges.staleShortcut']);
  });

  it('app_rate_limited and events the app does not use get 200', async () => {
    const limited = await t.slack.send(
      JSON.stringify({
        token: SLACK_DEFAULTS.verificationToken,
        type: 'app_rate_limited',
        team_id: SLACK_DEFAULTS.teamId,
        minute_rate_limited: Math.floor(Date.now() / 60_000) * 60,
        api_app_id: SLACK_DEFAULTS.apiAppId,
      }),
      'application/json',
    );
    expect(limited.status).toBe(200);
    const joined = await t.slack.event({ type: 'member_joined_channel', user: STRANGER, channel: 'C0PILOTWG1' });
    expect(joined.status).toBe(200);
    expect(log.lines.join('\n')).not.toMatch(STACK);
  });

  it('164 requests nobody handles all get an answer within a second', async () => {
    const kinds = [
      () =>
        t.slack.interaction(
          t.slack.blockActions({
            userId: STRANGER,
            actionId: 'project.refresh',
            value: JSON.stringify({ p: project.id }),
          }),
        ),
      () => t.slack.interaction(t.slack.viewSubmission({ userId: STRANGER, callbackId: 'gone.modal' })),
      () =>
        t.slack.send(JSON.stringify({ type: 'app_rate_limited', team_id: SLACK_DEFAULTS.teamId }), 'application/json'),
      () => t.slack.event({ type: 'reaction_added', user: STRANGER, item: { type: 'message' } }),
    ];
    let unanswered = 0;
    let slow = 0;
    for (let i = 0; i < 164; i++) {
      const started = Date.now();
      const res = await kinds[i % kinds.length]!();
      if (res.status !== 200) unanswered++;
      if (Date.now() - started > 1_000) slow++;
    }
    console.log(`edges: ${unanswered}/164 unanswered, ${slow}/164 slower than 1 s`);
    expect(unanswered).toBe(0);
    expect(slow).toBe(0);
  });
});

/** What the database holds, table by table; a request that changed nothing leaves it the same. */
async function counts(t: TestApp): Promise<Record<string, number>> {
  const p = t.server.db.prisma;
  return {
    project: await p.project.count(),
    audit: await p.auditEvent.count(),
    outbox: await p.outboxMessage.count(),
    batch: await p.batch.count(),
    expert: await p.expert.count(),
    role: await p.userRole.count(),
    userPreference: await p.userPreference.count(),
    channelPreference: await p.channelPreference.count(),
    digest: await p.digestSubscription.count(),
    deadline: await p.deadline.count(),
    draft: await p.reviewDraft.count(),
    support: await p.supportRecord.count(),
  };
}

describe('issue 9: bodies Slack would never send', () => {
  let t: TestApp;
  let log: ReturnType<typeof capturingLogger>;
  let projectId: string;
  beforeAll(async () => {
    log = capturingLogger();
    t = await startTestApp({ server: { logger: log } });
    projectId = (await insertProject(t.server.db.prisma, { ...pilotInput({ ref: 'P-2026-092' }), track: 'pilot' })).id;
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => {
    t.fake.reset();
    log.lines.length = 0;
  });

  it('the shapes measured on main (null state, no user, no actions, no text) get 200, no stack, and the person told', async () => {
    const before = await counts(t);
    const submission = t.slack.viewSubmission({ userId: STRANGER, callbackId: INTAKE.callbackId });
    (submission.view as Record<string, unknown>).state = null;
    const noUser = t.slack.blockActions({ userId: STRANGER, actionId: `${PROJECT.actionPrefix}0` });
    delete noUser.user;
    const noActions = t.slack.blockActions({ userId: STRANGER, actionId: PROJECT.whyAction });
    delete noActions.actions;
    for (const body of [submission, noUser, noActions]) {
      expect((await t.slack.interaction(body)).status).toBe(200);
    }
    const url = t.fake.responseUrl();
    const form = new URLSearchParams({
      command: '/pilot',
      user_id: STRANGER,
      channel_id: 'C0PILOTWG1',
      team_id: SLACK_DEFAULTS.teamId,
      trigger_id: '1.2.3',
      response_url: url,
    }).toString();
    expect((await t.slack.send(form, 'application/x-www-form-urlencoded')).status).toBe(200);
    expect(((await t.fake.waitForResponse((r) => r.url === url)).body as { text: string }).text).toBe(
      zh['edges.unreadable'],
    );
    const dm = await t.fake.waitForCall('chat.postMessage', (c) => c.args.channel === STRANGER);
    expect(dm.args.text).toBe(zh['edges.unreadable']);
    await t.server.services.idle();
    expect(await counts(t)).toEqual(before);
    expect(log.lines.join('\n')).not.toMatch(STACK);
  });

  it('a signed body that is not an object gets 400 and the app keeps serving', async () => {
    for (const raw of ['null', '[]', '"text"', '17']) {
      expect((await t.slack.send(raw, 'application/json')).status).toBe(400);
    }
    expect(
      (await t.slack.send(`payload=${encodeURIComponent('null')}`, 'application/x-www-form-urlencoded')).status,
    ).toBe(400);
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
  });

  it('hostile shapes (fast-check, seeded): never 5xx, no stack trace or incident in the log, nothing stored', async () => {
    const before = await counts(t);
    const hostile = fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.integer(),
      fc.boolean(),
      fc.string({ maxLength: 20 }),
      fc.constant('x'.repeat(60_000)),
      fc.constant('{"p":"00000000-0000-4000-8000-000000000000","v":1,"t":"intake.submit"}'),
      fc.constant(JSON.stringify({ p: '', v: -1, t: '../../etc' })),
      fc.array(fc.anything(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.anything(), { maxKeys: 3 }),
      fc.json(),
    );
    const actionIds = [
      `${PROJECT.actionPrefix}0`,
      PROJECT.whyAction,
      'list.page',
      'list.show.P-2026-092',
      `${MENU.actionPrefix}0`,
      INTAKE_FORMS.addApplicantAction,
      `${INTAKE_FORMS.editApplicantAction}.0`,
      INTAKE_FORMS.materialsAction,
      REVIEW.actions.accept,
      REVIEW.actions.decline,
      REVIEW.actions.conflict,
      REVIEW.actions.openForm,
      EXPERTS.addAction,
      `${EXPERTS.editAction}.U0X`,
      ...Object.values(DEADLINE_ACTIONS),
      OUTBOX_ACTIONS.retry,
      BATCH_PLACE.openAction,
      `${CHECKLIST.tickPrefix}publicNotice`,
    ];
    const callbackIds = [
      INTAKE.callbackId,
      PROJECT.modalCallbackId,
      BATCH_MODAL.callbackId,
      RELAY_MODAL.callbackId,
      INTAKE_FORMS.applicantCallbackId,
      INTAKE_FORMS.materialsCallbackId,
      DEADLINE_MODALS.extendCallbackId,
      DEADLINE_MODALS.reassignCallbackId,
      DEADLINE_MODALS.calendarCallbackId,
      REVIEW.acceptCallbackId,
      REVIEW.formCallbackId,
      EXPERTS.callbackId,
      BATCH_PLACE.callbackId,
    ];
    const blockIds = [...Object.values(INTAKE.blocks), ...Object.values(EXPERTS.blocks), 'f.factDate', 'b'];
    const value = fc.oneof(
      hostile,
      fc.record({
        type: fc.constantFrom('plain_text_input', 'static_select', 'checkboxes', 'datepicker'),
        value: hostile,
      }),
      fc.record({ type: fc.constant('multi_static_select'), selected_options: hostile }),
      fc.record({ type: fc.constant('users_select'), selected_user: hostile }),
      fc.record({ type: fc.constant('datetimepicker'), selected_date_time: hostile }),
    );
    const state = fc.dictionary(
      fc.constantFrom(...blockIds),
      fc.dictionary(fc.constantFrom('v', 'title', 'scenario', 'technologies', 'owner', 'contact'), value, {
        maxKeys: 2,
      }),
      { maxKeys: 4 },
    );
    const metadata = fc.oneof(
      hostile,
      fc.constant(JSON.stringify({ p: projectId, v: 1, t: 'intake.submit' })),
      fc.constant(JSON.stringify({ v: 1, track: 'pilot', channelId: 'C0PILOTWG1' })),
      fc.json(),
    );
    const body = fc.oneof(
      fc.record({
        kind: fc.constant('action' as const),
        actionId: fc.constantFrom(...actionIds),
        value: fc.oneof(hostile, fc.constant(JSON.stringify({ p: projectId, v: 99, t: 'intake.submit' }))),
        path: fc.constantFrom('user', 'user.id', 'actions', 'trigger_id', 'team', 'response_url', 'channel', 'none'),
        hostile,
      }),
      fc.record({
        kind: fc.constant('view' as const),
        callbackId: fc.constantFrom(...callbackIds),
        metadata,
        state,
        path: fc.constantFrom('view', 'view.state', 'view.state.values', 'view.id', 'user', 'user.id', 'none'),
        hostile,
      }),
      fc.record({
        kind: fc.constant('command' as const),
        path: fc.constantFrom('text', 'user_id', 'channel_id', 'command', 'response_url', 'trigger_id'),
        hostile,
      }),
      fc.record({
        kind: fc.constant('event' as const),
        path: fc.constantFrom('event', 'event.user', 'event.tab', 'event_id', 'team_id', 'authorizations'),
        hostile,
      }),
    );
    let fiveHundreds = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        runs++;
        let payload: Record<string, unknown>;
        if (b.kind === 'action') {
          payload = t.slack.blockActions({
            userId: STRANGER,
            actionId: b.actionId,
            value: typeof b.value === 'string' ? b.value : undefined,
            responseUrl: t.fake.responseUrl(),
          });
        } else if (b.kind === 'view') {
          payload = t.slack.viewSubmission({
            userId: STRANGER,
            callbackId: b.callbackId,
            privateMetadata: typeof b.metadata === 'string' ? b.metadata : '',
          });
          (payload.view as { state: unknown }).state = { values: b.state };
        } else if (b.kind === 'command') {
          payload = {
            command: '/pilot',
            text: 'help',
            user_id: STRANGER,
            channel_id: 'C0PILOTWG1',
            team_id: SLACK_DEFAULTS.teamId,
            trigger_id: '1.2.3',
            response_url: t.fake.responseUrl(),
          };
        } else {
          payload = eventCallbackPayload({ type: 'app_home_opened', user: STRANGER, tab: 'home' });
        }
        if (b.path !== 'none') setPath(payload, b.path, b.hostile);
        const res =
          b.kind === 'command'
            ? await t.slack.send(JSON.stringify(payload), 'application/json')
            : b.kind === 'event'
              ? await t.slack.send(JSON.stringify(payload), 'application/json')
              : await t.slack.interaction(payload);
        if (res.status >= 500) fiveHundreds++;
        expect(res.status).toBeLessThan(500);
        expect([200, 400]).toContain(res.status);
      }),
      { seed: 20260901, numRuns: 100, endOnFailure: true },
    );
    await t.server.services.idle();
    const stacks = log.lines.filter((l) => STACK.test(l));
    console.log(`edges: ${fiveHundreds}/${runs} hostile bodies got a 5xx, ${stacks.length} log lines with a stack`);
    expect(stacks).toEqual([]);
    expect(await counts(t)).toEqual(before);
  });
});

/** Sets (or, for undefined, deletes) a dotted path in a payload. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    const child = node[key];
    if (child === null || typeof child !== 'object') return;
    node = child as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

describe('issue 9: the signing window and replays', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => t.fake.reset());

  const help = (url: string) =>
    new URLSearchParams({
      command: '/pilot',
      text: 'help',
      user_id: STRANGER,
      channel_id: 'C0PILOTWG1',
      team_id: SLACK_DEFAULTS.teamId,
      trigger_id: '1.2.3',
      response_url: url,
    }).toString();

  it('a request signed 400 s in the future or 400 s ago gets 401 and runs nothing', async () => {
    const now = Math.floor(Date.now() / 1000);
    let refused = 0;
    for (const offset of [400, -400, 301, -301]) {
      const res = await t.slack.send(help(t.fake.responseUrl()), 'application/x-www-form-urlencoded', {
        timestampSec: now + offset,
      });
      if (res.status === 401) refused++;
    }
    const near = await t.slack.send(help(t.fake.responseUrl()), 'application/x-www-form-urlencoded', {
      timestampSec: now + 60,
    });
    expect(near.status).toBe(200);
    await t.fake.waitForResponse();
    console.log(`edges: ${refused}/4 requests outside the 5-minute window refused`);
    expect(refused).toBe(4);
    expect(t.fake.responses).toHaveLength(1);
  });

  it('a replayed request is answered 200 but not run again', async () => {
    const url = t.fake.responseUrl();
    const body = help(url);
    const ts = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature('test-signing-secret', ts, body),
    };
    const target = `${t.baseUrl}/slack/events`;
    const first = await fetch(target, { method: 'POST', headers, body });
    expect(first.status).toBe(200);
    await t.fake.waitForResponse((r) => r.url === url);
    let replaysRun = 0;
    for (let i = 0; i < 5; i++) {
      const again = await fetch(target, { method: 'POST', headers, body });
      expect(again.status).toBe(200);
    }
    // Had a replay run, its answer would arrive as quickly as the first did.
    await new Promise((r) => setTimeout(r, 500));
    replaysRun = t.fake.responses.filter((r) => r.url === url).length - 1;
    console.log(`edges: ${replaysRun}/5 replays run again`);
    expect(replaysRun).toBe(0);
  });

  it('Slack’s retries of an event (X-Slack-Retry-Num) run it once', async () => {
    const eventId = 'Ev0RETRY0001';
    const event = { type: 'app_home_opened', user: STRANGER, tab: 'home' };
    expect((await t.slack.event(event, { eventId })).status).toBe(200);
    await t.fake.waitForCall('views.publish');
    for (const n of ['1', '2', '3']) {
      const res = await t.slack.event(
        event,
        { eventId },
        { headers: { 'x-slack-retry-num': n, 'x-slack-retry-reason': 'http_timeout' } },
      );
      expect(res.status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 500));
    await t.server.services.idle();
    console.log(`edges: ${t.fake.callsTo('views.publish').length - 1}/3 event retries run again`);
    expect(t.fake.callsTo('views.publish')).toHaveLength(1);
  });
});
