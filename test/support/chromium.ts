import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** Debian's Chromium, the only browser these tests use (nothing is downloaded). */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether Debian's Chromium is installed; browser tests skip, saying so, when it is not. */
export const hasChromium = existsSync(CHROMIUM);

/** Says once why browser tests are skipped, with the command that makes them run. */
export function explainSkip(suite: string): void {
  if (!hasChromium)
    console.warn(
      `${suite}: skipped because ${CHROMIUM} is absent; install it with \`apt-get update && apt-get install -y chromium\` (CI's .ci/run does).`,
    );
}

/** Headless Chromium with a fresh profile; `close()` also removes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(tmpdir(), 'pilotdesk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
