import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { ADMIN, startTestApp, type TestApp } from '../support/app.ts';
import { accept, confirm, launchReady, propose } from '../support/machines.ts';
import { insertProjectAt } from '../support/projects.ts';
import { input, SlackUser } from '../support/slack-user.ts';

// Sunday 10 May 2026, 10:00 in Shanghai: Q1 2026 (due 15 April) is missed, Q2 has begun.
const clock = fixedClock('2026-05-10T02:00:00Z');
const text = (value: string) => ({ type: 'plain_text_input', value });

type Select = {
  type: string;
  options: Array<{ value: string; text: { text: string } }>;
  initial_option?: { value: string };
};

describe('the report calendar through the app (R-SUP-1)', () => {
  let t: TestApp;
  let staff: SlackUser;
  const ref = 'P-2026-401';

  beforeAll(async () => {
    t = await startTestApp({ server: { clock } });
    staff = new SlackUser(t, 'U0STAFFREP');
    await new SlackUser(t, ADMIN).command(`roles grant <@${staff.id}> staff`);
    const decided = accept(launchReady(), propose('launch'), confirm());
    await insertProjectAt(t.server.db.prisma, { ...decided, context: { ...decided.context, ref } } as never);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const periodSelect = (view: { blocks: Array<{ block_id?: string; element?: unknown }> }) =>
    view.blocks.find((b) => b.block_id === 'f.periodId')?.element as Select | undefined;

  it('R-SUP-1: the launch plans the periods; the report form offers the open periods, the oldest chosen, over signed HTTP', async () => {
    const launch = await staff.press(await staff.card(ref), 'project.act.launch.announced');
    expect(await staff.submit(launch.view!, { 'f.factDate': input.date('2026-01-01') })).toEqual({});
    const project = await t.server.db.prisma.project.findUniqueOrThrow({ where: { ref } });
    const periods = await t.server.db.prisma.reportPeriod.findMany({
      where: { projectId: project.id },
      orderBy: { seq: 'asc' },
    });
    // Every period beginning within a year of today (10 May 2026): Q1 2026 … Q2 2027.
    expect(periods).toHaveLength(6);

    const { view } = await staff.press(await staff.card(ref), 'project.act.report.received');
    const select = periodSelect(view!);
    // Only the periods that have begun and have no report: the missed Q1 (the default) and the open Q2.
    expect(select?.type).toBe('static_select');
    expect(select?.options.map((o) => o.value)).toEqual([periods[0]!.id, periods[1]!.id]);
    expect(select?.options[0]?.text.text).toBe('2026年第一季度 · 截止 2026-04-15');
    expect(select?.initial_option?.value).toBe(periods[0]!.id);

    // An ad-hoc report naming a period is refused under the period field, in the person's language; nothing changes.
    const values = {
      'f.factDate': input.date('2026-05-08'),
      'f.reportKind': input.select('adHoc'),
      'f.periodId': input.select(periods[0]!.id),
      'f.summary': text('一季度运行情况'),
    };
    const refused = await staff.submit(view!, values);
    expect(refused.response_action).toBe('errors');
    expect(refused.errors?.['f.periodId']).toContain('不定期报告不对应报告期');
    expect(await t.server.db.prisma.supervisionReport.count({ where: { projectId: project.id } })).toBe(0);

    expect(await staff.submit(view!, { ...values, 'f.reportKind': input.select('periodic') })).toEqual({});
    const stored = await t.server.db.prisma.supervisionReport.findMany({ where: { projectId: project.id } });
    expect(stored).toMatchObject([{ periodId: periods[0]!.id, kind: 'periodic', recordedBy: staff.id }]);

    const again = await staff.press(await staff.card(ref), 'project.act.report.received');
    expect(periodSelect(again.view!)?.initial_option?.value).toBe(periods[1]!.id);

    const listed = await staff.command(`reports ${ref}`);
    expect(JSON.stringify(listed.blocks)).toContain('🟠 逾期收到');
    expect(JSON.stringify(listed.blocks)).toContain('收到日期 2026-05-08');
    const changed = await staff.command(`reports ${ref} interval 6`);
    expect(changed.text).toContain('由每 3 个月改为每 6 个月');
    const bad = await staff.command(`reports ${ref} interval 0`);
    expect(bad.text).toContain('不是有效的报告间隔');
    const reviewed = await staff.command(`reports ${ref} review 1 followup 请补充客户投诉数据`);
    expect(reviewed.text).toContain('需跟进');
    const card = JSON.stringify(await staff.card(ref));
    expect(card).toContain('运行报告');
    expect(card).toContain('2026年第一季度（截止 2026年4月15日（周三））：🟠 逾期收到');
  });
});
