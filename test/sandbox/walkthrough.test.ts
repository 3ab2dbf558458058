import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../machines/shared/uscc.ts';
import { parseConfig } from '../../src/config.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start.ts';
import { dmChannelOf, SANDBOX_PEOPLE } from '../../src/sandbox/workspace.ts';
import { explainSkip, hasChromium, launchChromium } from '../support/chromium.ts';
import { openAs, pick, say, submitModal } from './page-helpers.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/sandbox');
const STAFF_A = 'U0SBSTAFF1';
const STAFF_B = 'U0SBSTAFF2';
const WORKGROUP = 'C0SBWORKGP';
const MANAGER = 'U0SBMGR001';
const MANAGEMENT = 'C0SBMGMT01';
const TITLE = '跨境理财通份额登记';
// A Tuesday morning in Shanghai: messages to people go out at once (no quiet hours), whatever time the test runs.
const START = Date.parse('2026-12-01T02:00:00Z');

explainSkip('sandbox walk-through');

/**
 * Issue 12's "done when": from an empty sandbox, a person who does only what the README says (type /pilot …,
 * press the card's buttons, fill in the forms, switch people, advance the clock) takes a pilot from intake to launch.
 * Nothing here writes to the database or calls the sandbox's Slack directly; the database is only read to check.
 */
