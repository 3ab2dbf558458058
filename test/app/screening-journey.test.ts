import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labels } from '../../machines/shared/labels.ts';
import { usccCheckChar } from '../../machines/shared/uscc.ts';
import { fixedClock } from '../../src/clock.ts';
import { catalogs } from '../../src/i18n/index.ts';
import { unresolvedLabels } from '../../src/i18n/labels.ts';
import { INTAKE } from '../../src/projects/ids.ts';
import { EXPERTS } from '../../src/review/ids.ts';
import { ADMIN, startTestApp, type TestApp } from '../support/app.ts';
import { TYPICAL_REVIEW } from '../support/experts.ts';
import { input, SlackUser } from '../support/slack-user.ts';

const code = (first17: string) => first17 + usccCheckChar(first17);
const clock = fixedClock('2026-11-26T02:00:00Z');
const TODAY = '2026-11-26';
const CHANNEL = 'C0PILOTWG1';
const APPLICANT = '上海某证券股份有限公司';
const APPLICANT_USCC = code('91310000MA1FL0002');

type Block = { type: string; block_id?: string; elements?: Array<Record<string, unknown>> };

// Every catalog and label namespace: a visible text containing `<namespace>.<word>` is a key that did not resolve.
const NAMESPACES = [
  ...new Set([...Object.keys(catalogs['zh-CN']), ...Object.keys(labels['zh-CN'])].map((k) => k.split('.')[0]!)),
].filter((ns) => ns.length > 2);
// A key of a known namespace, or any dotted name with a camelCase part (material.projectPlan), outside URLs and mails.
const RAW_KEY = new RegExp(
  `(?<![\\w/.@-])(?:(?:${NAMESPACES.join('|')})\\.[a-z][A-Za-z]+|[a-z]+(?:\\.[A-Za-z]+)*\\.[a-z]+[A-Z][A-Za-z]*)`,
);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const PLACEHOLDER = /\{[a-zA-Z]+\}/;
// What Slack shows people; ids, values and metadata are for the app and may hold anything.
const HIDDEN = new Set(['value', 'action_id', 'block_id', 'private_metadata', 'callback_id', 'url', 'ts', 'channel']);

function visibleTexts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const n of node) visibleTexts(n, out);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) if (!HIDDEN.has(k)) visibleTexts(v, out);
  return out;
}

