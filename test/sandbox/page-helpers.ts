import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Picks an entry of a select menu as a person does in Slack: types into the menu's box and clicks the first entry
 * the list narrows to. Fails when typing does not narrow the list to entries containing `text`.
 */
export async function pick(page: Page, block: string, text: string): Promise<void> {
  const menu = page.locator(`${block} .menu`);
  await menu.locator('.menu-filter').click();
  await menu.locator('.menu-filter').fill(text);
  const shown = await menu.locator('.menu-option').allTextContents();
  expect(shown.length, `${block}: nothing matches ${text}`).toBeGreaterThan(0);
  for (const label of shown) expect(label).toContain(text);
  // The entry named exactly so when there is one (typing 通过 also shows 未通过), else the first.
  const exact = shown.indexOf(text);
  await menu.locator('.menu-option').nth(Math.max(exact, 0)).click();
}

/** Opens the page as this person in this conversation, from a fresh load (a hash change alone keeps the old place). */
export async function openAs(page: Page, url: string, user: string, channel: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${url}#user=${user}&channel=${channel}&tab=messages`);
  await page.locator('#user-switcher').waitFor();
  expect(await page.locator('#user-switcher').inputValue()).toBe(user);
  await page.waitForSelector('#conversation');
}

/** Types a message or a /pilot command into the open conversation's box and sends it with Enter. */
export async function say(page: Page, text: string): Promise<void> {
  await page.fill('#composer .composer-input', text);
  await page.press('#composer .composer-input', 'Enter');
}

/** Submits the open modal and waits until it has gone. */
export async function submitModal(page: Page): Promise<void> {
  await page.click('#modal-submit');
  await page.locator('.overlay .modal').waitFor({ state: 'detached' });
}