describe.skipIf(!hasChromium)('intake to launch through the sandbox page (issue 12)', () => {
  let dir: string;
  let sandbox: RunningSandbox;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let ref = '';
  let complaintDue = '';

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const open = (user: string, channel: string) => openAs(page, sandbox.url, user, channel);
  const stage = async () =>
    (await sandbox.server.db.prisma.project.findUniqueOrThrow({ where: { ref }, select: { stage: true } })).stage;
  /** The project's card in the working group's channel (the top-level message with its buttons). */
  const card = (): Locator =>
    page
      .locator('#messages article', { hasText: TITLE })
      .filter({ has: page.locator('[data-action-id^="intake."], [data-action-id^="project.act."]') })
      .first();
  /** Presses a button on the card as the person acting, waiting for the page to have the card first. */
  const press = async (prefix: string) => {
    const button = card().locator(`[data-action-id^="${prefix}"]`).first();
    await button.waitFor();
    const asksFirst = (await button.getAttribute('aria-haspopup')) === 'dialog';
    await button.click();
    // Slack's confirm dialog stands between some buttons and the app; the person confirms.
    if (asksFirst) await page.click('.confirm-overlay [data-confirm]');
  };
  const modalOpen = () => page.locator('.overlay .modal').waitFor();
  /**
   * Waits for the page's own request to be answered (the status line stops saying it works), then for what the app
   * still does after acknowledging it (the change, the outbox): in this order, or the app may not have the request yet.
   */
  const settle = async () => {
    await page.locator('#status', { hasText: /^(处理中…|Working…)$/ }).waitFor({ state: 'detached' });
    await sandbox.settle();
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-sandbox-walk-'));
    const parsed = parseConfig({ PILOTDESK_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'error' });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const began = Date.now();
    sandbox = await startSandbox(parsed.config, { tickMs: 3_600_000, realNow: () => START + (Date.now() - began) });
    browser = await launchChromium();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('staff open a batch and fill in the application form; the card appears in the channel', async () => {
    expect(await sandbox.server.db.prisma.project.count()).toBe(0);
    await open(STAFF_A, WORKGROUP);
    await say(page, '/pilot batch open 2026年第一批 2026-11-01 2026-12-31');
    await page.locator('#messages article', { hasText: '2026年第一批' }).first().waitFor();
    await say(page, '/pilot new pilot');
    await modalOpen();
    await page.fill('[data-block-id="intake_title"] input', TITLE);
    await page.fill('[data-block-id="intake_scenario"] textarea', '跨境理财通基金份额登记与对账');
    await pick(page, '[data-block-id="intake_technologies"]', '区块链');
    await page.fill('[data-block-id="intake_contact_name"] input', '钱多多');
    await page.fill('[data-block-id="intake_contact_phone"] input', '+86 21 5555 0101');
    await submitModal(page);
    await settle();
    await card().waitFor();
    ref = /P-\d{4}-\d{3}/.exec((await card().textContent()) ?? '')![0];
    expect(await stage()).toBe('intake');
    await shot('18-walk-intake');
  });

  it('the lead applicant, the materials and the submission, from the card', async () => {
    await press('intake.applicant.add');
    await modalOpen();
    await page.fill('[data-block-id="name"] input', '上海外滩证券股份有限公司');
    await page.fill('[data-block-id="uscc"] input', `91310000MA1FL0B05${usccCheckChar('91310000MA1FL0B05')}`);
    await pick(page, '[data-block-id="institutionType"]', '证券公司');
    for (const id of ['registration.province', 'registration.city', 'mainOffice.province', 'mainOffice.city'])
      await page.fill(`[data-block-id="${id}"] input`, '上海市');
    await page.fill('[data-block-id="licenceNumber"] input', 'ZQ-0555');
    await page.check('[data-block-id="lead"] input[type="checkbox"]');
    await page.click('#modal-submit');
    await page.locator('.modal', { hasText: 'R-ELIG-1' }).waitFor();
    await page.click('.modal .close-x');
    await settle();
    await press('intake.materials');
    await modalOpen();
    for (const id of ['projectPlan', 'riskAssessment', 'emergencyPlan', 'exitPlan', 'investorProtection'])
      await page.fill(`[data-block-id="${id}"] input`, `https://files.example.org/${id}.pdf`);
    await page.click('#modal-submit');
    await settle();
    if (await page.locator('.overlay .modal').count()) await page.click('.modal .close-x');
    await settle();
    await press('project.act.intake.submit');
    await modalOpen();
    await submitModal(page);
    await settle();
    expect(await stage()).toBe('screening');
    await shot('19-walk-submitted');
  });

  it('the invited experts accept in their DMs and submit their reviews', async () => {
    // The channel is told how many experts were invited; their invitations may still be on the way to the DMs.
    const report = () =>
      sandbox.slack
        .visibleMessages(STAFF_A, WORKGROUP)
        .map((m) => new RegExp(`${ref} 已自动邀请 (\\d+) 位评审专家`).exec(m.text))
        .find((match) => match !== null);
    await expect.poll(report, { timeout: 30_000 }).toBeTruthy();
    const count = Number(report()![1]);
    const invitedNow = () =>
      SANDBOX_PEOPLE.filter((p) => p.role === 'expert').filter((p) =>
        sandbox.slack
          .visibleMessages(p.id, dmChannelOf(p.id))
          .some((m) => m.text.includes(ref) && JSON.stringify(m.blocks ?? []).includes('"action_id":"review.accept"')),
      );
    await expect.poll(() => invitedNow().length, { timeout: 30_000 }).toBe(count);
    const invited = invitedNow();
    for (const expert of invited) {
      await open(expert.id, dmChannelOf(expert.id));
      const zh = expert.locale !== 'en-US';
      const invitation = page
        .locator('#messages article', { hasText: ref })
        .filter({ has: page.locator('[data-action-id="review.accept"]') })
        .last();
      await invitation.locator('[data-action-id="review.accept"]').click();
      await modalOpen();
      await page.check('.modal input[type="checkbox"]');
      await submitModal(page);
      await settle();
      const accepted = page
        .locator('#messages article', { hasText: ref })
        .filter({ has: page.locator('[data-action-id^="review.form"]') })
        .last();
      await accepted.locator('[data-action-id^="review.form"]').first().click();
      await modalOpen();
      for (const c of ['legalCompliance', 'orderlyInnovation', 'riskControllability', 'policyFit']) {
        await pick(page, `[data-block-id="score.${c}"]`, zh ? '4 良好' : '4');
        await page.fill(`[data-block-id="comment.${c}"] textarea`, zh ? '符合要求' : 'Fine');
      }
      await pick(page, '[data-block-id="recommendation"]', zh ? '建议通过' : 'Pass');
      await submitModal(page);
      await settle();
    }
    await shot('20-walk-reviews-in');
  });

  it('two staff pass the screening; the CSRC steps and the public notice are recorded from the card', async () => {
    await open(STAFF_A, WORKGROUP);
    await press('project.act.decision.propose.screeningPass');
    await settle();
    await open(STAFF_B, WORKGROUP);
    await press('project.act.decision.confirm');
    await settle();
    expect(await stage()).toBe('csrcEvaluation');
    await open(STAFF_A, WORKGROUP);
    await press('project.act.csrc.forwarded');
    await modalOpen();
    await submitModal(page);
    await settle();
    await press('project.act.csrc.evaluationRecorded');
    await modalOpen();
    await pick(page, '[data-block-id="f.outcome"]', '通过');
    await page.fill('[data-block-id="f.letterRef"] input', '科技监管局函〔2026〕1号');
    await submitModal(page);
    await settle();
    await press('project.act.notice.published');
    await modalOpen();
    await submitModal(page);
    await settle();
    expect(await stage()).toBe('publicNotice');
    await card().waitFor();
    await shot('20b-walk-public-notice');
  });

  it('advancing the clock past the notice period ends it (the scheduler), then two staff launch the pilot', async () => {
    const closes = await sandbox.server.db.prisma.deadline.findFirstOrThrow({
      where: { project: { ref }, kind: 'noticeCloses' },
    });
    // The morning after the notice closes, as a person reads the date off the card.
    const after = new Date(closes.dueDate.getTime() + 24 * 3600_000).toISOString().slice(0, 10);
    await page.fill('#advance-at', `${after}T09:30`);
    await page.click('#advance');
    await page.locator('#status', { hasText: '已推进到' }).waitFor({ timeout: 120_000 });
    await settle();
    expect(await stage()).toBe('preLaunch');
    await open(STAFF_A, WORKGROUP);
    await press('project.act.risk.assessmentRecorded');
    await modalOpen();
    await submitModal(page);
    await settle();
    await press('project.act.commitment.received');
    await modalOpen();
    await page.fill('[data-block-id="f.documentRef"] input', '承诺书〔2026〕8号');
    await submitModal(page);
    await settle();
    await press('project.act.decision.propose.launch');
    await settle();
    await open(STAFF_B, WORKGROUP);
    await press('project.act.decision.confirm');
    await settle();
    await open(STAFF_A, WORKGROUP);
    await press('project.act.launch.announced');
    await modalOpen();
    await submitModal(page);
    await settle();
    expect(await stage()).toBe('piloting');
    await card().waitFor();
    expect(await card().textContent()).toContain('试点运行中');
    await shot('21-walk-launched');
  });

  it('staff log an investor complaint on the launched pilot: its acknowledgement falls due in two working days', async () => {
    await open(STAFF_A, WORKGROUP);
    await press('project.act.complaint.logged');
    await modalOpen();
    await page.fill('[data-block-id="f.summary"] textarea', '投资者反映份额到账时间比约定晚一天，要求说明原因。');
    await submitModal(page);
    await settle();
    const due = await sandbox.server.db.prisma.deadline.findFirstOrThrow({
      where: { project: { ref }, kind: 'complaintAcknowledge', status: 'open' },
    });
    complaintDue = due.dueDate.toISOString().slice(0, 10);
    await card().waitFor();
    await shot('22-walk-complaint');
  });

  it('a manager subscribes #管理层 to the digest; at the next working day 09:30 the digest and a reminder arrive', async () => {
    await open(MANAGER, MANAGEMENT);
    await say(page, '/pilot digest subscribe');
    await page.locator('#messages article', { hasText: '已订阅每日摘要' }).last().waitFor();
    await settle();
    await shot('23-walk-digest-subscribed');
    let day = dayjs(sandbox.clock.now()).add(1, 'day');
    while ([0, 6].includes(day.day())) day = day.add(1, 'day');
    // The complaint's acknowledgement is due within three working days of that morning: a reminder falls due then.
    expect(complaintDue >= day.format('YYYY-MM-DD')).toBe(true);
    await page.fill('#advance-at', `${day.format('YYYY-MM-DD')}T09:30`);
    await page.click('#advance');
    await page.locator('#status', { hasText: '已推进到' }).waitFor({ timeout: 120_000 });
    await settle();
    // Subscribing on a working morning may bring today's digest at once; the one that counts is the advanced morning's.
    const morning = Date.parse(`${day.format('YYYY-MM-DD')}T09:00:00+08:00`);
    const since = (locator: Locator) => async () =>
      (await locator.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-ts'))))).some(
        (ts) => ts * 1000 >= morning,
      );
    await expect
      .poll(since(page.locator('#messages article', { hasText: '每日摘要' })), { timeout: 30_000 })
      .toBe(true);
    await shot('24-walk-digest');
    // The owner finds the reminder in their DM with the bot, as in Slack.
    await open(STAFF_A, dmChannelOf(STAFF_A));
    const reminders = page.locator('#messages article', { hasText: ref }).filter({ hasText: '⏰' });
    await expect.poll(since(reminders), { timeout: 30_000 }).toBe(true);
    expect(await reminders.last().textContent()).toContain('R-SUP-4');
    await shot('25-walk-reminder');
  });
});
