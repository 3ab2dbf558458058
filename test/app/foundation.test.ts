import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INTAKE } from '../../src/projects/ids.ts';
import { ADMIN, startTestApp, type TestApp } from '../support/app.ts';

const CHANNEL = 'C0PILOTWG1';

/** A filled-in intake form, as Slack sends it back on submission. */
function intakeValues(over: { title?: string; scenario?: string; technologies?: string[]; owner?: string } = {}) {
  return {
    [INTAKE.blocks.title]: { [INTAKE.actions.title]: over.title ?? '基于区块链的基金份额登记' },
    [INTAKE.blocks.scenario]: { [INTAKE.actions.scenario]: over.scenario ?? '公募基金份额登记与过户' },
    [INTAKE.blocks.technologies]: {
      [INTAKE.actions.technologies]: {
        type: 'multi_static_select',
        selected_options: (over.technologies ?? ['blockchain']).map((v) => ({
          value: v,
          text: { type: 'plain_text', text: v },
        })),
      },
    },
    [INTAKE.blocks.owner]: { [INTAKE.actions.owner]: { type: 'users_select', selected_user: over.owner ?? ADMIN } },
    [INTAKE.blocks.contactName]: { [INTAKE.actions.contact]: '王联系' },
    [INTAKE.blocks.contactPhone]: { [INTAKE.actions.contact]: '+86 21 5555 0101' },
  };
}

describe('foundation: the app over signed HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => t.fake.reset());

  it('GET /healthz answers 200 with JSON while the database answers', async () => {
    const res = await fetch(`${t.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('a signed /pilot help gets an ephemeral usage text', async () => {
    const res = await t.slack.command({ text: 'help', userId: 'U0SOMEONE', channelId: CHANNEL });
    expect(res.status).toBe(200);
    const answer = await t.fake.waitForResponse();
    expect(answer.body.response_type).toBe('ephemeral');
    expect(String(answer.body.text)).toContain('/pilot new pilot');
  });

  it.each(['unsigned', 'wrong', 'stale'] as const)('a %s request gets 401 and changes nothing', async (signing) => {
    const res = await t.slack.command({ text: 'new pilot', userId: ADMIN, channelId: CHANNEL }, { signing });
    expect(res.status).toBe(401);
    await t.server.services.idle();
    expect(t.fake.callsTo('views.open')).toHaveLength(0);
    expect(t.fake.responses).toHaveLength(0);
  });

  it('an unknown subcommand is answered with what was wrong and the usage', async () => {
    await t.slack.command({ text: 'frobnicate', userId: 'U0SOMEONE', channelId: CHANNEL });
    const answer = await t.fake.waitForResponse();
    expect(String(answer.body.text)).toContain('frobnicate');
    expect(String(answer.body.text)).toContain('/pilot help');
    expect(String(answer.body.text)).not.toMatch(/at \w+ \(|Error:/);
  });

  it('someone without a role cannot open the intake form and is told why', async () => {
    await t.slack.command({ text: 'new pilot', userId: 'U0NOBODY', channelId: CHANNEL });
    const answer = await t.fake.waitForResponse();
    expect(String(answer.body.text)).toContain('/pilot roles grant');
    expect(t.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('/pilot new pilot → modal → submission creates the project, its audit row and a confirmation', async () => {
    const res = await t.slack.command({ text: 'new pilot', userId: ADMIN, channelId: CHANNEL, triggerId: '1.2.abc' });
    expect(res.status).toBe(200);
    const open = await t.fake.waitForCall('views.open');
    expect(open.args.trigger_id).toBe('1.2.abc');
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(INTAKE.callbackId);

    const before = await t.server.db.prisma.project.count();
    const submitted = await t.slack.interaction(
      t.slack.viewSubmission({
        userId: ADMIN,
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: intakeValues(),
      }),
    );
    expect(submitted.status).toBe(200);
    expect(submitted.text).toBe('');

    const projects = await t.server.db.prisma.project.findMany({ orderBy: { createdAt: 'asc' } });
    expect(projects).toHaveLength(before + 1);
    const project = projects.at(-1)!;
    expect(project.ref).toMatch(/^P-\d{4}-\d{3}$/);
    expect(project).toMatchObject({
      title: '基于区块链的基金份额登记',
      track: 'pilot',
      createdById: ADMIN,
      stage: 'intake',
    });
    const audit = await t.server.db.prisma.auditEvent.findMany({ where: { projectId: project.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: ADMIN, eventType: 'project.created', actorRoles: ['admin'] });

    const posted = await t.fake.waitForCall('chat.postMessage', (c) => String(c.args.text).includes(project.ref));
    expect(posted.args.channel).toBe(CHANNEL);
    await t.server.services.idle();
    const outbox = await t.server.db.prisma.outboxMessage.findMany({ where: { projectId: project.id } });
    expect(outbox.map((o) => o.status)).toEqual(['sent']);
  });

  it('consecutive projects get consecutive references', async () => {
    const refs: string[] = [];
    for (const title of ['甲项目', '乙项目']) {
      await t.slack.interaction(
        t.slack.viewSubmission({
          userId: ADMIN,
          callbackId: INTAKE.callbackId,
          privateMetadata: JSON.stringify({ v: 1, track: 'pilot', channelId: CHANNEL }),
          values: intakeValues({ title }),
        }),
      );
      const p = await t.server.db.prisma.project.findFirstOrThrow({ where: { title } });
      refs.push(p.ref);
    }
    const [a, b] = refs.map((r) => Number(r.slice(-3)));
    expect(b).toBe(a! + 1);
  });

  it('an invalid submission comes back as inline field errors and stores nothing', async () => {
    const before = await counts(t);
    const res = await t.slack.interaction(
      t.slack.viewSubmission({
        userId: ADMIN,
        callbackId: INTAKE.callbackId,
        privateMetadata: JSON.stringify({ v: 1, track: 'pilot', channelId: CHANNEL }),
        values: intakeValues({ title: '   ', technologies: [] }),
      }),
    );
    expect(res.status).toBe(200);
    const body = res.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual([INTAKE.blocks.technologies, INTAKE.blocks.title].sort());
    expect(body.errors[INTAKE.blocks.title]).toBe('请填写项目名称。');
    expect(await counts(t)).toEqual(before);
  });

  it('tampered private_metadata is refused inline and stores nothing', async () => {
    const before = await counts(t);
    const res = await t.slack.interaction(
      t.slack.viewSubmission({
        userId: ADMIN,
        callbackId: INTAKE.callbackId,
        privateMetadata: JSON.stringify({ v: 1, track: 'pilot', channelId: 'not a channel' }),
        values: intakeValues(),
      }),
    );
    const body = res.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe('errors');
    expect(body.errors[INTAKE.blocks.title]).toContain('/pilot new pilot');
    expect(await counts(t)).toEqual(before);
  });
});

async function counts(t: TestApp) {
  const p = t.server.db.prisma;
  return {
    projects: await p.project.count(),
    audit: await p.auditEvent.count(),
    outbox: await p.outboxMessage.count(),
  };
}
