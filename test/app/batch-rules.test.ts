import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_PLACE } from '../../src/batches/ids.ts';
import { fixedClock } from '../../src/clock.ts';
import type { Prisma } from '../../src/db/client.ts';
import { ADMIN, startTestApp, type TestApp, WORKING_GROUP_CHANNEL } from '../support/app.ts';
import { accept, confirm, pilotInput, propose, reviewed, scored, startPilot, submit } from '../support/machines.ts';
import { insertProjectAt } from '../support/projects.ts';
import { SlackUser } from '../support/slack-user.ts';

const clock = fixedClock('2026-11-26T02:00:00Z');
type View = Parameters<SlackUser['submit']>[0];

const viewText = (view: unknown) => JSON.stringify(view);
const ticked = (...ids: string[]) => ({ type: 'checkboxes', selected_options: ids.map((value) => ({ value })) });

describe('batches over signed HTTP: placing waiting applications (R-BATCH-1) and the selection list (R-APP-3)', () => {
  let t: TestApp;
  let staffA: SlackUser;
  let staffB: SlackUser;
  let outsider: SlackUser;
  const waiting: Record<string, string> = {};

  /** The next modal the app opens after `act` (a typed command or a button). */
  const nextModal = async (act: () => Promise<unknown>): Promise<View> => {
    const before = t.fake.callsTo('views.open').length;
    await act();
    const open = await t.fake.waitForCall('views.open', (c) => t.fake.callsTo('views.open').indexOf(c) >= before);
    return open.args.view as View;
  };
  const typed = (u: SlackUser, text: string) => () =>
    t.slack.command({ text, userId: u.id, channelId: u.channelId, responseUrl: t.fake.responseUrl() });
  const stageOf = async (ref: string) => (await t.server.db.prisma.project.findUniqueOrThrow({ where: { ref } })).stage;

  beforeAll(async () => {
    t = await startTestApp({ server: { clock } });
    const admin = new SlackUser(t, ADMIN);
    staffA = new SlackUser(t, 'U0STAFFA01');
    staffB = new SlackUser(t, 'U0STAFFB01');
    outsider = new SlackUser(t, 'U0NOBODY01');
    for (const u of [staffA, staffB]) await admin.command(`roles grant <@${u.id}|someone> staff`);
    // Three applications submitted while no batch was open: they wait for the next one.
    for (const [n, title] of [
      [101, '区块链份额登记'],
      [102, '智能投顾测评'],
      [103, '行业云灾备'],
    ] as const) {
      const ref = `P-2026-${n}`;
      const s = accept(startPilot(pilotInput({ ref, title })), submit({ openBatchId: null }));
      expect(s.value).toBe('awaitingBatch');
      waiting[ref] = (await insertProjectAt(t.server.db.prisma, s, { channelId: WORKING_GROUP_CHANNEL })).id;
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('R-BATCH-1: opening a batch with the form offers every waiting application, preselected', async () => {
    const form = await nextModal(typed(staffA, 'batch open'));
    const answer = await staffA.submit(form, {
      batch_name: '2026年第二批',
      batch_opens: { type: 'datepicker', selected_date: '2026-11-26' },
      batch_closes: { type: 'datepicker', selected_date: '2026-12-31' },
    });
    expect(answer.response_action).toBe('update');
    const placement = answer.view as unknown as {
      callback_id: string;
      blocks: Array<{ block_id?: string; element?: { type: string; initial_options?: Array<{ value: string }> } }>;
    };
    expect(placement.callback_id).toBe(BATCH_PLACE.callbackId);
    const element = placement.blocks.find((b) => b.block_id === BATCH_PLACE.blocks.projects)?.element;
    expect(element?.type).toBe('checkboxes');
    expect(element?.initial_options?.map((o) => o.value).sort()).toEqual(Object.values(waiting).sort());
    expect(viewText(placement)).toContain('P-2026-101 区块链份额登记');
    expect(viewText(placement)).toContain('3 个申请在等待批次');
  });

  it('R-BATCH-1: the chosen applications move in one action; one moved meanwhile is reported with its reason', async () => {
    // Two staff open the placement form for the same batch; the first moves P-2026-103 alone.
    const formA = await nextModal(typed(staffA, 'batch place 2026年第二批'));
    const formB = await nextModal(typed(staffB, 'batch place 2026年第二批'));
    const first = await staffB.submit(formB, { [BATCH_PLACE.blocks.projects]: ticked(waiting['P-2026-103']!) });
    expect(first.response_action).toBe('update');
    expect(viewText(first.view)).toContain('1 个（P-2026-103）');
    expect(await stageOf('P-2026-103')).toBe('screening');

    // The second still has all three ticked: two move, P-2026-103 is refused with why, nothing else changes.
    const second = await staffA.submit(formA, { [BATCH_PLACE.blocks.projects]: ticked(...Object.values(waiting)) });
    expect(second.response_action).toBe('update');
    const shown = viewText(second.view);
    expect(shown).toContain('2 个（P-2026-101、P-2026-102）');
    expect(shown).toContain('未能移入 1 个');
    expect(shown).toMatch(/P-2026-103（未移入）：[^"]*项目遴选/);
    expect(await stageOf('P-2026-101')).toBe('screening');
    expect(await stageOf('P-2026-102')).toBe('screening');

    const batch = await t.server.db.prisma.batch.findUniqueOrThrow({ where: { name: '2026年第二批' } });
    const audit = await t.server.db.prisma.auditEvent.findMany({
      where: { eventType: 'batch.assigned' },
      orderBy: { recordedAt: 'asc' },
    });
    expect(audit.map((a) => a.projectId).sort()).toEqual(
      ['P-2026-101', 'P-2026-102', 'P-2026-103'].map((ref) => waiting[ref]).sort(),
    );
    for (const a of audit) expect((a.payload as { batchId: string }).batchId).toBe(batch.id);
    expect(new Set(audit.map((a) => a.actorId))).toEqual(new Set([staffA.id, staffB.id]));
    // Each move is a change of its project: the card in the working group's channel is refreshed.
    const list = await staffA.command('list batch 2026年第二批');
    for (const ref of Object.keys(waiting)) expect(list.text + JSON.stringify(list.blocks)).toContain(ref);
  });

  it('R-BATCH-1: a form with nothing ticked is refused under the field and changes nothing', async () => {
    const s = accept(
      startPilot(pilotInput({ ref: 'P-2026-104', title: '数据联合建模' })),
      submit({ openBatchId: null }),
    );
    waiting['P-2026-104'] = (await insertProjectAt(t.server.db.prisma, s, { channelId: WORKING_GROUP_CHANNEL })).id;
    const form = await nextModal(typed(staffA, 'batch place 2026年第二批'));
    const answer = await staffA.submit(form, { [BATCH_PLACE.blocks.projects]: ticked() });
    expect(answer.response_action).toBe('errors');
    expect(answer.errors?.[BATCH_PLACE.blocks.projects]).toContain('请至少勾选一个申请');
    expect(await stageOf('P-2026-104')).toBe('awaitingBatch');
  });

  it('R-BATCH-1: a batch opened by command offers a button that opens the same form; others may not place', async () => {
    const answer = await staffA.command('batch open 2027年第一批 2027-01-04 2027-02-26');
    expect(answer.text).toContain('2027年第一批');
    expect(JSON.stringify(answer.blocks)).toContain('1 个申请在等待批次');
    const { view } = await staffA.press(answer.blocks, BATCH_PLACE.openAction);
    expect(view?.callback_id).toBe(BATCH_PLACE.callbackId);
    expect(viewText(view)).toContain('P-2026-104 数据联合建模');
    const refused = await outsider.command('batch place 2027年第一批');
    expect(refused.text).toContain('只有工作组人员');
    const closed = await staffA.command('batch close 2027年第一批');
    expect(closed.text).toContain('2027年第一批');
    expect((await staffA.command('batch place 2027年第一批')).text).toContain('已截止征集');
    // The form opened before the batch closed is refused on submission too: the application keeps waiting.
    const late = await staffA.submit(view!, { [BATCH_PLACE.blocks.projects]: ticked(waiting['P-2026-104']!) });
    expect(late.response_action).toBe('errors');
    expect(await stageOf('P-2026-104')).toBe('awaitingBatch');
  });

  it('R-APP-3: `/pilot batch list <name>` lists the projects selected in screening, with credit codes and reviews', async () => {
    const batch = await t.server.db.prisma.batch.findUniqueOrThrow({ where: { name: '2026年第二批' } });
    const inBatch = (ref: string, title: string) =>
      accept(startPilot(pilotInput({ ref, title })), submit({ openBatchId: batch.id }));
    const passed = accept(reviewed(inBatch('P-2026-201', '跨境数据合规')), propose('screeningPass'), confirm());
    const filtered = accept(
      reviewed(
        inBatch('P-2026-202', '明显瑕疵项目'),
        3,
        scored({ legalCompliance: 1, orderlyInnovation: 2, riskControllability: 1, policyFit: 2 }, 'filterOut'),
      ),
      propose('screeningFilterOut'),
      confirm(),
    );
    expect(passed.value).toEqual({ csrcEvaluation: 'toForward' });
    expect(filtered.value).toBe('rejected');
    for (const s of [passed, filtered]) {
      const { id } = await insertProjectAt(t.server.db.prisma, s, { channelId: WORKING_GROUP_CHANNEL });
      await t.server.db.prisma.project.update({
        where: { id },
        data: { intake: { scenario: `${s.context.title}的应用场景` } as Prisma.InputJsonValue },
      });
    }
    const list = await staffA.command('batch list 2026年第二批');
    const text = JSON.stringify(list.blocks);
    expect(list.text).toContain('R-APP-3');
    expect(list.text).toContain('共 1 个项目');
    expect(text).toContain('P-2026-201 跨境数据合规');
    expect(text).toContain('跨境数据合规的应用场景');
    expect(text).toContain(`统一社会信用代码 ${passed.context.applicants[0]!.uscc}`);
    expect(text).toContain(`统一社会信用代码 ${passed.context.applicants[1]!.uscc}`);
    expect(text).toContain('（牵头）');
    expect(text).toContain('专家评审：3 份');
    expect(text).toContain('风险可控 3');
    // Filtered out, or still in screening (the three placed above): not on the list sent to the CSRC.
    expect(text).not.toContain('P-2026-202');
    expect(text).not.toContain('P-2026-101');
    expect((await outsider.command('batch list 2026年第二批')).text).toContain('只有工作组人员');
    expect((await staffA.command('batch list 第九批')).text).toContain('第九批');
  });
});
