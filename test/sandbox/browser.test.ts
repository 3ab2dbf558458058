import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { PROJECTS } from '../../src/sandbox/demo-projects.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start.ts';
import { dmChannelOf, SANDBOX_BOT_TOKEN, SANDBOX_PEOPLE } from '../../src/sandbox/workspace.ts';
import { explainSkip, hasChromium, launchChromium } from '../support/chromium.ts';
import { FIXTURE_MESSAGE, FIXTURE_MODAL } from './block-fixtures.ts';
import { pick } from './page-helpers.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/sandbox');
const STAFF = 'U0SBSTAFF1';
const WORKGROUP = 'C0SBWORKGP';

explainSkip('sandbox browser tests');

describe.skipIf(!hasChromium)('the sandbox page in headless Chromium (issue 12)', () => {
  let dir: string;
  let sandbox: RunningSandbox;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
  const open = async (user: string, channel: string) => {
    // A fresh load each time: a hash-only change would keep the previous page and its place.
    await page.goto('about:blank');
    await page.goto(`${sandbox.url}#user=${user}&channel=${channel}&tab=messages`);
    await page.locator('#user-switcher').waitFor();
    expect(await page.locator('#user-switcher').inputValue()).toBe(user);
    await page.waitForSelector('#conversation');
  };
  const type = async (text: string) => {
    await page.fill('.composer-input', text);
    await page.press('.composer-input', 'Enter');
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-sandbox-browser-'));
    const parsed = parseConfig({ PILOTDESK_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'error' });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    sandbox = await startSandbox(parsed.config, { tickMs: 3_600_000 });
    browser = await launchChromium();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('an empty sandbox offers the demo programme; the button fills it through the app', async () => {
    await open(STAFF, WORKGROUP);
    expect(await page.textContent('#sidebar')).toContain('沙盒还是空的');
    await shot('00-empty');
    await page.click('#seed');
    // The page says so when the seed's request has finished (the box goes as soon as the first project exists).
    await page.locator('#status', { hasText: '示范数据已填充' }).waitFor({ timeout: 540_000 });
    await sandbox.settle();
    expect(await sandbox.server.db.prisma.project.count()).toBe(PROJECTS.length);
    await page.locator('#messages article', { hasText: 'P-2026-004' }).first().waitFor();
  }, 600_000);

  it('staff run /pilot new pilot through the modal: an inline error, then the card in the channel', async () => {
    await open(STAFF, WORKGROUP);
    await type('/pilot new pilot');
    await page.waitForSelector('.overlay .modal');
    expect(await page.textContent('.modal .dialog-title')).toContain('新建试点申请');
    await page.fill('[data-block-id="intake_title"] input', '跨境理财通份额登记');
    await page.fill(
      '[data-block-id="intake_scenario"] textarea, [data-block-id="intake_scenario"] input',
      '跨境理财通基金份额登记与对账',
    );
    await pick(page, '[data-block-id="intake_technologies"]', '区块链');
    await page.fill('[data-block-id="intake_contact_name"] input', '钱多多');
    await page.fill('[data-block-id="intake_contact_phone"] input', '电话号码');
    await page.click('#modal-submit');
    const error = page.locator('[data-block-id="intake_contact_phone"] .error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/电话/);
    await shot('01-intake-inline-error');
    await page.fill('[data-block-id="intake_contact_phone"] input', '+86 21 5555 0101');
    await page.click('#modal-submit');
    await page.waitForSelector('.overlay .modal', { state: 'detached' });
    await sandbox.settle();
    const card = page.locator('article', { hasText: '跨境理财通份额登记' });
    await card.waitFor();
    await shot('02-card-posted');
  });

  it('a button on the card opens its form; after it the card is updated in place, not posted again', async () => {
    const card = page.locator('article', { hasText: '跨境理财通份额登记' }).first();
    const ts = await card.getAttribute('data-ts');
    await card.locator('[data-action-id="intake.applicant.add"]').click();
    await page.waitForSelector('.overlay .modal');
    await page.fill('[data-block-id="name"] input', '上海外滩证券股份有限公司');
    await page.fill('[data-block-id="uscc"] input', `91310000MA1FL0B05${await ucc('91310000MA1FL0B05')}`);
    await pick(page, '[data-block-id="institutionType"]', '证券公司');
    for (const id of ['registration.province', 'registration.city', 'mainOffice.province', 'mainOffice.city'])
      await page.fill(`[data-block-id="${id}"] input`, '上海市');
    await page.fill('[data-block-id="licenceNumber"] input', 'ZQ-0555');
    await page.check('[data-block-id="lead"] input[type="checkbox"]');
    await page.click('#modal-submit');
    await page.locator('.modal', { hasText: 'R-ELIG-1' }).waitFor();
    await shot('03-eligibility-in-modal');
    await page.click('.modal .dialog-buttons .button:not(.primary)');
    await page.waitForSelector('.overlay .modal', { state: 'detached' });
    await sandbox.settle();
    const updated = page.locator(`article[data-ts="${ts}"]`);
    await page.locator(`article[data-ts="${ts}"]`, { hasText: '上海外滩证券股份有限公司' }).waitFor();
    expect(await updated.textContent()).toContain('已编辑');
    expect(await page.locator('article', { hasText: '跨境理财通份额登记' }).count()).toBe(1);
    await shot('04-card-updated-in-place');
  });

  it('an expert switched to accepts an invitation in their DM with the bot', async () => {
    const expert = SANDBOX_PEOPLE.filter((p) => p.role === 'expert').find((p) => pendingInvitation(sandbox, p.id));
    expect(expert).toBeDefined();
    const invitation = pendingInvitation(sandbox, expert!.id)!;
    await open(STAFF, WORKGROUP);
    await page.selectOption('#user-switcher', expert!.id);
    await page.click('#nav-app');
    await page.waitForSelector('#tab-messages');
    await page.click('#tab-messages');
    const message = page.locator(`article[data-ts="${invitation.ts}"]`);
    await message.waitFor();
    await message.locator('[data-action-id="review.accept"]').click();
    await page.waitForSelector('.overlay .modal');
    await page.check('.modal input[type="checkbox"]');
    await shot('05-expert-declaration');
    await page.click('#modal-submit');
    await page.waitForSelector('.overlay .modal', { state: 'detached' });
    await sandbox.settle();
    const ref = /P-\d{4}-\d{3}/.exec(invitation.text)![0];
    await page
      .locator('#messages article', { hasText: ref })
      .filter({ has: page.locator('[data-action-id="review.form"]') })
      .first()
      .waitFor();
    await shot('06-expert-accepted');
  });

  it('issue 14: a file the bot shares in a DM shows with a link that downloads it', async () => {
    const expert = 'U0SBEXP004';
    const got = sandbox.slack.call(
      'files.getUploadURLExternal',
      { filename: '项目清单.csv', length: 3 },
      SANDBOX_BOT_TOKEN,
    );
    const { upload_url, file_id } = got.body as { upload_url: string; file_id: string };
    expect((await fetch(upload_url, { method: 'POST', body: 'a,b' })).status).toBe(200);
    const done = sandbox.slack.call(
      'files.completeUploadExternal',
      { files: [{ id: file_id, title: '项目清单' }], channel_id: expert, initial_comment: '导出完成' },
      SANDBOX_BOT_TOKEN,
    );
    expect(done.body.ok).toBe(true);
    await open(expert, dmChannelOf(expert));
    const link = page.locator('#messages article', { hasText: '导出完成' }).locator('.message-files a');
    await link.waitFor();
    expect(await link.textContent()).toContain('项目清单');
    expect(await (await fetch((await link.getAttribute('href'))!)).text()).toBe('a,b');
  });

  it('Block Kit and mrkdwn as the bot may send them, with a visible placeholder for what the sandbox lacks', async () => {
    const expert = 'U0SBEXP004';
    const call = (method: string, args: Record<string, unknown>) => {
      const answer = sandbox.slack.call(method, args, SANDBOX_BOT_TOKEN);
      expect(answer.body.ok, JSON.stringify(answer.body)).toBe(true);
    };
    call('chat.postMessage', { channel: expert, text: 'fixture', blocks: FIXTURE_MESSAGE });
    await open(expert, dmChannelOf(expert));
    const message = page.locator('#messages article', { hasText: '区块渲染样例' });
    await message.locator('.block.header').waitFor();
    expect(await message.locator('b').first().textContent()).toBe('粗体');
    expect(await message.locator('i').first().textContent()).toBe('斜体');
    expect(await message.locator('s').first().textContent()).toBe('删除线');
    expect(await message.locator('code').first().textContent()).toBe('P-2026-001');
    expect(await message.locator('a[href="https://www.csrc.gov.cn/"]').textContent()).toBe('证监会');
    expect(await message.locator('.mention').allTextContents()).toEqual(['@王芳', '#试点工作组']);
    expect(await message.locator('li').allTextContents()).toEqual(['第一项', '第二项']);
    // Emoji names are drawn as Slack draws them; a time and an unknown name stay as written.
    expect(await message.locator('.block.section').first().textContent()).toContain('✅ 12:00:00 :no_such_emoji:');
    expect(await message.locator('blockquote').textContent()).toBe('引用的意见');
    expect(await message.locator('.fields .field').count()).toBe(2);
    expect(await message.locator('.button.primary').textContent()).toBe('通过');
    expect(await message.locator('.button.danger').textContent()).toBe('退回');
    expect(await message.locator('select.overflow option').allTextContents()).toEqual(['⋯', '查看', '编辑', '删除']);
    expect(await message.locator('input[type="date"]').inputValue()).toBe('2026-12-15');
    expect(await message.locator('.block.unknown').textContent()).toContain('video');
    // A confirm dialog stands between the button and the app.
    await message.locator('.button.danger').click();
    await page.locator('.confirm-overlay').waitFor();
    expect(await page.textContent('.confirm-overlay')).toContain('确定退回吗？');
    await shot('08-block-kit-message');
    await page.click('.confirm-overlay .button:not([data-confirm])');
    await page.locator('.confirm-overlay').waitFor({ state: 'detached' });
    call('views.open', { trigger_id: sandbox.slack.newTrigger(expert), view: FIXTURE_MODAL });
    await page.locator('.overlay .modal').waitFor();
    const modal = page.locator('.modal');
    expect(await modal.locator('textarea').count()).toBe(1);
    for (const type of ['number', 'email', 'url', 'date', 'radio', 'checkbox'])
      expect(await modal.locator(`input[type="${type}"]`).count(), type).toBeGreaterThan(0);
    expect(await modal.locator('.menu.multi').count()).toBe(2);
    await page.click('#modal-submit');
    expect(await modal.locator('.error').count()).toBeGreaterThan(0);
    await shot('09-block-kit-modal');
    await page.click('.modal .close-x');
    await page.locator('.overlay .modal').waitFor({ state: 'detached' });
  });

  it("menus filter as you type and pickers answer as Slack does: the submitted state is in Slack's shapes", async () => {
    const expert = 'U0SBEXP004';
    await open(expert, dmChannelOf(expert));
    const opened = sandbox.slack.call(
      'views.open',
      { trigger_id: sandbox.slack.newTrigger(expert), view: FIXTURE_MODAL },
      SANDBOX_BOT_TOKEN,
    );
    expect(opened.body.ok).toBe(true);
    const view = sandbox.slack.modalStack(expert).at(-1)!;
    await page.locator('.overlay .modal').waitFor();
    await page.fill('[data-block-id="text"] input', '样例');
    // Typing narrows the list; what does not match is not offered.
    const people = page.locator('[data-block-id="p"] .menu');
    await people.locator('.menu-filter').click();
    expect(await people.locator('.menu-option').count()).toBe(SANDBOX_PEOPLE.length);
    await people.locator('.menu-filter').fill('王');
    expect(await people.locator('.menu-option').allTextContents()).toEqual(['王芳']);
    await people.locator('.menu-filter').fill('不存在的人');
    expect(await people.locator('.menu-option').count()).toBe(0);
    // 周婷 reads English, so the page speaks it to her.
    expect(await people.locator('.menu-empty').textContent()).toBe('No matches');
    await people.locator('.menu-filter').fill('李');
    await people.locator('.menu-filter').press('Enter');
    expect(await people.locator('.menu-filter').inputValue()).toBe('李强');
    await pick(page, '[data-block-id="s"]', '乙');
    // A multi-select keeps its choices as chips, each with a remove button, and no longer offers them.
    await pick(page, '[data-block-id="m"]', '甲');
    await pick(page, '[data-block-id="m"]', '丙');
    const multi = page.locator('[data-block-id="m"] .menu');
    expect(await multi.locator('.chip').allTextContents()).toEqual(['甲×', '丙×']);
    await multi.locator('.menu-filter').click();
    expect(await multi.locator('.menu-option').allTextContents()).toEqual(['乙']);
    await multi.locator('.chip', { hasText: '甲' }).locator('.chip-x').click();
    await pick(page, '[data-block-id="ps"]', '赵');
    await pick(page, '[data-block-id="ps"]', '周');
    await page.fill('[data-block-id="d"] input[type="date"]', '2026-12-15');
    await page.fill('[data-block-id="t"] input[type="time"]', '09:30');
    await page.fill('[data-block-id="dt"] input[type="date"]', '2026-12-16');
    await page.fill('[data-block-id="dt"] input[type="time"]', '14:05');
    await shot('10-menus-and-pickers');
    await page.click('#modal-submit');
    await page.locator('.overlay .modal').waitFor({ state: 'detached' });
    const values = view.state;
    expect(values.p!.v).toEqual({ type: 'users_select', selected_user: 'U0SBSTAFF2' });
    expect(values.s!.v).toEqual({
      type: 'static_select',
      selected_option: { text: { type: 'plain_text', text: '乙' }, value: 'v1' },
    });
    expect(values.m!.v).toEqual({
      type: 'multi_static_select',
      selected_options: [{ text: { type: 'plain_text', text: '丙' }, value: 'v2' }],
    });
    expect(values.ps!.v).toEqual({ type: 'multi_users_select', selected_users: ['U0SBEXP002', 'U0SBEXP004'] });
    expect(values.d!.v).toEqual({ type: 'datepicker', selected_date: '2026-12-15' });
    expect(values.t!.v).toEqual({ type: 'timepicker', selected_time: '09:30' });
    // Seconds since the epoch for the Shanghai wall time picked, as Slack sends selected_date_time.
    expect(values.dt!.v).toEqual({
      type: 'datetimepicker',
      selected_date_time: Date.parse('2026-12-16T14:05:00+08:00') / 1000,
    });
  });

  it('App Home shows the person their work, published by the app when the tab opens', async () => {
    await open(STAFF, dmChannelOf(STAFF));
    await page.click('#tab-home');
    await page.waitForSelector('#home-view .blocks');
    expect(await page.textContent('#home-view')).toMatch(/P-2026-00\d/);
    // The bot's emoji names (the overdue marks) are drawn, not shown as :red_circle:.
    expect(await page.textContent('#home-view')).toContain('🔴');
    expect(await page.textContent('#home-view')).not.toContain(':red_circle:');
    await shot('07-app-home');
    // A button on the Home tab has no response_url: the app opens the project's card in a modal instead.
    await page.locator('#home-view .button').first().click();
    await page.locator('.overlay .modal', { hasText: /P-2026-\d{3}/ }).waitFor();
    await shot('07b-app-home-card-modal');
    await page.click('.modal .close-x');
  });
});

/** An invitation in the expert's DM they have not answered yet. */
function pendingInvitation(sandbox: RunningSandbox, expertId: string) {
  const messages = sandbox.slack.visibleMessages(expertId, dmChannelOf(expertId));
  return messages.find((m) => {
    if (!JSON.stringify(m.blocks ?? []).includes('"action_id":"review.accept"')) return false;
    const ref = /P-\d{4}-\d{3}/.exec(m.text)?.[0];
    // Accepting is answered with a later message about the project that has the review form's button (reminders
    // about the same invitation, which the scheduler may send meanwhile, do not count).
    return (
      ref !== undefined &&
      !messages.some(
        (x) =>
          x.ts > m.ts && x.text.includes(ref) && JSON.stringify(x.blocks ?? []).includes('"action_id":"review.form'),
      )
    );
  });
}

async function ucc(first17: string): Promise<string> {
  const { usccCheckChar } = await import('../../machines/shared/uscc.ts');
  return usccCheckChar(first17) ?? '';
}
