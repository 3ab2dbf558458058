import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start.ts';
import { dmChannelOf, SANDBOX_PEOPLE } from '../../src/sandbox/workspace.ts';
import { explainSkip, hasChromium, launchChromium } from '../support/chromium.ts';

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
    await page.goto(`${sandbox.url}#user=${user}&channel=${channel}&tab=messages`);
    await page.reload();
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
    await page.locator('#status', { hasText: '示范数据已填充' }).waitFor({ timeout: 180_000 });
    await sandbox.settle();
    expect(await sandbox.server.db.prisma.project.count()).toBe(4);
    await page.locator('#messages article', { hasText: 'P-2026-004' }).first().waitFor();
  });

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
    await page.selectOption('[data-block-id="intake_technologies"] select', { label: '区块链' });
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
    await page.selectOption('[data-block-id="institutionType"] select', { label: await typeLabel(page) });
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
    await page.locator('#messages article').last().filter({ hasText: ref }).waitFor();
    await shot('06-expert-accepted');
  });

  it('App Home shows the person their work, published by the app when the tab opens', async () => {
    await open(STAFF, dmChannelOf(STAFF));
    await page.click('#tab-home');
    await page.waitForSelector('#home-view .blocks');
    expect(await page.textContent('#home-view')).toMatch(/P-2026-00\d/);
    await shot('07-app-home');
  });
});

/** An invitation in the expert's DM they have not answered yet. */
function pendingInvitation(sandbox: RunningSandbox, expertId: string) {
  const messages = sandbox.slack.visibleMessages(expertId, dmChannelOf(expertId));
  return messages.find((m) => {
    if (!JSON.stringify(m.blocks ?? []).includes('"action_id":"review.accept"')) return false;
    const ref = /P-\d{4}-\d{3}/.exec(m.text)?.[0];
    // Accepting, declining or a conflict is answered with a later message about the project without the buttons.
    return (
      ref !== undefined &&
      !messages.some(
        (x) => x.ts > m.ts && x.text.includes(ref) && !JSON.stringify(x.blocks ?? []).includes('review.accept'),
      )
    );
  });
}

async function ucc(first17: string): Promise<string> {
  const { usccCheckChar } = await import('../../machines/uscc.ts');
  return usccCheckChar(first17) ?? '';
}

async function typeLabel(page: Page): Promise<string> {
  const labels = await page.locator('[data-block-id="institutionType"] select option').allTextContents();
  return labels.find((l) => l.includes('证券公司')) ?? labels[1]!;
}
