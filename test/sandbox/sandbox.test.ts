import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { INTAKE } from '../../src/projects/ids.ts';
import { actor } from '../../src/sandbox/demo-actor.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start.ts';
import { dmChannelOf, SANDBOX_ADMIN_ID } from '../../src/sandbox/workspace.ts';
import { ADMIN, startTestApp, type TestApp, WORKING_GROUP_CHANNEL } from '../support/app.ts';
import { SlackUser } from '../support/slack-user.ts';

const WORKGROUP = 'C0SBWORKGP';
const MANAGEMENT = 'C0SBMGMT01';
const MANAGER = 'U0SBMGR001';
const STAFF = 'U0SBSTAFF1';
const CHAT = 'C0SBCHAT01';

async function sandboxIn(dir: string, persist = true): Promise<RunningSandbox> {
  const parsed = parseConfig({ PILOTDESK_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'error' });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return startSandbox(parsed.config, { tickMs: 3_600_000, persist });
}

/** What the sandbox showed the person last in a conversation (the answer to what they just did). */
function lastSeen(sandbox: RunningSandbox, userId: string, channel: string) {
  return sandbox.slack.visibleMessages(userId, channel).at(-1);
}

/** Ids differ between the two workspaces; what the app did must not. */
function normalise(value: unknown, ids: Record<string, string>): string {
  let text = JSON.stringify(value);
  for (const [id, name] of Object.entries(ids)) text = text.replaceAll(id, name);
  return text;
}

