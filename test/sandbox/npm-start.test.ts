import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, startProcess } from '../support/bot-process.ts';

const STAFF = 'U0SBSTAFF1';
const WORKGROUP = 'C0SBWORKGP';

/**
 * Issue 12's "done when", as a process: what `npm start` runs (the bundle, through scripts/start.mjs), in a folder
 * with no .env and an environment with no Slack credentials, opens a working sandbox on loopback and stops cleanly.
 * Only PORT=0 (a free port, not 3000, which may be taken on a shared machine) and the data folder are given.
 */
describe('npm start with no configuration serves the sandbox (issue 12)', () => {
  const data = mkdtempSync(path.join(tmpdir(), 'pilotdesk-npm-start-'));
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('prints the address, serves the page and answers /pilot through the real bot, then stops with code 0', async () => {
    const bot = startProcess(
      { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', PILOTDESK_DATA_DIR: data },
      [],
      { node: ['--enable-source-maps', path.join(REPO, 'scripts/start.mjs')] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      const look = () => {
        const found = /Pilot Desk sandbox: open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(bot.stdout)?.[1];
        if (found) resolve(found);
      };
      bot.child.stdout!.on('data', look);
      void bot.exited(170_000).then((e) => reject(new Error(`exited (${e.code}) first: ${e.stderr}${e.stdout}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/sandbox/app.js');
    expect((await fetch(`${url}sandbox/app.js`)).status).toBe(200);
    const said = await fetch(`${url}sandbox/say`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: STAFF, channel: WORKGROUP, text: '/pilot help' }),
    });
    expect(await said.json()).toEqual({ ok: true });
    // The bot's answer arrives over its own response URL; the page reads it from the state it is sent.
    const answer = async () => {
      const state = (await (await fetch(`${url}sandbox/state?user=${STAFF}&channel=${WORKGROUP}`)).json()) as {
        messages: { text: string; ephemeralFor?: string }[];
      };
      return state.messages.find((m) => m.ephemeralFor === STAFF && m.text.includes('/pilot new pilot'))?.text;
    };
    await expect.poll(answer, { timeout: 30_000 }).toContain('/pilot help');
    expect(bot.stdout).toContain('No Slack workspace is used');
    bot.child.kill('SIGTERM');
    const exit = await bot.exited(60_000);
    expect(exit.code).toBe(0);
  }, 180_000);
});
