import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { SUBS } from '../../src/listeners/commands/parse-pilot-command.ts';
import { ADMIN, startTestApp, type TestApp } from '../support/app.ts';
import { pilotInput } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';
import { SlackUser } from '../support/slack-user.ts';

const clock = fixedClock('2026-11-26T02:00:00Z');
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |Error:|undefined|\[object/);

describe('every /pilot command answers, and every mistake gets a plain answer that changes nothing', () => {
  let t: TestApp;
  let admin: SlackUser;
  let staff: SlackUser;
  let nobody: SlackUser;

  beforeAll(async () => {
    t = await startTestApp({ server: { clock } });
    admin = new SlackUser(t, ADMIN);
    staff = new SlackUser(t, 'U0STAFFCMD');
    nobody = new SlackUser(t, 'U0NOBODYCM');
    await admin.command(`roles grant <@${staff.id}> staff`);
    for (let i = 1; i <= 23; i++)
      await insertProject(
        t.server.db.prisma,
        { ...pilotInput({ ref: `P-2026-${String(i).padStart(3, '0')}`, title: `项目 ${i}` }), track: 'pilot' },
        { ownerId: i % 2 ? staff.id : ADMIN },
      );
  });
  afterAll(async () => {
    await t?.stop();
  });

  it.each([
    ['frobnicate', '无法识别的子命令“frobnicate”'],
    ['show', '用法：`/pilot show'],
    ['show X-1', '不是有效的项目编号'],
    ['show P-2026-999', '找不到项目 P-2026-999'],
    ['do P-2026-001', '用法：`/pilot do'],
    ['do P-2026-001 no.such', '没有名为“no.such”的操作'],
    ['why', '用法：`/pilot why'],
    ['batch open 第二批 2026-02-30 2026-03-31', '“2026-02-30”不是有效日期'],
    ['batch frob', '用法：`/pilot batch'],
    ['roles grant someone staff', '请用 @ 提及一位成员'],
    ['roles grant <@U0X1> wizard', '“wizard”不是有效角色'],
    ['lang xx', '“xx”不是可选语言'],
    ['list 12abc', '无法识别的筛选条件'],
    ['new', '请指明申请类型'],
    ['new rocket', '无法识别的申请类型“rocket”'],
    ['admin', '用法：`/pilot admin outbox`'],
  ])('"/pilot %s" explains what was wrong', async (text, expected) => {
    const before = await t.server.db.prisma.auditEvent.count();
    const answer = await staff.command(text);
    expect(answer.text).toContain(expected);
    noStackTrace(answer.text);
    expect(await t.server.db.prisma.auditEvent.count()).toBe(before);
  });

  it.each([
    [`roles grant <@U0X2> staff`, '只有管理员'],
    ['calendar', '只有管理员'],
    ['admin outbox', '只有管理员'],
    ['digest subscribe', '只有负责人或管理员'],
    ['batch open 第二批 2026-12-01 2026-12-31', '只有工作组人员'],
    ['new pilot', '/pilot roles grant'],
  ])('"/pilot %s" by someone without the role is refused with the reason', async (text, expected) => {
    const answer = await nobody.command(text);
    expect(answer.text).toMatch(new RegExp(expected.replace(/[/]/g, '\\/'), 'i'));
    noStackTrace(answer.text);
  });

  it('full-width and lower-case references are understood', async () => {
    const card = await staff.card('ｐ－２０２６－００１');
    expect(JSON.stringify(card)).toContain('P-2026-001');
  });

  it('list pages through 23 projects ten at a time with a "next page" button', async () => {
    const first = await staff.command('list');
    expect(first.text).toContain('共 23 个项目（第 1/3 页）');
    const second = await staff.press(first.blocks, 'list.page');
    expect(second.answer?.text).toContain('第 2/3 页');
    const mine = await staff.command('list mine');
    expect(mine.text).toContain('共 12 个项目');
  });

  it('why explains a project with no open deadline plainly', async () => {
    const answer = await staff.command('why P-2026-002');
    expect(answer.text).toContain('P-2026-002');
    noStackTrace(answer.text);
  });

  it('a managers digest can be subscribed, previewed and unsubscribed', async () => {
    await admin.command(`roles grant <@${staff.id}> manager`);
    expect((await staff.command('digest subscribe pilot')).text).toContain('每日摘要');
    const preview = await staff.command('digest now');
    // 23 projects, all still being assembled: the per-stage count shows them.
    expect(JSON.stringify(preview)).toMatch(/申报材料准备[^0-9]*23/);
    expect((await staff.command('digest unsubscribe')).text).toContain('取消');
  });

  it('a tampered button value is refused plainly and changes nothing', async () => {
    const before = await t.server.db.prisma.auditEvent.count();
    const url = t.fake.responseUrl();
    await t.slack.interaction(
      t.slack.blockActions({
        userId: staff.id,
        actionId: 'project.act.intake.submit.',
        value: '{"p":"not-a-uuid","v":1,"t":"intake.submit"}',
        channelId: staff.channelId,
        responseUrl: url,
      }),
    );
    const answer = await t.fake.waitForResponse((r) => r.url === url);
    expect(String(answer.body.text)).toContain('内部数据无效');
    expect(await t.server.db.prisma.auditEvent.count()).toBe(before);
  });

  it('the /pilot menu reaches batches, the digest and the language switch by buttons', async () => {
    const menu = await staff.command('');
    const ids = SlackUser.buttons(menu.blocks);
    expect(ids).toHaveLength(12);
    const english = await staff.press(menu.blocks, 'menu.10');
    expect(english.answer?.text).toBe('Language set to English.');
    expect((await staff.command('batch list')).text).toContain('No batches yet');
    const chinese = await staff.press((await staff.command('')).blocks, 'menu.9');
    expect(chinese.answer?.text).toBe('语言已设为中文。');
  });

  it('help lists every subcommand', async () => {
    const help = await staff.command('help');
    for (const sub of SUBS) expect(help.text).toContain(`/pilot ${sub}`);
  });
});
