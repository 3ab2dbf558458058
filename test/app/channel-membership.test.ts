import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { subscribeDigest } from '../../src/digests/subscribe-digest.ts';
import { catalogs, t as tr } from '../../src/i18n/index.ts';
import { INTAKE } from '../../src/projects/ids.ts';
import { runTick } from '../../src/scheduler/tick.ts';
import { createSlackCaller } from '../../src/slack/web-api.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { ADMIN, startTestApp, type TestApp } from '../support/app.ts';
import { manager } from '../support/machines.ts';

const OWNER = 'U0OWNERM01';
const NOT_INVITED = 'C0NOTINVTD';

/** Opens the intake form in `channelId` as ADMIN and submits it; resolves with the new project's ref. */
async function applyIn(t: TestApp, channelId: string, title: string): Promise<string> {
  const opened = t.fake.callsTo('views.open').length;
  expect((await t.slack.command({ text: 'new pilot', userId: ADMIN, channelId })).status).toBe(200);
  const open = await t.fake.waitForCall('views.open', (c) => t.fake.callsTo('views.open').indexOf(c) >= opened);
  const view = open.args.view as { callback_id: string; private_metadata: string };
  const res = await t.slack.interaction(
    t.slack.viewSubmission({
      userId: ADMIN,
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata,
      values: {
        [INTAKE.blocks.title]: { [INTAKE.actions.title]: title },
        [INTAKE.blocks.scenario]: { [INTAKE.actions.scenario]: '公募基金份额登记与过户' },
        [INTAKE.blocks.technologies]: {
          [INTAKE.actions.technologies]: {
            type: 'multi_static_select',
            selected_options: [{ value: 'blockchain', text: { type: 'plain_text', text: 'blockchain' } }],
          },
        },
        [INTAKE.blocks.owner]: { [INTAKE.actions.owner]: { type: 'users_select', selected_user: OWNER } },
        [INTAKE.blocks.contactName]: { [INTAKE.actions.contact]: '王联系' },
        [INTAKE.blocks.contactPhone]: { [INTAKE.actions.contact]: '+86 21 5555 0101' },
      },
    }),
  );
  expect(res.status).toBe(200);
  expect(res.text).toBe('');
  await t.server.services.idle();
  const project = await t.server.db.prisma.project.findFirstOrThrow({ where: { title } });
  return project.ref;
}

const dmsTo = (t: TestApp, user: string, key: 'edges.notInChannel' | 'edges.channelNotFound') =>
  t.fake
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === user && String(c.args.text).startsWith(tr('zh-CN', key).slice(0, 12)));

describe('issue 9: the bot posts only where it was invited, and says so when it was not', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    t.fake.createChannel(NOT_INVITED, { name: 'pilot-new-team' });
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => t.fake.reset());

  it('a card in a channel the bot was never invited to: the owner and the creator are told, once, how to fix it', async () => {
    const ref = await applyIn(t, NOT_INVITED, '未邀请频道中的项目');
    const refused = t.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === NOT_INVITED);
    expect(refused.map((c) => (c.response as { error?: string }).error)).toEqual(['not_in_channel']);
    await t.fake.waitForCall('chat.postMessage', (c) => c.args.channel === OWNER);
    for (const person of [OWNER, ADMIN]) {
      const told = dmsTo(t, person, 'edges.notInChannel');
      expect(told).toHaveLength(1);
      expect(String(told[0]!.args.text)).toBe(
        tr('zh-CN', 'edges.notInChannel', {
          channel: `<#${NOT_INVITED}>`,
          what: tr('zh-CN', 'edges.what.card', { ref }),
        }),
      );
      expect(String(told[0]!.args.text)).toContain('/invite @Pilot Desk');
    }

    // A second project in the same channel is refused too, but nobody is told a second time.
    await applyIn(t, NOT_INVITED, '同一频道的第二个项目');
    await t.server.services.idle();
    const refusals = t.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === NOT_INVITED).length;
    const notices = dmsTo(t, OWNER, 'edges.notInChannel').length + dmsTo(t, ADMIN, 'edges.notInChannel').length;
    console.log(
      `edges: ${refusals} cards refused in ${NOT_INVITED}, ${notices} notices (owner and creator, once each)`,
    );
    expect(refusals).toBe(2);
    expect(notices).toBe(2);

    // After `/invite @Pilot Desk` there, the next card arrives.
    t.fake.inviteBot(NOT_INVITED);
    await applyIn(t, NOT_INVITED, '邀请之后的项目');
    const delivered = t.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === NOT_INVITED && (c.response as { ok: boolean }).ok);
    expect(delivered).toHaveLength(1);
  });

  it('a card in the working group’s channel (invited at set-up) tells nobody anything', async () => {
    await applyIn(t, 'C0PILOTWG1', '工作组频道中的项目');
    const card = t.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0PILOTWG1');
    expect(card.every((c) => (c.response as { ok: boolean }).ok)).toBe(true);
    expect(card.length).toBeGreaterThan(0);
    expect(dmsTo(t, OWNER, 'edges.notInChannel')).toEqual([]);
  });

  it('a digest channel that does not exist: the subscriber and the admins are told once, in their language', async () => {
    const prisma = t.server.db.prisma;
    // The server's own tick (on the real clock) must not run beside this simulated one.
    await t.server.tick();
    await subscribeDigest(prisma, 'C0GONE0001', {}, manager);
    // The admin reads English (their `/pilot lang en`); the subscriber has no choice and gets the default.
    const url = t.fake.responseUrl();
    await t.slack.command({ text: 'lang en', userId: ADMIN, channelId: 'C0PILOTWG1', responseUrl: url });
    await t.fake.waitForResponse((r) => r.url === url);
    const slack = createSlackCaller('xoxb-test-token', t.fake.apiUrl);
    const deps = {
      prisma,
      slack,
      hooks: runtimeHooks,
      admins: [ADMIN],
      langFor: (id: string) => t.server.services.langFor(id),
    };
    await runTick(deps, new Date('2026-12-01T09:00:00+08:00'));
    await runTick(deps, new Date('2026-12-02T09:00:00+08:00'));
    const refused = t.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0GONE0001');
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused.every((c) => (c.response as { error?: string }).error === 'channel_not_found')).toBe(true);
    // In December the admins also get the weekly prompt to load next year's calendar (issue 13); not this test's.
    const toAdmin = t.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === ADMIN && !String(c.args.text).includes('/pilot calendar'));
    expect(toAdmin.map((c) => c.args.text)).toEqual([
      catalogs.en['edges.channelNotFound']
        .replace('{channel}', '<#C0GONE0001>')
        .replace('{what}', catalogs.en['edges.what.message']),
    ]);
    const toSubscriber = t.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === (manager as { userId: string }).userId);
    expect(toSubscriber.map((c) => c.args.text)).toEqual([
      tr('zh-CN', 'edges.channelNotFound', {
        channel: '<#C0GONE0001>',
        what: tr('zh-CN', 'edges.what.message'),
      }),
    ]);
    console.log(
      `edges: ${refused.length} digests refused, admin told ${toAdmin.length}×, subscriber ${toSubscriber.length}×`,
    );
  });
});
