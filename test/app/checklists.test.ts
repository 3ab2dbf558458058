import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_ITEMS, INCENTIVES } from '../../machines/pilot/events.ts';
import { CHECKLIST } from '../../src/checklists/ids.ts';
import { fixedClock } from '../../src/clock.ts';
import { PROJECT } from '../../src/projects/ids.ts';
import { ADMIN, startTestApp, type TestApp, WORKING_GROUP_CHANNEL } from '../support/app.ts';
import { accept, confirm, ev, staffA as machineStaff, propose, toPiloting } from '../support/machines.ts';
import { insertProjectAt } from '../support/projects.ts';
import { input, SlackUser } from '../support/slack-user.ts';

const clock = fixedClock('2026-11-26T02:00:00Z');
type Block = Awaited<ReturnType<SlackUser['card']>>[number];

const checklistText = (card: Block[]) =>
  JSON.stringify(card.filter((b) => JSON.stringify(b).includes('R-EXIT-6') || JSON.stringify(b).includes('R-INC-1')));
const tickButtons = (card: Block[]) =>
  SlackUser.buttons(card)
    .filter((id) => id.startsWith(CHECKLIST.tickPrefix))
    .map((id) => id.slice(CHECKLIST.tickPrefix.length));

describe('checklists on the card, ticked item by item with who and when (R-EXIT-6, R-INC-1)', () => {
  let t: TestApp;
  let staffA: SlackUser;
  let staffB: SlackUser;
  let owner: SlackUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ server: { clock } });
    const admin = new SlackUser(t, ADMIN);
    staffA = new SlackUser(t, 'U0STAFFA01');
    staffB = new SlackUser(t, 'U0STAFFB01');
    owner = new SlackUser(t, 'U0OWNER01');
    for (const u of [staffA, staffB]) await admin.command(`roles grant <@${u.id}|someone> staff`);
    const piloting = toPiloting();
    const exiting = { ...piloting, context: { ...piloting.context, ref: 'P-2026-301', title: '退出项目' } };
    ids.exit = (
      await insertProjectAt(t.server.db.prisma, exiting as typeof piloting, { channelId: WORKING_GROUP_CHANNEL })
    ).id;
    const goals = accept(
      piloting,
      ev('evaluation.recorded', machineStaff, { factDate: '2026-11-01', outcome: 'metGoals', summary: 's' }),
      propose('conversion'),
      confirm(),
    );
    expect(goals.value).toBe('regularOperation');
    const converted = { ...goals, context: { ...goals.context, ref: 'P-2026-302', title: '转常规项目' } };
    ids.converted = (
      await insertProjectAt(t.server.db.prisma, converted as typeof goals, { channelId: WORKING_GROUP_CHANNEL })
    ).id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('R-EXIT-6: once the exit is requested, the card shows every open item and the due date, with a tick button each', async () => {
    const card = await staffA.card('P-2026-301');
    const { view } = await staffA.press(card, `${PROJECT.actionPrefix}exit.requested`);
    const answer = await staffA.submit(view!, {
      [PROJECT.fieldBlock('factDate')]: input.date('2026-11-26'),
      [PROJECT.fieldBlock('reason')]: { type: 'plain_text_input', value: '机构战略调整，主动退出' },
    });
    expect(answer).toEqual({});
    const exiting = await staffA.card('P-2026-301');
    const shown = checklistText(exiting);
    expect(shown).toContain('还有 4 项未完成');
    expect(shown).toContain('完成截止：2027年2月26日');
    expect(tickButtons(exiting).sort()).toEqual([...EXIT_ITEMS].sort());
    const deadline = await t.server.db.prisma.deadline.findUniqueOrThrow({
      where: { projectId_key: { projectId: ids.exit!, key: 'exitPlanDue' } },
    });
    expect(deadline.dueDate.toISOString().slice(0, 10)).toBe('2027-02-26');
    // The owner (not working-group staff) sees the checklist but has no tick buttons.
    expect(tickButtons(await owner.card('P-2026-301'))).toEqual([]);
  });

  it('R-EXIT-6: each tick records who and when, through the machine and its audit trail; the exit closes only after all four', async () => {
    let card = await staffA.card('P-2026-301');
    const first = await staffB.press(card, `${CHECKLIST.tickPrefix}investorsNotified`);
    expect(first.answer?.text).toContain('已勾选 P-2026-301 的“已告知投资者');
    card = await staffA.card('P-2026-301');
    expect(checklistText(card)).toContain(`<@${staffB.id}>，2026年11月26日`);
    expect(tickButtons(card)).not.toContain('investorsNotified');
    expect(SlackUser.buttons(card).some((id) => id.startsWith(`${PROJECT.actionPrefix}exit.closed`))).toBe(false);
    for (const item of EXIT_ITEMS.slice(1))
      await staffA.press(await staffA.card('P-2026-301'), `${CHECKLIST.tickPrefix}${item}`);
    card = await staffA.card('P-2026-301');
    expect(checklistText(card)).toContain('已全部完成');
    expect(tickButtons(card)).toEqual([]);
    const audit = await t.server.db.prisma.auditEvent.findMany({
      where: { projectId: ids.exit!, eventType: 'exit.checklistItemDone' },
      orderBy: { recordedAt: 'asc' },
    });
    expect(audit.map((a) => (a.payload as { item: string }).item)).toEqual([...EXIT_ITEMS]);
    expect(audit.map((a) => a.actorId)).toEqual([staffB.id, staffA.id, staffA.id, staffA.id]);
    expect(SlackUser.buttons(card).some((id) => id.startsWith(`${PROJECT.actionPrefix}exit.closed`))).toBe(true);
  });

  it('R-INC-1: a converted project shows the incentives checklist; each tick is kept with who and when, audited, once', async () => {
    let card = await staffA.card('P-2026-302');
    expect(checklistText(card)).toContain('还有 4 项未落实');
    expect(tickButtons(card).sort()).toEqual([...INCENTIVES].sort());
    const ticked = await staffA.press(card, `${CHECKLIST.tickPrefix}publicNotice`);
    expect(ticked.answer?.text).toContain('已勾选 P-2026-302 的“社会公示”');
    // The same button pressed again (a card not yet refreshed) is refused in words, and writes nothing.
    const twice = await staffB.press(card, `${CHECKLIST.tickPrefix}publicNotice`);
    expect(twice.answer?.text ?? '').toContain('已经勾选过');
    card = await staffA.card('P-2026-302');
    expect(checklistText(card)).toContain(`☑ 社会公示（<@${staffA.id}>，2026年11月26日`);
    expect(tickButtons(card).sort()).toEqual(INCENTIVES.filter((i) => i !== 'publicNotice').sort());
    const rows = await t.server.db.prisma.incentiveTick.findMany({ where: { projectId: ids.converted! } });
    expect(rows.map((r) => [r.item, r.doneById, r.doneOn.toISOString().slice(0, 10)])).toEqual([
      ['publicNotice', staffA.id, '2026-11-26'],
    ]);
    const audit = await t.server.db.prisma.auditEvent.findMany({
      where: { projectId: ids.converted!, eventType: 'incentive.ticked' },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(staffA.id);
    // Someone outside the working group cannot tick, whatever button they got hold of.
    const refused = await owner.press(card, `${CHECKLIST.tickPrefix}industryBulletin`);
    expect(refused.answer?.text ?? '').toContain('权限');
    expect(await t.server.db.prisma.incentiveTick.count({ where: { projectId: ids.converted! } })).toBe(1);
  });
});
