import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../machines/shared/uscc.ts';
import { fixedClock } from '../../src/clock.ts';
import { INTAKE } from '../../src/projects/ids.ts';
import { ADMIN, startTestApp, type TestApp } from '../support/app.ts';
import { TYPICAL_REVIEW } from '../support/experts.ts';
import { input, SlackUser } from '../support/slack-user.ts';

const code = (first17: string) => first17 + usccCheckChar(first17);
const clock = fixedClock('2026-11-26T02:00:00Z');
const TODAY = '2026-11-26';

describe('a pilot from intake to the public notice, by buttons and modals only', () => {
  let t: TestApp;
  let admin: SlackUser;
  let staffA: SlackUser;
  let staffB: SlackUser;
  let reviewers: SlackUser[];
  let ref = '';

  beforeAll(async () => {
    t = await startTestApp({ server: { clock } });
    admin = new SlackUser(t, ADMIN);
    staffA = new SlackUser(t, 'U0STAFFA01');
    staffB = new SlackUser(t, 'U0STAFFB01');
    reviewers = [1, 2, 3].map((n) => new SlackUser(t, `U0REVIEW0${n}`));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('an admin grants the roles; someone else cannot', async () => {
    for (const [u, role] of [
      [staffA, 'staff'],
      [staffB, 'staff'],
      ...reviewers.map((r) => [r, 'reviewer'] as const),
    ] as const) {
      const answer = await admin.command(`roles grant <@${u.id}|someone> ${role}`);
      expect(answer.text).toContain(role);
    }
    const refused = await staffA.command(`roles grant <@U0NOBODY1|x> admin`);
    expect(refused.text).toContain('管理员');
    expect((await admin.command('roles list')).text).toContain(`<@${staffA.id}>`);
  });

  it('R-APP-2: staff put the three experts in the pool by command', async () => {
    for (const r of reviewers) {
      const answer = await staffA.command(`experts add <@${r.id}|expert> blockchain risk`);
      expect(answer.text).toContain(`<@${r.id}>`);
    }
    const pool = await staffA.command('experts');
    expect(pool.text).toContain('专家库（3 人）');
    expect(pool.text).toContain('/pilot experts auto off');
  });

  it('R-BATCH-1: staff schedule a batch by command', async () => {
    const answer = await staffA.command('batch open 2026年第一批 2026-11-01 2026-12-31');
    expect(answer.text).toContain('2026年第一批');
    expect((await staffA.command('batch list')).text).toContain('征集中');
  });

  it('the intake form creates the project', async () => {
    const before = t.fake.callsTo('views.open').length;
    await t.slack.command({
      text: 'new pilot',
      userId: staffA.id,
      channelId: staffA.channelId,
      responseUrl: t.fake.responseUrl(),
    });
    const open = await t.fake.waitForCall('views.open', (c) => t.fake.callsTo('views.open').indexOf(c) >= before);
    const answer = await staffA.submit(open.args.view as never, {
      [INTAKE.blocks.title]: '区块链基金份额登记',
      [INTAKE.blocks.scenario]: '公募基金份额登记与过户',
      [INTAKE.blocks.technologies]: { type: 'multi_static_select', selected_options: [{ value: 'blockchain' }] },
      [INTAKE.blocks.owner]: input.user(staffA.id),
      [INTAKE.blocks.contactName]: '王联系',
      [INTAKE.blocks.contactPhone]: '+86 21 5555 0101',
    });
    expect(answer).toEqual({});
    const project = await t.server.db.prisma.project.findFirstOrThrow({ where: { title: '区块链基金份额登记' } });
    ref = project.ref;
    expect(ref).toBe('P-2026-001');
  });

  it('R-ELIG-1: the applicant form answers with the eligibility check, per rule', async () => {
    const card = await staffA.card(ref);
    expect(SlackUser.buttons(card)).toContain('intake.applicant.add');
    const { view } = await staffA.press(card, 'intake.applicant.add');
    const bad = await staffA.submit(view!, {
      name: '某证券股份有限公司',
      uscc: '91310000XXXXXXXXX0',
      institutionType: input.select('securitiesCompany'),
    });
    expect(bad.response_action).toBe('errors');
    expect(Object.keys(bad.errors ?? {})).toContain('uscc');
    const ok = await staffA.submit(view!, {
      name: '某证券股份有限公司',
      uscc: code('91310000MA1FL0001'),
      institutionType: input.select('securitiesCompany'),
      'registration.province': '上海市',
      'registration.city': '上海市',
      'mainOffice.province': '上海',
      'mainOffice.city': '上海',
      licenceNumber: 'L-0001',
      lead: input.check(true),
    });
    expect(ok.response_action).toBe('update');
    const shown = JSON.stringify(ok.view);
    expect(shown).toContain('R-ELIG-1');
    expect(shown).toContain('符合申报条件');
  });

  it('R-APP-8: submission is refused while materials are missing; the materials form records links', async () => {
    const card = await staffA.card(ref);
    expect(JSON.stringify(card)).toContain('申报材料缺');
    expect(SlackUser.buttons(card).some((id) => id.startsWith('project.act.intake.submit'))).toBe(false);
    const { view } = await staffA.press(card, 'intake.materials');
    const bad = await staffA.submit(view!, { projectPlan: input.url('not a link') });
    expect(bad.response_action).toBe('errors');
    const ok = await staffA.submit(view!, {
      projectPlan: input.url('https://files.example.org/plan.pdf'),
      riskAssessment: input.url('https://files.example.org/risk.pdf'),
      emergencyPlan: input.url('https://files.example.org/emergency.pdf'),
      exitPlan: input.url('https://files.example.org/exit.pdf'),
      investorProtection: input.url('https://files.example.org/investors.pdf'),
    });
    expect(ok.response_action).toBe('update');
    expect(JSON.stringify(await staffA.card(ref))).toContain('申报材料：齐全');
  });

  it('R-APP-1: submitting joins the open batch and moves the project to screening', async () => {
    const { view } = await staffA.press(await staffA.card(ref), 'project.act.intake.submit');
    expect(JSON.stringify(view)).toContain(TODAY);
    expect(await staffA.submit(view!, { 'f.factDate': input.date(TODAY) })).toEqual({});
    const project = await t.server.db.prisma.project.findUniqueOrThrow({ where: { ref } });
    expect(project.stage).toBe('screening');
    const batch = await t.server.db.prisma.batch.findUniqueOrThrow({ where: { name: '2026年第一批' } });
    expect(JSON.stringify(project.snapshot)).toContain(batch.id);
  });

  it('R-APP-2: entering screening invited the three experts automatically; they accept and review from their DMs', async () => {
    await t.server.services.idle();
    const report = t.fake
      .callsTo('chat.postMessage')
      .find((c) => String(c.args.text).includes(`项目 ${ref} 已自动邀请 3 位评审专家`));
    expect(report).toBeDefined();
    for (const r of reviewers) expect(String(report!.args.text)).toContain(`<@${r.id}> · 匹配领域：区块链 · 在审 0/3`);
    for (const r of reviewers) {
      const invitation = r.dms().find((m) => m.text.includes(`邀请您评审项目 ${ref}`))!;
      expect(JSON.stringify(invitation.blocks)).toContain('https://files.example.org/plan.pdf');
      const { view } = await r.press(invitation.blocks, 'review.accept');
      expect((await r.submit(view!, {})).response_action).toBe('errors');
      expect(
        await r.submit(view!, { declaration: { type: 'checkboxes', selected_options: [{ value: 'declared' }] } }),
      ).toEqual({});
      await t.server.services.idle();
      const accepted = r.dms().find((m) => m.text.includes(`您已接受评审项目 ${ref}`))!;
      const form = await r.press(accepted.blocks, 'review.form');
      const missing = await r.submit(form.view!, {});
      expect(missing.response_action).toBe('errors');
      expect(await r.submit(form.view!, TYPICAL_REVIEW)).toEqual({});
    }
    const card = JSON.stringify(await staffA.card(ref));
    expect(card).toContain('专家评审（已提交 3/3）');
    expect(card).toContain('依法合规：平均 4.0，最低 4，最高 4');
  });

  it('two-person rule: the proposer sees no confirm button; a second staff member confirms', async () => {
    const proposed = await staffA.press(await staffA.card(ref), 'project.act.decision.propose.screeningPass');
    expect(proposed.answer?.text).toContain(ref);
    const proposerCard = await staffA.card(ref);
    expect(JSON.stringify(proposerCard)).toContain('待确认');
    expect(SlackUser.buttons(proposerCard).some((id) => id.startsWith('project.act.decision.confirm'))).toBe(false);
    const confirmed = await staffB.press(await staffB.card(ref), 'project.act.decision.confirm');
    expect(confirmed.answer?.text).toContain(ref);
    expect((await t.server.db.prisma.project.findUniqueOrThrow({ where: { ref } })).stage).toBe('csrcEvaluation');
  });

  it('R-APP-4: the CSRC steps are recorded with the letter date', async () => {
    const forwarded = await staffA.press(await staffA.card(ref), 'project.act.csrc.forwarded');
    expect(await staffA.submit(forwarded.view!, { 'f.factDate': input.date(TODAY) })).toEqual({});
    const recorded = await staffA.press(await staffA.card(ref), 'project.act.csrc.evaluationRecorded');
    expect(
      await staffA.submit(recorded.view!, {
        'f.factDate': input.date(TODAY),
        'f.outcome': input.select('passed'),
        'f.letterRef': '科技监管局函〔2026〕1号',
      }),
    ).toEqual({});
    const published = await staffA.press(await staffA.card(ref), 'project.act.notice.published');
    expect(await staffA.submit(published.view!, { 'f.factDate': input.date(TODAY) })).toEqual({});
    const project = await t.server.db.prisma.project.findUniqueOrThrow({
      where: { ref },
      include: { deadlines: true },
    });
    expect(project.stage).toBe('publicNotice');
    expect(project.deadlines.map((d) => d.kind)).toContain('noticeCloses');
    expect(JSON.stringify(await staffA.card(ref))).toContain('公示期届满');
  });

  it('R-APP-5: the public comment register: source, risk flag, a system-given id, a disposition with its kind', async () => {
    const comments = [
      { summary: '建议补充投资者适当性安排', source: 'investor', risk: true },
      { summary: '询问数据存储地点', source: 'media', risk: false },
    ];
    for (const c of comments) {
      const logged = await staffA.press(await staffA.card(ref), 'project.act.notice.commentLogged');
      expect(JSON.stringify(logged.view)).not.toContain('f.commentId');
      expect(JSON.stringify(logged.view)).toContain('意见来源');
      expect(
        await staffA.submit(logged.view!, {
          'f.factDate': input.date(TODAY),
          'f.source': input.select(c.source),
          'f.summary': c.summary,
          'f.raisesRisk': input.check(c.risk),
        }),
      ).toEqual({});
    }
    const card = JSON.stringify(await staffA.card(ref));
    expect(card).toContain('未处理的公众意见：2 条');
    expect(card).toContain('c1［投资者］:warning: 涉及风险 建议补充投资者适当性安排 — 待处理');
    expect(card).toContain('c2［媒体］询问数据存储地点 — 待处理');
    const disposed = await staffA.press(await staffA.card(ref), 'project.act.notice.commentDisposed');
    expect(JSON.stringify(disposed.view)).toContain('建议补充投资者适当性安排');
    expect(
      await staffA.submit(disposed.view!, {
        'f.commentId': input.select('c1'),
        'f.dispositionKind': input.select('acceptedPlanRevised'),
        'f.disposition': '已采纳，修订方案第 5 节',
      }),
    ).toEqual({});
    const after = JSON.stringify(await staffA.card(ref));
    expect(after).toContain('未处理的公众意见：1 条');
    expect(after).toContain('— 已处理（采纳并修订方案）：已采纳，修订方案第 5 节');
  });

  it('R-APP-5: the notice period ends by itself after 10 working days (the scheduler), opening pre-launch', async () => {
    clock.set('2026-12-11T01:30:00Z');
    await t.server.tick();
    await t.server.tick();
    const project = await t.server.db.prisma.project.findUniqueOrThrow({
      where: { ref },
      include: { deadlines: true },
    });
    expect(project.stage).toBe('preLaunch');
    expect(project.deadlines.find((d) => d.kind === 'noticeCloses')?.status).toBe('met');
    expect(project.deadlines.find((d) => d.kind === 'commitmentDue')?.status).toBe('open');
  });

  it('R-APP-6: launch is refused while a comment has no disposition, and the refusal names it', async () => {
    const refused = await staffA.command(`do ${ref} decision.propose:launch`);
    expect(refused.text).toContain('c2');
    expect(refused.text).toContain('询问数据存储地点');
    const disposed = await staffA.press(await staffA.card(ref), 'project.act.notice.commentDisposed');
    expect(
      await staffA.submit(disposed.view!, {
        'f.commentId': input.select('c2'),
        'f.disposition': '数据存储于境内，已在方案中说明',
      }),
    ).toEqual({});
  });

  it('R-APP-6: with the risk assessment and the written commitment in, two people launch the pilot', async () => {
    const risk = await staffA.press(await staffA.card(ref), 'project.act.risk.assessmentRecorded');
    expect(await staffA.submit(risk.view!, { 'f.majorHiddenRisk': input.check(false) })).toEqual({});
    const commitment = await staffA.press(await staffA.card(ref), 'project.act.commitment.received');
    expect(
      await staffA.submit(commitment.view!, {
        'f.factDate': input.date('2026-12-11'),
        'f.documentRef': '承诺书〔2026〕8号',
      }),
    ).toEqual({});
    const proposed = await staffA.press(await staffA.card(ref), 'project.act.decision.propose.launch');
    expect(proposed.answer?.text).toContain(ref);
    await staffB.press(await staffB.card(ref), 'project.act.decision.confirm');
    const announced = await staffA.press(await staffA.card(ref), 'project.act.launch.announced');
    expect(await staffA.submit(announced.view!, { 'f.factDate': input.date('2026-12-14') })).toEqual({});
    const project = await t.server.db.prisma.project.findUniqueOrThrow({
      where: { ref },
      include: { deadlines: true },
    });
    expect(project.stage).toBe('piloting');
    expect(project.deadlines.map((d) => d.kind)).toContain('stageEvaluation');
    // R-SUP-1 (decision 023): the report calendar is planned from the launch date, a year ahead; each period's
    // deadline row comes when the period begins.
    expect(await t.server.db.prisma.reportPeriod.count({ where: { projectId: project.id } })).toBeGreaterThanOrEqual(4);
  });

  it('the channel card is posted once, updated in place after each change, and the thread tells the story', async () => {
    await t.server.services.idle();
    await t.server.tick();
    const project = await t.server.db.prisma.project.findUniqueOrThrow({ where: { ref } });
    expect(project.cardTs).toBeTruthy();
    const cards = t.fake
      .callsTo('chat.postMessage')
      .filter((c) => String(c.args.text).startsWith(ref) && !c.args.thread_ts);
    expect(cards).toHaveLength(1);
    const updates = t.fake.callsTo('chat.update').filter((c) => c.args.ts === project.cardTs);
    expect(updates.length).toBeGreaterThan(10);
    expect(JSON.stringify(updates.at(-1)!.args.blocks)).toContain('试点运行中');
    const thread = t.fake.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === project.cardTs);
    expect(thread.length).toBeGreaterThan(10);
    expect(thread.map((c) => String(c.args.text)).join('\n')).toContain('发布公示');
  });

  it('personal data: the contact person is shown to staff only, never to a reviewer', async () => {
    expect(JSON.stringify(await staffA.card(ref))).toContain('+86 21 5555 0101');
    expect(JSON.stringify(await reviewers[0]!.card(ref))).not.toContain('5555');
    const posted = t.fake.callsTo('chat.postMessage').map((c) => JSON.stringify(c.args));
    expect(posted.some((p) => p.includes('5555'))).toBe(false);
  });

  it('every change is in the audit trail with who did it', async () => {
    const project = await t.server.db.prisma.project.findUniqueOrThrow({ where: { ref } });
    const audit = await t.server.db.prisma.auditEvent.findMany({
      where: { projectId: project.id },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.eventType)).toEqual(
      expect.arrayContaining([
        'project.created',
        'intake.update',
        'intake.submit',
        'review.submitted',
        'decision.confirm',
      ]),
    );
    expect(audit.find((a) => a.eventType === 'decision.confirm')?.actorId).toBe(staffB.id);
  });
});