describe('one application through screening with the channel card and DMs alone (issue 15)', () => {
  let t: TestApp;
  let admin: SlackUser;
  let staffA: SlackUser;
  let staffB: SlackUser;
  let experts: SlackUser[];
  let ref = '';

  /** The project's card in the channel as it stands: the first post, then its latest update in place. */
  const channelCard = (): Block[] => {
    const post = t.fake
      .callsTo('chat.postMessage')
      .find((c) => c.args.channel === CHANNEL && !c.args.thread_ts && String(c.args.text).startsWith(ref));
    if (!post)
      throw new Error(
        `no card for ${ref} in ${CHANNEL}: ${JSON.stringify(t.fake.calls.map((c) => [c.method, c.args.channel, String(c.args.text).slice(0, 40), JSON.stringify(c.response).slice(0, 80)]))}`,
      );
    const ts = (post.response as { ts: string }).ts;
    const update = t.fake.callsTo('chat.update').filter((c) => c.args.ts === ts);
    return ((update.at(-1) ?? post).args.blocks ?? []) as Block[];
  };
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await t.server.services.idle();
      await t.server.services.flushOutbox();
    }
    await t.server.services.idle();
  };
  const invitation = (u: SlackUser) => u.dms().find((m) => m.text.includes(`邀请您评审项目 ${ref}`));
  const reports = () =>
    t.fake
      .callsTo('chat.postMessage')
      .filter((c) => String(c.args.text).includes(`项目 ${ref}`) && String(c.args.text).includes('评审专家'));

  beforeAll(async () => {
    t = await startTestApp({ server: { clock } });
    admin = new SlackUser(t, ADMIN);
    staffA = new SlackUser(t, 'U0STAFFA01');
    staffB = new SlackUser(t, 'U0STAFFB01');
    experts = [1, 2, 3, 4, 5].map((n) => new SlackUser(t, `U0EXPERT0${n}`));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('an admin grants staff and names the working group channel; nothing else is set up by hand', async () => {
    for (const u of [staffA, staffB]) await admin.command(`roles grant <@${u.id}|x> staff`);
    const set = await admin.command('settings workgroup');
    expect(set.text).toContain(`<#${CHANNEL}>`);
    expect((await staffA.command('settings workgroup off')).text).toContain('管理员');
    expect((await staffA.command('settings')).text).toContain(`<#${CHANNEL}>`);
    await staffA.command('batch open 2026年第一批 2026-11-01 2026-12-31');
  });

  it('staff add experts by the tags the pool shows, in Chinese; one is affiliated with the applicant', async () => {
    const added = await staffA.command(`experts add <@${experts[0]!.id}|x> 区块链 风险管理`);
    expect(added.text).toContain('评审专家角色');
    await staffA.command(`experts add <@${experts[1]!.id}|x> blockchain`);
    await staffA.command(`experts add <@${experts[2]!.id}|x> 区块链，合规`);
    await staffA.command(`experts add <@${experts[4]!.id}|x> 风险管理`);
    const bad = await staffA.command(`experts add <@${experts[3]!.id}|x> 量子计算`);
    expect(bad.text).toContain('量子计算');
    expect(bad.text).toContain('区块链');
    const { view } = await staffA.press((await staffA.command('experts')).blocks, EXPERTS.addAction);
    expect(
      await staffA.submit(view!, {
        [EXPERTS.blocks.user]: input.user(experts[3]!.id),
        [EXPERTS.blocks.tags]: { type: 'multi_static_select', selected_options: [{ value: 'blockchain' }] },
        [EXPERTS.blocks.maxLoad]: { type: 'number_input', value: '3' },
        [EXPERTS.blocks.affiliations]: `${APPLICANT} | ${APPLICANT_USCC}`,
      }),
    ).toEqual({});
    const pool = await staffA.command('experts');
    expect(pool.text).toContain('专家库（5 人）');
    const roles = await admin.command('roles list');
    for (const e of experts) expect(roles.text).toContain(`<@${e.id}>`);
    expect(roles.text).toContain('评审专家（reviewer）');
  });

  it('the application is created, completed and submitted from the card in the channel', async () => {
    const before = t.fake.callsTo('views.open').length;
    await t.slack.command({
      text: 'new pilot',
      userId: staffA.id,
      channelId: CHANNEL,
      responseUrl: t.fake.responseUrl(),
    });
    const open = await t.fake.waitForCall('views.open', (c) => t.fake.callsTo('views.open').indexOf(c) >= before);
    expect(
      await staffA.submit(open.args.view as never, {
        [INTAKE.blocks.title]: '区块链基金份额登记',
        [INTAKE.blocks.scenario]: '公募基金份额登记与过户',
        [INTAKE.blocks.technologies]: { type: 'multi_static_select', selected_options: [{ value: 'blockchain' }] },
        [INTAKE.blocks.owner]: input.user(staffA.id),
        [INTAKE.blocks.contactName]: '王联系',
        [INTAKE.blocks.contactPhone]: '+86 21 5555 0101',
      }),
    ).toEqual({});
    await settle();
    ref = (await t.server.db.prisma.project.findFirstOrThrow({ where: { title: '区块链基金份额登记' } })).ref;

    const card = JSON.stringify(channelCard());
    expect(card).toContain('项目方案');
    expect(card).not.toContain('+86 21 5555 0101');
    const applicant = await staffA.press(channelCard(), 'intake.applicant.add');
    const ok = await staffA.submit(applicant.view!, {
      name: APPLICANT,
      uscc: APPLICANT_USCC,
      institutionType: input.select('securitiesCompany'),
      'registration.province': '上海市',
      'registration.city': '上海市',
      licenceNumber: 'L-0001',
      lead: input.check(true),
    });
    expect(ok.response_action).toBe('update');
    expect(JSON.stringify(ok.view)).toContain('符合申报条件');
    const saved = await t.server.db.prisma.project.findFirstOrThrow({ where: { ref } });
    expect(JSON.stringify(saved.snapshot)).toContain('"mainOffice":{"city":"上海市","province":"上海市"}');

    const materials = await staffA.press(channelCard(), 'intake.materials');
    expect(JSON.stringify(materials.view)).toContain('风险评估及防范安排');
    await staffA.submit(materials.view!, {
      projectPlan: input.url('https://files.example.org/plan.pdf'),
      riskAssessment: input.url('https://files.example.org/risk.pdf'),
      emergencyPlan: input.url('https://files.example.org/emergency.pdf'),
      exitPlan: input.url('https://files.example.org/exit.pdf'),
      investorProtection: input.url('https://files.example.org/investors.pdf'),
    });
    await settle();
    expect(JSON.stringify(channelCard())).toContain('申报材料：齐全');

    // An admin revokes one expert's reviewer role before the invitations go out (it happens: a mistaken revoke).
    await admin.command(`roles revoke <@${experts[2]!.id}|x> reviewer`);
    const submit = await staffA.press(channelCard(), 'project.act.intake.submit');
    expect(await staffA.submit(submit.view!, { 'f.factDate': input.date(TODAY) })).toEqual({});
    await settle();
    const shown = JSON.stringify(channelCard());
    expect(shown).toContain('批次：2026年第一批');
    expect(visibleTexts(channelCard()).filter((text) => UUID.test(text))).toEqual([]);
  });

  it('R-APP-2: the three eligible experts are invited in their DMs; the affiliated one never is', async () => {
    for (const e of experts.slice(0, 3)) expect(invitation(e)).toBeDefined();
    expect(invitation(experts[3]!)).toBeUndefined();
    expect(invitation(experts[4]!)).toBeUndefined();
  });

  it('staff are told at once that an invited expert cannot answer, and saving the expert again fixes it', async () => {
    const report = reports().find((c) => String(c.args.text).includes('已自动邀请 3 位'));
    expect(String(report?.args.text)).toContain(`⚠ <@${experts[2]!.id}> 没有评审专家角色`);
    const { view } = await experts[2]!.press(invitation(experts[2]!)!.blocks, 'review.accept');
    const refused = await experts[2]!.submit(view!, {
      declaration: { type: 'checkboxes', selected_options: [{ value: 'declared' }] },
    });
    expect(refused.errors?.declaration).toContain('需要角色：评审专家');
    expect(refused.errors?.declaration).toContain('请联系管理员');
    const again = await staffA.command(`experts add <@${experts[2]!.id}|x> 区块链`);
    expect(again.text).toContain('评审专家角色');
  });

  it('R-APP-2: an expert with no role but the pool declines; the replacement is the same news to owner and channel', async () => {
    const answered = await experts[0]!.press(invitation(experts[0]!)!.blocks, 'review.decline');
    expect(answered.answer?.text).toContain('谢绝');
    await settle();
    expect(invitation(experts[4]!)).toBeDefined();
    expect(invitation(experts[3]!)).toBeUndefined();
    const toOwner = staffA.dms().map((m) => m.text);
    expect(toOwner.join('\n')).not.toContain('系统正在邀请下一位');
    const replacement = reports().filter((c) => String(c.args.text).includes(`<@${experts[4]!.id}>`));
    expect(replacement.map((c) => c.args.channel).sort()).toEqual([CHANNEL, staffA.id].sort());
    expect(new Set(replacement.map((c) => c.args.text)).size).toBe(1);
  });

  it('the remaining experts accept with the declaration and review from their DMs', async () => {
    for (const e of [experts[1]!, experts[2]!, experts[4]!]) {
      const { view } = await e.press(invitation(e)!.blocks, 'review.accept');
      expect(
        await e.submit(view!, { declaration: { type: 'checkboxes', selected_options: [{ value: 'declared' }] } }),
      ).toEqual({});
      await settle();
      const accepted = e.dms().find((m) => m.text.includes(`您已接受评审项目 ${ref}`))!;
      const form = await e.press(accepted.blocks, 'review.form');
      expect(await e.submit(form.view!, TYPICAL_REVIEW)).toEqual({});
    }
    await settle();
    const card = JSON.stringify(channelCard());
    expect(card).toContain('专家评审（已提交 3/3）');
    expect(card).toContain(`<@${experts[1]!.id}>`);
  });

  it('two staff decide on the channel card: a confirm dialog, the proposer refused by the two-person rule', async () => {
    const propose = channelCard()
      .flatMap((b) => b.elements ?? [])
      .find((e) => String(e.action_id).startsWith('project.act.decision.propose.screeningPass'));
    expect(propose?.confirm).toBeDefined();
    const proposed = await staffA.press(channelCard(), 'project.act.decision.propose.screeningPass');
    expect(proposed.answer?.text).toContain(ref);
    await settle();
    expect(JSON.stringify(channelCard())).toContain('待确认');
    const refused = await staffA.press(channelCard(), 'project.act.decision.confirm');
    expect(refused.answer?.text).toContain('两人规则');
    expect(refused.answer?.text).not.toContain('阶段');
    const confirmed = await staffB.press(channelCard(), 'project.act.decision.confirm');
    expect(confirmed.answer?.text).toContain(ref);
    await settle();
    expect((await t.server.db.prisma.project.findFirstOrThrow({ where: { ref } })).stage).toBe('csrcEvaluation');
  });

  it('someone without a role pressing a card button is told the role in words and whom to ask', async () => {
    const stranger = new SlackUser(t, 'U0STRANGER1');
    const { answer } = await stranger.press(channelCard(), 'project.act.csrc.forwarded');
    expect(answer?.text).toContain('工作组人员');
    expect(answer?.text).toContain(`<@${ADMIN}>`);
    expect(answer?.text).not.toMatch(/\bstaff\b/);
  });

  it('a channel that is not the working group sees the buttons but no reviewer names', async () => {
    await admin.command('settings workgroup off');
    await settle();
    const card = JSON.stringify(channelCard());
    expect(card).not.toContain(experts[1]!.id);
    expect(SlackUser.buttons(channelCard()).some((id) => id.startsWith('project.act.'))).toBe(true);
  });

  it('nothing the bot sent shows an unresolved key, a placeholder or a raw id', () => {
    // The detector itself: what the card showed before the labels were fixed, and what it must let through.
    expect(RAW_KEY.test('申报材料缺：material.projectPlan')).toBe(true);
    expect(RAW_KEY.test('需要角色：review.accepted')).toBe(true);
    expect(RAW_KEY.test('https://files.example.org/plan.pdf 与 a.b@example.org')).toBe(false);
    const sent = [
      ...t.fake.calls.filter((c) => c.method.startsWith('chat.') || c.method.startsWith('views.')).map((c) => c.args),
      ...t.fake.responses.map((r) => r.body),
    ];
    const problems = sent
      .flatMap((s) => visibleTexts(s))
      .filter((text) => RAW_KEY.test(text) || UUID.test(text) || PLACEHOLDER.test(text));
    expect(problems).toEqual([]);
    expect(sent.length).toBeGreaterThan(50);
    expect(unresolvedLabels()).toEqual([]);
  });
});
