import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { LOCK_FILE } from '../../src/db/data-dir-lock.ts';
import { ADMIN, SIGNING_SECRET, startTestApp } from '../support/app.ts';
import { botEnv, startProcess } from '../support/bot-process.ts';
import { databaseUrl, TEST_ENGINE, TEST_POSTGRES_URL } from '../support/engine.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { createSlackClient } from '../support/slack-client.ts';

const CHANNEL = 'C0PILOTWG1';
const STAFF = 'U0STAFFLCK';
/** One line of output: what is wrong and what to do, no stack trace. */
const oneLine = (text: string) => {
  expect(text.trim().split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/^\s+at /m);
};

let fake: FakeSlack;
let dirs: string[] = [];
beforeAll(async () => {
  fake = await startFakeSlack({ defaultTimeoutMs: 30_000 });
});
afterAll(async () => {
  await fake?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function freshDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-start-'));
  dirs.push(dir);
  return dir;
}

/** A loopback port nobody listens on (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function command(port: number, userId: string, text: string): Promise<string> {
  const url = fake.responseUrl();
  const slack = createSlackClient({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: SIGNING_SECRET });
  const res = await slack.command({ text, userId, channelId: CHANNEL, responseUrl: url });
  expect(res.status).toBe(200);
  return String((await fake.waitForResponse((r) => r.url === url)).body.text);
}

describe.skipIf(TEST_ENGINE !== 'pglite')('one process owns an embedded data folder', () => {
  it('a second bot, npm run tick, npm run backup and npm run db:migrate are refused while the bot runs; nothing is lost', async () => {
    const dir = freshDataDir();
    const env = botEnv(fake, { PILOTDESK_DATA_DIR: dir });
    const first = startProcess(env);
    const port = await first.running();
    expect(await command(port, ADMIN, `roles grant <@${STAFF}> staff`)).toContain(STAFF);
    expect(await command(port, STAFF, 'batch open 锁前 2026-11-01 2026-12-31')).toContain('锁前');

    const second = await startProcess(env).exited();
    expect(second.code).toBe(1);
    oneLine(second.stderr);
    for (const part of [`pid ${first.pid}`, 'the bot', dir, 'src/main.ts', 'stop that process', 'DATABASE_URL'])
      expect(second.stderr).toContain(part);

    const tick = await startProcess(env, ['scripts/tick.ts', '--at', new Date().toISOString()]).exited();
    expect(tick.code).toBe(1);
    oneLine(tick.stderr);
    expect(tick.stderr).toContain(`The bot (pid ${first.pid}`);
    expect(tick.stderr).toContain('already runs the scheduler every 30 seconds');

    const backup = await startProcess(env, ['scripts/backup.ts', path.join(dir, '..', 'never.tar.gz')]).exited();
    expect(backup.code).toBe(1);
    oneLine(backup.stderr);
    expect(backup.stderr).toContain('stop the bot first');
    expect(existsSync(path.join(dir, '..', 'never.tar.gz'))).toBe(false);

    const migrate = await startProcess(env, ['scripts/db-migrate.ts']).exited();
    expect(migrate.code).toBe(1);
    oneLine(migrate.stderr);
    expect(migrate.stderr).toContain(`pid ${first.pid}`);

    // The first bot never noticed: it still serves, and it stops cleanly and lets go of the folder.
    expect(await command(port, STAFF, 'batch open 锁后 2026-11-01 2026-12-31')).toContain('锁后');
    first.child.kill('SIGTERM');
    expect((await first.exited()).code).toBe(0);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const db = await openDatabase({ engine: 'pglite', dataDir: dir });
    try {
      expect((await db.prisma.batch.findMany({ orderBy: { name: 'asc' } })).map((b) => b.name)).toEqual([
        '锁前',
        '锁后',
      ]);
    } finally {
      await db.close();
    }
  }, 300_000);

  it('a bot killed with SIGKILL leaves a stale lock that the next start recovers', async () => {
    const dir = freshDataDir();
    const env = botEnv(fake, { PILOTDESK_DATA_DIR: dir });
    const killed = startProcess(env);
    await killed.running();
    killed.child.kill('SIGKILL');
    await killed.exited();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    const next = startProcess(env);
    await next.running();
    next.child.kill('SIGTERM');
    expect((await next.exited()).code).toBe(0);
  }, 180_000);
});

describe('start-up checks', () => {
  it.each(['token_revoked', 'invalid_auth', 'account_inactive'] as const)(
    'a bot token Slack refuses (%s): one line and exit 2',
    async (error) => {
      const token = `xoxb-refused-${error}`;
      fake.revokeToken(token, error);
      const dir = freshDataDir();
      const exit = await startProcess(
        botEnv(fake, { PILOTDESK_DATA_DIR: dir }, { SLACK_BOT_TOKEN: token, DATABASE_URL: '' }),
      ).exited();
      expect(exit.code).toBe(2);
      oneLine(exit.stderr);
      expect(exit.stderr).toContain(error);
      expect(exit.stderr).toContain('SLACK_BOT_TOKEN');
      expect(exit.stderr).toContain('OAuth & Permissions');
      expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    },
    120_000,
  );

  it('Slack unreachable: the bot starts anyway, says so, and /healthz is 200 with slack "unreachable"', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/api/`;
    const bot = startProcess(botEnv(fake, { PILOTDESK_DATA_DIR: freshDataDir() }, { SLACK_API_URL: apiUrl }));
    const port = await bot.running();
    expect(bot.stderr + bot.stdout).toContain(`Slack is unreachable at ${apiUrl}`);
    expect(bot.stderr + bot.stdout).toContain('starting anyway');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite', slack: 'unreachable' });
    bot.child.kill('SIGTERM');
    expect((await bot.exited()).code).toBe(0);
  }, 120_000);

  it('Slack answering again is noticed in the background: /healthz goes from "unreachable" to "ok"', async () => {
    fake.failMethod('auth.test', { status: 503 });
    const t = await startTestApp({ fake, server: { slackRetryMs: 50 } });
    try {
      const before = await fetch(`${t.baseUrl}/healthz`);
      expect(before.status).toBe(200);
      expect(await before.json()).toMatchObject({ status: 'ok', slack: 'unreachable' });
      fake.clearFailures();
      await fake.waitForCall('auth.test', (c) => c.status === 200);
      const slackField = async () => ((await (await fetch(`${t.baseUrl}/healthz`)).json()) as { slack: string }).slack;
      await expect.poll(slackField).toBe('ok');
    } finally {
      await t.stop();
      fake.reset();
    }
  });

  it('PostgreSQL refusing the connection: one line naming host, port and database (no password), exit 1', async () => {
    const port = await closedPort();
    const exit = await startProcess(
      botEnv(fake, { DATABASE_URL: `postgres://pilot:s3cret@127.0.0.1:${port}/pilotdesk` }),
    ).exited();
    expect(exit.code).toBe(1);
    oneLine(exit.stderr);
    expect(exit.stderr).toContain(`127.0.0.1:${port}`);
    expect(exit.stderr).toContain('"pilotdesk"');
    expect(exit.stderr).toContain('refused the connection');
    expect(exit.stderr).not.toContain('s3cret');
  }, 120_000);

  it.skipIf(!TEST_POSTGRES_URL)(
    'a PostgreSQL database that does not exist: one line naming it and how to create it, exit 1',
    async () => {
      const url = new URL(databaseUrl(TEST_POSTGRES_URL!, 'pilotdesk_no_such_database'));
      url.password = 's3cret';
      const exit = await startProcess(botEnv(fake, { DATABASE_URL: url.toString() })).exited();
      expect(exit.code).toBe(1);
      oneLine(exit.stderr);
      expect(exit.stderr).toContain('"pilotdesk_no_such_database" does not exist');
      expect(exit.stderr).toContain(`${url.hostname}:${url.port || '5432'}`);
      expect(exit.stderr).toContain('createdb');
      expect(exit.stderr).not.toContain('s3cret');
    },
    120_000,
  );
});
