import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { ADMIN, startTestApp, type TestApp, WORKING_GROUP_CHANNEL } from '../support/app.ts';
import { accept, confirm, ev, propose, staffA, toPiloting } from '../support/machines.ts';
import { insertProjectAt } from '../support/projects.ts';
import { input, SlackUser } from '../support/slack-user.ts';

const clock = fixedClock('2026-06-01T02:00:00Z');
const text = (blocks: unknown) => JSON.stringify(blocks);
const COMPLAINANT = '李四（身份证 310101199001011234）';

describe('supervision records over signed HTTP: button → modal → record on the card → /pilot records', () => {
  let t: TestApp;
  let staff: SlackUser;
  let reviewer: SlackUser;
  const ref = 'P-2026-050';
  const converted = 'P-2026-051';

  beforeAll(async () => {
    t = await startTestApp({ server: { clock } });
    const admin = new SlackUser(t, ADMIN);
    staff = new SlackUser(t, 'U0STAFFREC');
    reviewer = new SlackUser(t, 'U0REVREC01');
    await admin.command(`roles grant <@${staff.id}> staff`);
    await admin.command(`roles grant <@${reviewer.id}> reviewer`);
    const s = toPiloting();
    await insertProjectAt(t.server.db.prisma, { ...s, context: { ...s.context, ref } } as never, {
      channelId: WORKING_GROUP_CHANNEL,
    });
    const c = accept(
      toPiloting(),
      ev('evaluation.recorded', staffA, { factDate: '2025-04-20', outcome: 'metGoals', summary: 's' }),
      propose('conversion'),
      confirm(),
    );
    await insertProjectAt(t.server.db.prisma, { ...c, context: { ...c.context, ref: converted } } as never, {
      channelId: WORKING_GROUP_CHANNEL,
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('R-SUP-4: a complaint logged from the card is on the card, listed, edited with its complainant kept out of channels', async () => {
    const { view } = await staff.press(await staff.card(ref), 'project.act.complaint.logged');
    expect(
      await staff.submit(view!, { 'f.factDate': input.date('2026-06-01'), 'f.summary': '赎回款到账延迟' }),
    ).toEqual({});
    const card = await staff.card(ref);
    expect(text(card)).toContain('监管记录');
    expect(text(card)).toContain('投诉 1（未结 1）');

    const list = await staff.command(`records ${ref} complaints`);
    expect(text(list.blocks)).toContain('赎回款到账延迟');
    expect(text(list.blocks)).toContain('截止');
    const { view: edit } = await staff.press(list.blocks, 'records.edit.q1');
    const wrong = await staff.submit(edit!, { 'rec.summary': '   ' });
    expect(wrong.response_action).toBe('errors');
    expect(Object.values(wrong.errors ?? {}).join()).toContain('必填');
    const saved = await staff.submit(edit!, {
      'rec.summary': '赎回款到账延迟三天',
      'rec.compensation': '按日补偿利息',
      'rec.complainantName': COMPLAINANT,
      'rec.complainantContact': '13800000000',
    });
    expect(saved.response_action).toBe('update');
    expect(text(saved.view)).toContain('记录已更新');

    const again = await staff.command(`records ${ref} complaints`);
    expect(text(again.blocks)).toContain(COMPLAINANT);
    expect(text(again.blocks)).toContain('按日补偿利息');
    const forReviewer = await reviewer.command(`records ${ref}`);
    expect(text(forReviewer.blocks)).toContain('赎回款到账延迟三天');
    expect(text(forReviewer.blocks)).not.toContain(COMPLAINANT);
    expect(SlackUser.buttons(forReviewer.blocks).filter((id) => id.startsWith('records.'))).toEqual([]);
    // A button value copied from a staff member's answer is refused for the reviewer, in plain words.
    const forged = await reviewer.press(list.blocks, 'records.edit.q1');
    expect(forged.view).toBeUndefined();
    expect(forged.answer?.text).toContain('只有工作组成员');

    await t.server.services.idle();
    const channelCalls = [...t.fake.callsTo('chat.postMessage'), ...t.fake.callsTo('chat.update')];
    expect(channelCalls.some((c) => c.args.channel === WORKING_GROUP_CHANNEL)).toBe(true);
    for (const call of channelCalls) {
      expect(JSON.stringify(call.args)).not.toContain(COMPLAINANT);
      expect(JSON.stringify(call.args)).not.toContain('13800000000');
    }
    const audit = await t.server.db.prisma.auditEvent.findMany({ where: { eventType: 'record.edited' } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.payload)).not.toContain(COMPLAINANT);
  });

  it('R-SUP-2: an inspection from the card, its findings listed, a finding opens a rectification item on the card', async () => {
    const { view } = await staff.press(await staff.card(ref), 'project.act.inspection.scheduled');
    expect(
      await staff.submit(view!, {
        'f.authority': input.select('csrcBureau'),
        'f.mode': input.select('offSite'),
        'f.scheduledFor': input.date('2026-06-03'),
      }),
    ).toEqual({});
    const { view: findings } = await staff.press(await staff.card(ref), 'project.act.inspection.findingsRecorded');
    expect(
      await staff.submit(findings!, {
        'f.inspectionId': input.select('n1'),
        'f.factDate': input.date('2026-06-01'),
        'f.findings': '- 日志留存不足六个月\n- 权限未定期复核',
      }),
    ).toEqual({});
    const list = await staff.command(`records ${ref} findings`);
    expect(text(list.blocks)).toContain('权限未定期复核');
    const { view: open } = await staff.press(list.blocks, 'records.openItem.n1-f2');
    const past = await staff.submit(open!, {
      'rec.requiredChange': '建立季度复核',
      'rec.dueDate': input.date('2026-05-30'),
    });
    expect(past.response_action).toBe('errors');
    const opened = await staff.submit(open!, {
      'rec.requiredChange': '建立季度复核',
      'rec.dueDate': input.date('2026-07-15'),
    });
    expect(text(opened.view)).toContain('r1');
    expect(text(await staff.card(ref))).toContain('整改事项 1（未结 1）');
    expect(text(await staff.card(ref))).toContain('整改事项截止');
    const items = await staff.command(`records ${ref} rectification`);
    expect(text(items.blocks)).toContain('来自检查发现 n1-f2');
    expect(SlackUser.buttons(items.blocks)).toContain('records.closeItem.r1');
  });

  it('R-SUP-2: the item’s deadline reminds the owner before it is due and escalates the day after; closing it late is marked', async () => {
    const owner = new SlackUser(t, 'U0OWNER01');
    const sentToOwner = () => owner.dms().map((m) => m.text);
    // Wednesday 15 July 2026: 3 working days before is Friday 10 July, at 09:00 Shanghai.
    clock.set('2026-07-10T01:05:00Z');
    await t.server.tick();
    await t.server.services.idle();
    expect(sentToOwner().filter((m) => m.includes('整改事项截止') && m.includes(ref))).toHaveLength(1);
    clock.set('2026-07-16T01:05:00Z');
    await t.server.tick();
    await t.server.services.idle();
    expect(sentToOwner().filter((m) => m.includes('整改事项截止') && m.includes('尚未收到'))).toHaveLength(1);
    expect(text(await staff.card(ref))).toContain('逾期 1');
    const items = await staff.command(`records ${ref} rectification`);
    const { view } = await staff.press(items.blocks, 'records.closeItem.r1');
    const closed = await staff.submit(view!, {
      'rec.evidence': 'https://example.cn/review.pdf',
      'rec.closedOn': input.date('2026-07-16'),
    });
    expect(text(closed.view)).toContain('已标记逾期');
    const project = await t.server.db.prisma.project.findUniqueOrThrow({ where: { ref } });
    const row = await t.server.db.prisma.deadline.findUniqueOrThrow({
      where: { projectId_key: { projectId: project.id, key: 'rectificationItemDue:r1' } },
    });
    expect(row.status).toBe('metLate');
    clock.set('2026-06-01T02:00:00Z');
  });

  it('a wrong kind or a missing reference gets a plain answer', async () => {
    expect((await staff.command(`records ${ref} letters`)).text).toContain('无法识别记录类型');
    expect((await staff.command(`records ${ref} constructor`)).text).toContain('无法识别记录类型');
    expect((await staff.command('records P-2026-404')).text).toContain('P-2026-404');
    expect((await staff.command('records')).text).toContain('用法');
    expect((await staff.command(`records ${ref} 投诉`)).text).toContain('监管记录（投诉）');
  });

  it('R-SUP-4, R-SUP-5: after conversion complaints and incidents are still recorded, with their own clocks', async () => {
    const card = await staff.card(converted);
    const { view } = await staff.press(card, 'project.act.complaint.logged');
    expect(await staff.submit(view!, { 'f.factDate': input.date('2026-06-01'), 'f.summary': '转常规后投诉' })).toEqual(
      {},
    );
    const project = await t.server.db.prisma.project.findUniqueOrThrow({ where: { ref: converted } });
    expect(project.stage).toBe('regularOperation');
    const ack = await t.server.db.prisma.deadline.findUniqueOrThrow({
      where: { projectId_key: { projectId: project.id, key: 'complaintAcknowledge:q1' } },
    });
    expect(ack.dueDate.toISOString().slice(0, 10)).toBe('2026-06-03');
    const { view: acknowledge } = await staff.press(await staff.card(converted), 'project.act.complaint.acknowledged');
    expect(
      await staff.submit(acknowledge!, { 'f.complaintId': input.select('q1'), 'f.factDate': input.date('2026-06-01') }),
    ).toEqual({});
    // Acknowledged once: a second acknowledgement has nothing left to choose.
    const again = await staff.press(await staff.card(converted), 'project.act.complaint.acknowledged');
    expect(again.answer?.text).toContain('没有可选的记录');

    const { view: incident } = await staff.press(await staff.card(converted), 'project.act.incident.occurred');
    expect(
      await staff.submit(incident!, {
        'f.factDate': input.date('2026-06-01'),
        'f.incidentKind': input.select('securityIncident'),
        'f.occurredAt': { type: 'datetimepicker', selected_date_time: Date.parse('2026-06-01T09:30:00+08:00') / 1000 },
        'f.summary': '接口被扫描',
      }),
    ).toEqual({});
    const first = await t.server.db.prisma.deadline.findUniqueOrThrow({
      where: { projectId_key: { projectId: project.id, key: 'incidentFirstReport:i1' } },
    });
    expect(first.dueAt.toISOString()).toBe('2026-06-02T01:30:00.000Z');
    const list = await staff.command(`records ${converted}`);
    expect(text(list.blocks)).toContain('转常规后投诉');
    expect(text(list.blocks)).toContain('接口被扫描');
    const audit = await t.server.db.prisma.auditEvent.findMany({
      where: {
        projectId: project.id,
        eventType: { in: ['complaint.logged', 'complaint.acknowledged', 'incident.occurred'] },
      },
    });
    expect(audit.map((a) => [a.eventType, a.fromState, a.toState])).toEqual([
      ['complaint.logged', 'regularOperation', 'regularOperation'],
      ['complaint.acknowledged', 'regularOperation', 'regularOperation'],
      ['incident.occurred', 'regularOperation', 'regularOperation'],
    ]);
  });
});