describe('the same command through the signed HTTP receiver and through the sandbox (issue 12)', () => {
  let t: TestApp;
  let dir: string;
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-sandbox-contract-'));
    [t, sandbox] = await Promise.all([startTestApp(), sandboxIn(dir, false)]);
  });
  afterAll(async () => {
    await Promise.all([t?.stop(), sandbox?.stop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const overHttp = async (text: string) => {
    const url = t.fake.responseUrl();
    const res = await t.slack.command({ text, userId: ADMIN, channelId: WORKING_GROUP_CHANNEL, responseUrl: url });
    expect(res.status).toBe(200);
    return (await t.fake.waitForResponse((r) => r.url === url)).body;
  };
  const inSandbox = async (text: string) => {
    const before = lastSeen(sandbox, SANDBOX_ADMIN_ID, WORKGROUP)?.ts;
    await sandbox.people.command(SANDBOX_ADMIN_ID, WORKGROUP, '/pilot', text).done;
    await sandbox.settle();
    const answer = lastSeen(sandbox, SANDBOX_ADMIN_ID, WORKGROUP);
    expect(answer?.ts).not.toBe(before);
    expect(answer?.ephemeralFor).toBe(SANDBOX_ADMIN_ID);
    return answer!;
  };
  const ids = () => ({ [ADMIN]: '<admin>', [SANDBOX_ADMIN_ID]: '<admin>' });
  let httpIntake: Parameters<SlackUser['submit']>[0] | undefined;

  it('/pilot help: the same ephemeral answer, block for block', async () => {
    const http = (await overHttp('help')) as { text: string; blocks: unknown[] };
    const sandboxed = await inSandbox('help');
    expect(normalise(sandboxed.blocks, ids())).toBe(normalise(http.blocks, ids()));
    expect(sandboxed.text).toBe(http.text);
  });

  it('/pilot batch open: the same answer and the same rows and audit in each database', async () => {
    const command = 'batch open 2026年第九批 2026-11-01 2026-12-31';
    const http = (await overHttp(command)) as { text: string };
    const sandboxed = await inSandbox(command);
    expect(normalise(sandboxed.text, ids())).toBe(normalise(http.text, ids()));
    const pick = (rows: { name: string; opensOn: unknown; closesOn: unknown }[]) =>
      rows.map((b) => ({ name: b.name, opensOn: b.opensOn, closesOn: b.closesOn }));
    expect(pick(await sandbox.server.db.prisma.batch.findMany())).toEqual(
      pick(await t.server.db.prisma.batch.findMany()),
    );
    const audits = async (db: TestApp['server']['db']) =>
      (await db.prisma.auditEvent.findMany({ orderBy: { createdAt: 'asc' } })).map((a) => a.eventType);
    expect((await audits(sandbox.server.db)).filter((e) => e.startsWith('batch'))).toEqual(
      (await audits(t.server.db)).filter((e) => e.startsWith('batch')),
    );
  });

  it('/pilot new pilot: the same modal opened with the trigger, whichever transport it came through', async () => {
    const before = t.fake.callsTo('views.open').length;
    await t.slack.command({
      text: 'new pilot',
      userId: ADMIN,
      channelId: WORKING_GROUP_CHANNEL,
      responseUrl: t.fake.responseUrl(),
    });
    const opened = await t.fake.waitForCall('views.open', (c) => t.fake.callsTo('views.open').indexOf(c) >= before);
    await sandbox.people.command(SANDBOX_ADMIN_ID, WORKGROUP, '/pilot', 'new pilot').done;
    const modal = sandbox.slack.modalStack(SANDBOX_ADMIN_ID).at(-1);
    const both = { ...ids(), [WORKING_GROUP_CHANNEL]: '<channel>', [WORKGROUP]: '<channel>' };
    expect(normalise(modal?.view, both)).toBe(normalise(opened.args.view, both));
    httpIntake = opened.args.view as never;
  });

  it('the intake form submitted: the same project, intake and audit rows in each database', async () => {
    const typed = {
      [INTAKE.blocks.title]: '两条通道的同一申请',
      [INTAKE.blocks.scenario]: '公募基金份额登记与过户',
      [INTAKE.blocks.contactName]: '王联系',
      [INTAKE.blocks.contactPhone]: '+86 21 5555 0101',
    };
    const http = await new SlackUser(t, ADMIN).submit(httpIntake!, {
      ...typed,
      [INTAKE.blocks.technologies]: { type: 'multi_static_select', selected_options: [{ value: 'blockchain' }] },
      // Slack sends back the owner the form was opened with; the sandbox's people do so by themselves.
      [INTAKE.blocks.owner]: { type: 'users_select', selected_user: ADMIN },
    });
    expect(http).toEqual({});
    await actor(sandbox).submit(SANDBOX_ADMIN_ID, { ...typed, [INTAKE.blocks.technologies]: ['blockchain'] });
    await t.server.services.idle();
    const what = async (prisma: typeof t.server.db.prisma) => {
      const p = await prisma.project.findFirstOrThrow({ where: { title: typed[INTAKE.blocks.title] } });
      const audit = await prisma.auditEvent.findMany({ where: { projectId: p.id }, orderBy: { id: 'asc' } });
      return {
        project: { ref: p.ref, track: p.track, stage: p.stage, status: p.status, intake: p.intake, owner: p.ownerId },
        audit: audit.map((a) => ({ type: a.eventType, from: a.fromState, to: a.toState, actor: a.actorId })),
      };
    };
    const both = { ...ids(), [WORKING_GROUP_CHANNEL]: '<channel>', [WORKGROUP]: '<channel>' };
    expect(normalise(await what(sandbox.server.db.prisma), both)).toBe(normalise(await what(t.server.db.prisma), both));
  });
});

describe('the sandbox clock, its scheduler and its edges (issue 12)', () => {
  let dir: string;
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-sandbox-clock-'));
    sandbox = await sandboxIn(dir);
  });
  afterAll(async () => {
    await sandbox?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the first start sets the workspace up through the app: roles, the expert pool, the working group channel', async () => {
    const roles = await sandbox.server.services.roles.list();
    expect(roles.staff).toEqual(expect.arrayContaining(['U0SBSTAFF1', 'U0SBSTAFF2']));
    expect(roles.manager).toContain(MANAGER);
    expect(roles.reviewer).toHaveLength(4);
    expect((await sandbox.server.services.settings.show()).workingGroupChannel).toBe(WORKGROUP);
  });

  it('advancing runs the scheduler as of that instant: the managers’ digest arrives at 09:00 of the next working day', async () => {
    await sandbox.people.command(MANAGER, MANAGEMENT, '/pilot', 'digest subscribe').done;
    await sandbox.settle();
    const posted = () => sandbox.slack.visibleMessages(MANAGER, MANAGEMENT).filter((m) => !m.ephemeralFor);
    expect(posted()).toHaveLength(0);
    // Two weekdays ahead at 09:00 Shanghai, so that at least one working day's digest is due.
    let day = dayjs(sandbox.clock.now()).add(1, 'day');
    while ([0, 6].includes(day.day())) day = day.add(1, 'day');
    const at = new Date(`${day.add(7, 'day').format('YYYY-MM-DD')}T09:05:00+08:00`);
    await sandbox.advance(at);
    expect(Math.abs(sandbox.clock.now().getTime() - at.getTime())).toBeLessThan(60_000);
    expect(
      posted()
        .map((m) => m.text)
        .join('\n'),
    ).toContain('每日摘要');
  });

  it('the clock never goes back, and the page is told the sandbox’s date', async () => {
    const now = sandbox.clock.now();
    const page = await post(sandbox.url, 'advance', { user: STAFF, to: new Date(now.getTime() - 86_400_000) });
    expect(page).toMatchObject({ ok: false, error: 'clock_backwards' });
    const state = (await (await fetch(`${sandbox.url}sandbox/state?user=${STAFF}`)).json()) as { now: string };
    expect(Math.abs(new Date(state.now).getTime() - now.getTime())).toBeLessThan(60_000);
  });

  it('the advanced clock, the messages and the Home tabs survive a restart; ephemerals do not', async () => {
    const before = sandbox.clock.now().getTime();
    await sandbox.people.openHome(STAFF).done;
    await sandbox.settle();
    const dm = sandbox.slack.visibleMessages(STAFF, dmChannelOf(STAFF)).length;
    await sandbox.stop();
    sandbox = await sandboxIn(dir);
    expect(sandbox.clock.now().getTime()).toBeGreaterThanOrEqual(before);
    expect(sandbox.slack.home(STAFF)).toBeDefined();
    expect(sandbox.slack.visibleMessages(STAFF, dmChannelOf(STAFF)).length).toBe(dm);
    expect(sandbox.slack.visibleMessages(SANDBOX_ADMIN_ID, WORKGROUP).some((m) => m.ephemeralFor)).toBe(false);
  });

  it('answers this machine only, by a loopback name: another Host header is refused', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(sandbox.url);
      const req = request(
        { host: url.hostname, port: url.port, path: '/sandbox/state', headers: { host: 'attacker.example:80' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('startSandbox itself refuses any address beyond this machine, whatever configuration it is handed', async () => {
    const parsed = parseConfig({ PILOTDESK_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'error' });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    for (const host of ['0.0.0.0', '::', '192.168.1.20'])
      await expect(startSandbox({ ...parsed.config, sandbox: { host, ignored: [] } })).rejects.toThrow(
        `loopback addresses only, not ${host}`,
      );
  });

  it('page actions take JSON only; the Web API takes the sandbox’s bot token only; unknown response URLs are 404', async () => {
    const form = await fetch(`${sandbox.url}sandbox/say`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'user=U0SBSTAFF1&channel=C0SBWORKGP&text=hi',
    });
    expect(form.status).toBe(415);
    const api = await fetch(`${sandbox.url}api/auth.test`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-some-real-token' },
    });
    expect(await api.json()).toEqual({ ok: false, error: 'invalid_auth' });
    const response = await fetch(`${sandbox.url}response/abcdef0123`, { method: 'POST', body: '{"text":"x"}' });
    expect(response.status).toBe(404);
  });

  it('posting where the bot is not a member is refused as Slack refuses it', async () => {
    const answer = sandbox.slack.call(
      'chat.postMessage',
      { channel: 'C0NOTHERE1', text: 'x' },
      (await import('../../src/sandbox/workspace.ts')).SANDBOX_BOT_TOKEN,
    );
    expect(answer.body).toEqual({ ok: false, error: 'channel_not_found' });
    const people = sandbox.slack.conversationsOf(MANAGER).map((c) => c.id);
    expect(people).toEqual([WORKGROUP, MANAGEMENT, CHAT, dmChannelOf(MANAGER)]);
    expect(sandbox.slack.conversationsOf('U0SBEXP001').map((c) => c.id)).toEqual([CHAT, dmChannelOf('U0SBEXP001')]);
  });
});

describe('channel membership as in Slack: #随便聊聊, where nobody invited the bot (issue 12)', () => {
  let dir: string;
  let sandbox: RunningSandbox;
  // A Tuesday morning in Shanghai, so the bot's DMs go out at once.
  const START = Date.parse('2026-12-01T02:00:00Z');
  const start = () => {
    const parsed = parseConfig({ PILOTDESK_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'error' });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const began = Date.now();
    return startSandbox(parsed.config, { tickMs: 3_600_000, realNow: () => START + (Date.now() - began) });
  };
  /** Staff fill in the application form opened by `/pilot new pilot` in the channel. */
  const apply = async (channel: string, title: string) => {
    const act = actor(sandbox);
    await act.command(STAFF, channel, 'new pilot');
    await act.submit(STAFF, {
      [INTAKE.blocks.title]: title,
      [INTAKE.blocks.scenario]: '公募基金份额登记与过户',
      [INTAKE.blocks.technologies]: ['blockchain'],
      [INTAKE.blocks.contactName]: '王联系',
      [INTAKE.blocks.contactPhone]: '+86 21 5555 0101',
    });
    await sandbox.settle();
  };
  const cards = (title: string) =>
    sandbox.slack.visibleMessages(STAFF, CHAT).filter((m) => m.text.includes(title) && !m.ephemeralFor);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-sandbox-members-'));
    sandbox = await start();
  });
  afterAll(async () => {
    await sandbox?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the bot’s card is refused there (not_in_channel), and the person is told in their DM how to fix it', async () => {
    const token = (await import('../../src/sandbox/workspace.ts')).SANDBOX_BOT_TOKEN;
    expect(sandbox.slack.call('chat.postMessage', { channel: CHAT, text: 'x' }, token).body).toEqual({
      ok: false,
      error: 'not_in_channel',
    });
    expect(sandbox.slack.call('conversations.info', { channel: CHAT }, token).body).toMatchObject({
      channel: { is_member: false },
    });
    await apply(CHAT, '闲聊频道里的申请');
    const project = await sandbox.server.db.prisma.project.findFirstOrThrow({ where: { title: '闲聊频道里的申请' } });
    expect(cards('闲聊频道里的申请')).toEqual([]);
    const told = sandbox.slack.visibleMessages(STAFF, dmChannelOf(STAFF)).filter((m) => m.text.includes(`<#${CHAT}>`));
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('/invite @Pilot Desk');
    expect(told[0]!.text).toContain(project.ref);
  });

  it('/invite @Pilot Desk, answered by the sandbox as Slack answers it; then the next card arrives, also after a restart', async () => {
    expect(await post(sandbox.url, 'say', { user: STAFF, channel: CHAT, text: '/invite @someone' })).toEqual({
      ok: true,
    });
    expect(sandbox.slack.visibleMessages(STAFF, CHAT).at(-1)?.text).toContain('沙盒中只能邀请 @Pilot Desk');
    await post(sandbox.url, 'say', { user: STAFF, channel: CHAT, text: '/invite @Pilot Desk' });
    expect(sandbox.slack.visibleMessages(MANAGER, CHAT).at(-1)?.text).toContain('已加入频道');
    await post(sandbox.url, 'say', { user: STAFF, channel: CHAT, text: '/invite @Pilot Desk' });
    expect(sandbox.slack.visibleMessages(STAFF, CHAT).at(-1)?.text).toContain('已在本频道中');
    await apply(CHAT, '邀请之后的申请');
    expect(cards('邀请之后的申请')).toHaveLength(1);
    await sandbox.stop();
    sandbox = await start();
    await apply(CHAT, '重启之后的申请');
    expect(cards('重启之后的申请')).toHaveLength(1);
  });
});

async function post(base: string, action: string, body: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${base}sandbox/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}
