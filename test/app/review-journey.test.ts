import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { ADMIN, startTestApp, type TestApp } from '../support/app.ts';
import { pilotInput } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';
import { input, SlackUser } from '../support/slack-user.ts';

const clock = fixedClock('2026-11-26T02:00:00Z');
const TODAY = '2026-11-26';
const R3_COMMENT = '第三位专家的独特意见';

describe('expert review in DMs, end to end over signed HTTP (issue 6)', () => {
  let t: TestApp;
  let staff: SlackUser;
  let staffB: SlackUser;
  let manager: SlackUser;
  let r: SlackUser[];
  let ref = '';
  let projectId = '';
  const owner = 'U0OWNER01';

  const scores = (n: string, comment: string) => ({
    'score.legalCompliance': input.select(n),
    'comment.legalCompliance': comment,
    'score.orderlyInnovation': input.select(n),
    'comment.orderlyInnovation': comment,
    'score.riskControllability': input.select(n),
    'comment.riskControllability': comment,
    'score.policyFit': input.select(n),
    'comment.policyFit': comment,
    recommendation: input.select('pass'),
  });
  const invitation = (u: SlackUser) => u.dms().find((m) => m.text.includes(`邀请您评审项目 ${ref}`));
  const settle = async () => {
    await t.server.services.idle();
    await t.server.services.flushOutbox();
    await t.server.services.idle();
  };

  beforeAll(async () => {
    t = await startTestApp({ server: { clock } });
    // The projects' channel (insertProject's default), with the bot invited.
    t.fake.inviteBot('C0PROJECTS');
    const admin = new SlackUser(t, ADMIN);
    staff = new SlackUser(t, 'U0STAFFA01');
    staffB = new SlackUser(t, 'U0STAFFB01');
    manager = new SlackUser(t, 'U0MANAGE01');
    r = [1, 2, 3, 4, 5].map((n) => new SlackUser(t, `U0EXPERT0${n}`));
    for (const [u, role] of [
      [staff, 'staff'],
      [staffB, 'staff'],
      [manager, 'manager'],
      ...r.map((x) => [x, 'reviewer'] as const),
    ] as const)
      await admin.command(`roles grant <@${u.id}|x> ${role}`);
    await staff.command('batch open 2026年第二批 2026-11-01 2026-12-31');
    const p = await insertProject(t.server.db.prisma, {
      ...pilotInput({ ref: 'P-2026-050', title: '链上登记', technologies: ['blockchain'] }),
      track: 'pilot',
    });
    await t.server.db.prisma.project.update({
      where: { id: p.id },
      data: { intake: { scenario: '基金份额链上登记', materials: { projectPlan: 'https://files.example.org/p.pdf' } } },
    });
    ref = p.ref;
    projectId = p.id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('R-APP-2: staff build the pool by command and by the modal, with affiliations', async () => {
    for (const x of r.slice(0, 3)) await staff.command(`experts add <@${x.id}|x> blockchain`);
    await staff.command(`experts add <@${r[3]!.id}|x> risk`);
    const list = await staff.command('experts');
    const { view } = await staff.press(list.blocks as never, 'experts.add');
    const bad = await staff.submit(view!, {
      expert_user: input.user(r[4]!.id),
      expert_max_load: { type: 'number_input', value: '3' },
      expert_affiliations: 'Institution 1 | 91310000XXXXXXXXX0',
    });
    expect(bad.errors?.expert_affiliations).toContain('第 1 行');
    expect(
      await staff.submit(view!, {
        expert_user: input.user(r[4]!.id),
        expert_max_load: { type: 'number_input', value: '3' },
        expert_affiliations: '上海Institution 1有限公司\n旧单位 | | 2020-01-01',
      }),
    ).toEqual({});
    const pool = await staff.command('experts');
    expect(pool.text).toContain('专家库（5 人）');
    expect(JSON.stringify(pool.blocks)).toContain('任职机构 2 个');
  });

  it('R-APP-2: entering screening invites the best three at once, each pick with its reason', async () => {
    const { view } = await staff.press(await staff.card(ref), 'project.act.intake.submit');
    expect(await staff.submit(view!, { 'f.factDate': input.date(TODAY) })).toEqual({});
    await settle();
    const report = t.fake.callsTo('chat.postMessage').find((c) => String(c.args.text).includes('已自动邀请 3 位'));
    expect(String(report?.args.text)).toContain(`<@${r[0]!.id}> · 匹配领域：区块链 · 在审 0/3`);
    for (const x of r.slice(0, 3)) {
      const dm = invitation(x)!;
      expect(JSON.stringify(dm.blocks)).toContain('https://files.example.org/p.pdf');
      expect(JSON.stringify(dm.blocks)).toContain('2026-11-30');
    }
    expect(invitation(r[3]!)).toBeUndefined();
  });

  it('R-APP-2: a decline brings in the next best expert and the owner is told; never the conflicted one', async () => {
    const answered = await r[0]!.press(invitation(r[0]!)!.blocks, 'review.decline');
    expect(answered.answer?.text).toContain('谢绝');
    await settle();
    expect(invitation(r[3]!)).toBeDefined();
    expect(invitation(r[4]!)).toBeUndefined();
    const toOwner = t.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === owner);
    expect(toOwner.map((c) => String(c.args.text)).join('\n')).toContain('一位评审专家谢绝或声明利益冲突');
  });

  it('R-APP-2: a declared conflict is recorded; with nobody eligible left staff are told at once why', async () => {
    await r[1]!.press(invitation(r[1]!)!.blocks, 'review.conflict');
    await settle();
    const declared = await t.server.db.prisma.declaredConflict.findMany({ where: { projectId } });
    expect(declared.map((d) => d.expertId)).toEqual([r[1]!.id]);
    const short = t.fake.callsTo('chat.postMessage').find((c) => String(c.args.text).includes(`项目 ${ref} 仍缺 1 位`));
    const shown = JSON.stringify(short?.args.blocks);
    expect(shown).toContain(`<@${r[4]!.id}>：利益冲突（“上海Institution 1有限公司”即申报机构“Institution 1”）`);
    expect(shown).toContain(`<@${r[1]!.id}>：已声明利益冲突`);
    expect(shown).toContain(`<@${r[0]!.id}>：已邀请过本项目`);
  });

  it('R-APP-2: assigning by hand with the picker refuses a conflict and says why', async () => {
    const { view } = await staff.press(await staff.card(ref), 'project.act.review.assigned');
    const refused = await staff.submit(view!, { 'f.reviewerId': input.user(r[4]!.id) });
    expect(refused.response_action).toBe('errors');
    expect(refused.errors?.['f.reviewerId']).toContain('利益冲突');
    const typed = await staff.command(`assign ${ref} <@${r[4]!.id}|x>`);
    expect(typed.text).toContain(`<@${r[4]!.id}> 与项目 ${ref} 存在利益冲突`);
  });

  it('R-APP-2: accepting needs the declaration; a closed review form keeps its draft', async () => {
    for (const x of [r[2]!, r[3]!]) {
      const { view } = await x.press(invitation(x)!.blocks, 'review.accept');
      expect((await x.submit(view!, {})).errors?.declaration).toContain('须勾选');
      expect(
        await x.submit(view!, { declaration: { type: 'checkboxes', selected_options: [{ value: 'declared' }] } }),
      ).toEqual({});
    }
    await settle();
    const assignment = (
      await t.server.db.prisma.auditEvent.findMany({ where: { projectId, eventType: 'review.accepted' } })
    )[0];
    expect(assignment?.payload).toMatchObject({ declaration: true });
    const accepted = r[3]!.dms().find((m) => m.text.includes('您已接受评审项目'))!;
    const first = await r[3]!.press(accepted.blocks, 'review.form');
    expect(JSON.stringify(first.view)).toContain('notify_on_close');
    await r[3]!.close(first.view!, {
      'score.legalCompliance': input.select('2'),
      'comment.legalCompliance': '草稿中的意见',
    });
    const again = await r[3]!.press(accepted.blocks, 'review.form');
    const reopened = JSON.stringify(again.view);
    expect(reopened).toContain('草稿中的意见');
    expect(reopened).toContain('"initial_option":{"text":{"type":"plain_text","text":"2 较差"');
  });

  it('R-APP-2: blind review: nothing sent to a reviewer shows another reviewer’s scores before they submit', async () => {
    const form = await r[2]!.press(r[2]!.dms().find((m) => m.text.includes('您已接受评审项目'))!.blocks, 'review.form');
    expect(await r[2]!.submit(form.view!, scores('5', R3_COMMENT))).toEqual({});
    await settle();
    const ownCard = JSON.stringify(await r[3]!.card(ref));
    expect(ownCard).not.toContain(r[2]!.id);
    expect(ownCard).not.toContain('平均');
    const toReviewer = [
      ...t.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === r[3]!.id),
      ...t.fake.callsTo('views.open'),
    ].map((c) => JSON.stringify(c.args));
    expect(toReviewer.some((p) => p.includes(R3_COMMENT) || p.includes(r[2]!.id))).toBe(false);
    const form4 = await r[3]!.press(
      r[3]!.dms().find((m) => m.text.includes('您已接受评审项目'))!.blocks,
      'review.form',
    );
    expect(await r[3]!.submit(form4.view!, scores('3', '第四位意见'))).toEqual({});
    await settle();
    expect(await t.server.db.prisma.reviewDraft.count({ where: { projectId } })).toBe(0);
    expect(JSON.stringify(await r[3]!.card(ref))).toContain('专家评审（已提交 2/3）');
  });

  it('R-APP-3: the decision waits for the reviews unless a manager overrides with a reason, audited', async () => {
    const card = await staff.card(ref);
    expect(SlackUser.buttons(card).some((id) => id.startsWith('project.act.decision.propose.screeningPass'))).toBe(
      false,
    );
    const typed = await staff.command(`do ${ref} decision.propose:screeningPass`);
    expect(typed.text).toContain('2');
    const { view } = await manager.press(await manager.card(ref), 'project.act.screening.overrideReviews');
    expect(await manager.submit(view!, { 'f.reason': '专家库已无可邀请专家' })).toEqual({});
    const after = await staff.card(ref);
    expect(JSON.stringify(after)).toContain('专家库已无可邀请专家');
    const propose = await staff.press(after, 'project.act.decision.propose.screeningPass');
    expect(propose.answer?.text).toContain(ref);
    const audit = await t.server.db.prisma.auditEvent.findMany({ where: { projectId }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.eventType)).toEqual(
      expect.arrayContaining(['review.declined', 'review.submitted', 'screening.overrideReviews', 'decision.propose']),
    );
    expect(audit.find((a) => a.eventType === 'screening.overrideReviews')?.actorId).toBe(manager.id);
  });

  it('R-APP-2: an invitation unanswered for 2 working days is withdrawn by the scheduler and replaced', async () => {
    const p2 = await insertProject(t.server.db.prisma, {
      ...pilotInput({ ref: 'P-2026-051', title: '智能投顾', technologies: ['ai'] }),
      track: 'pilot',
    });
    await staff.command(`experts add <@U0EXPERT06|x> ai`);
    await staff.command(`experts add <@U0EXPERT07|x> ai`);
    await staff.command(`experts add <@U0EXPERT08|x> ai`);
    const { view } = await staff.press(await staff.card('P-2026-051'), 'project.act.intake.submit');
    expect(await staff.submit(view!, { 'f.factDate': input.date(TODAY) })).toEqual({});
    await settle();
    const before = await t.server.db.prisma.auditEvent.count({
      where: { projectId: p2.id, eventType: 'review.assigned' },
    });
    expect(before).toBe(3);
    clock.set('2026-12-01T02:00:00Z');
    await t.server.tick();
    await settle();
    const events = await t.server.db.prisma.auditEvent.findMany({
      where: { projectId: p2.id },
      orderBy: { id: 'asc' },
    });
    expect(events.filter((e) => e.eventType === 'review.invitationExpired')).toHaveLength(3);
    // Three withdrawn; the remaining pool (the first project's reviewers and R5) fills what it can.
    expect(events.filter((e) => e.eventType === 'review.assigned').length).toBeGreaterThan(3);
    expect(events.find((e) => e.eventType === 'review.invitationExpired')?.actorKind).toBe('scheduler');
  });
});
