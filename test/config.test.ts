import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, parseConfig } from '../src/config.ts';
import { SANDBOX_ADMIN_ID, SANDBOX_BOT_TOKEN } from '../src/sandbox/workspace.ts';

const HTTP = { SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_SIGNING_SECRET: 'shh' };
const SOCKET = { SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_APP_TOKEN: 'xapp-1-abc' };

function ok(env: Record<string, string | undefined>, cwd = '/srv/pilot'): Config {
  const parsed = parseConfig(env, cwd);
  if (!parsed.ok) throw new Error(`expected a valid configuration, got: ${parsed.problems.join(' | ')}`);
  return parsed.config;
}

function problems(env: Record<string, string | undefined>): string[] {
  const parsed = parseConfig(env, '/srv/pilot');
  if (parsed.ok) throw new Error('expected configuration problems, got a valid configuration');
  return parsed.problems;
}

describe('parseConfig: Slack transport', () => {
  it('bot token + signing secret → HTTP mode', () => {
    const c = ok(HTTP);
    expect(c.slack).toEqual({
      mode: 'http',
      botToken: 'xoxb-1-abc',
      signingSecret: 'shh',
      appToken: undefined,
      apiUrl: 'https://slack.com/api/',
    });
  });

  it('bot token + app token → Socket Mode', () => {
    const c = ok(SOCKET);
    expect(c.slack.mode).toBe('socket');
    expect(c.slack.appToken).toBe('xapp-1-abc');
    expect(c.slack.signingSecret).toBeUndefined();
  });

  it('an app token wins over a signing secret (Socket Mode when both are set)', () => {
    expect(ok({ ...HTTP, SLACK_APP_TOKEN: 'xapp-1-abc' }).slack.mode).toBe('socket');
  });

  it('blank values count as unset', () => {
    const c = ok({ ...HTTP, SLACK_APP_TOKEN: '   ', PORT: '', LOG_LEVEL: '', DATABASE_URL: ' ' });
    expect(c.slack.mode).toBe('http');
    expect(c.port).toBe(3000);
    expect(c.logLevel).toBe('info');
    expect(c.database.engine).toBe('pglite');
  });

  it('a bot token without a signing secret or app token names both ways out', () => {
    const list = problems({ SLACK_BOT_TOKEN: 'xoxb-1-abc' });
    expect(list).toHaveLength(1);
    expect(list[0]).toContain('SLACK_SIGNING_SECRET');
    expect(list[0]).toContain('SLACK_APP_TOKEN');
  });

  it('a signing secret without a bot token asks for the bot token', () => {
    const parsed = parseConfig({ SLACK_SIGNING_SECRET: 'shh' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.missingSlackCredentials).toBe(false);
    expect(parsed.problems).toEqual([expect.stringContaining('SLACK_BOT_TOKEN is missing')]);
  });
});

describe('parseConfig: defaults and values', () => {
  it('PORT 3000, info logging, no admins, Slack API URL', () => {
    const c = ok(HTTP);
    expect(c.port).toBe(3000);
    expect(c.logLevel).toBe('info');
    expect(c.admins).toEqual([]);
    expect(c.slack.apiUrl).toBe('https://slack.com/api/');
  });

  it('the embedded database lives in ./data resolved against the working directory', () => {
    expect(ok(HTTP, '/srv/pilot').database).toEqual({ engine: 'pglite', dataDir: '/srv/pilot/data' });
    expect(ok({ ...HTTP, PILOTDESK_DATA_DIR: 'var/db' }, '/srv/pilot').database).toEqual({
      engine: 'pglite',
      dataDir: '/srv/pilot/var/db',
    });
    expect(ok({ ...HTTP, PILOTDESK_DATA_DIR: '/abs/db' }, '/srv/pilot').database).toEqual({
      engine: 'pglite',
      dataDir: '/abs/db',
    });
  });

  it('the working directory defaults to process.cwd()', () => {
    const parsed = parseConfig(HTTP);
    expect(parsed.ok && parsed.config.database).toEqual({
      engine: 'pglite',
      dataDir: path.resolve(process.cwd(), 'data'),
    });
  });

  it('DATABASE_URL selects PostgreSQL (postgres:// and postgresql://)', () => {
    expect(ok({ ...HTTP, DATABASE_URL: 'postgres://u:p@db:5432/pd' }).database).toEqual({
      engine: 'postgres',
      url: 'postgres://u:p@db:5432/pd',
    });
    expect(ok({ ...HTTP, DATABASE_URL: 'postgresql://db/pd' }).database.engine).toBe('postgres');
  });

  it('SLACK_API_URL gets a trailing slash; one that has it is kept', () => {
    expect(ok({ ...HTTP, SLACK_API_URL: 'http://127.0.0.1:9999/api' }).slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(ok({ ...HTTP, SLACK_API_URL: 'https://slack-gov.com/api/' }).slack.apiUrl).toBe(
      'https://slack-gov.com/api/',
    );
  });

  it('PORT and LOG_LEVEL are read', () => {
    const c = ok({ ...HTTP, PORT: '8080', LOG_LEVEL: 'debug' });
    expect(c.port).toBe(8080);
    expect(c.logLevel).toBe('debug');
    expect(ok({ ...HTTP, PORT: '0' }).port).toBe(0);
  });

  it('PILOTDESK_SHUTDOWN_TIMEOUT_MS: 10 s unless set; a bad value is refused with what to write', () => {
    expect(ok(HTTP).shutdownTimeoutMs).toBe(10_000);
    expect(ok({ ...HTTP, PILOTDESK_SHUTDOWN_TIMEOUT_MS: '' }).shutdownTimeoutMs).toBe(10_000);
    expect(ok({ ...HTTP, PILOTDESK_SHUTDOWN_TIMEOUT_MS: '25000' }).shutdownTimeoutMs).toBe(25_000);
    expect(problems({ ...HTTP, PILOTDESK_SHUTDOWN_TIMEOUT_MS: 'soon' })).toEqual([
      expect.stringContaining('PILOTDESK_SHUTDOWN_TIMEOUT_MS must be a number of milliseconds'),
    ]);
    expect(problems({ ...HTTP, PILOTDESK_SHUTDOWN_TIMEOUT_MS: '-1' })).toEqual([expect.stringContaining('0 or more')]);
  });

  it('PILOTDESK_HANDLERS_IN_FLIGHT: 8 unless set; a bad value is refused with what to write', () => {
    expect(ok(HTTP).handlersInFlight).toBe(8);
    expect(ok({ ...HTTP, PILOTDESK_HANDLERS_IN_FLIGHT: '' }).handlersInFlight).toBe(8);
    expect(ok({ ...HTTP, PILOTDESK_HANDLERS_IN_FLIGHT: '3' }).handlersInFlight).toBe(3);
    expect(problems({ ...HTTP, PILOTDESK_HANDLERS_IN_FLIGHT: 'many' })).toEqual([
      expect.stringContaining('PILOTDESK_HANDLERS_IN_FLIGHT must be a number of requests'),
    ]);
    expect(problems({ ...HTTP, PILOTDESK_HANDLERS_IN_FLIGHT: '0' })).toEqual([expect.stringContaining('at least 1')]);
  });

  it('PILOTDESK_ADMINS is split on commas, trimmed, empties dropped', () => {
    expect(ok({ ...HTTP, PILOTDESK_ADMINS: 'U01AAA' }).admins).toEqual(['U01AAA']);
    expect(ok({ ...HTTP, PILOTDESK_ADMINS: ' U01AAA , U02BBB,,U03CCC ,' }).admins).toEqual([
      'U01AAA',
      'U02BBB',
      'U03CCC',
    ]);
  });

  it('the result is frozen all the way down (mutation throws in strict mode)', () => {
    const c = ok({ ...HTTP, PILOTDESK_ADMINS: 'U01AAA' });
    expect(Object.isFrozen(c)).toBe(true);
    expect(() => {
      (c as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(() => {
      (c.slack as { botToken: string }).botToken = 'xoxb-other';
    }).toThrow(TypeError);
    expect(() => {
      (c.database as { engine: string }).engine = 'postgres';
    }).toThrow(TypeError);
    expect(() => {
      (c.admins as string[]).push('U0EVIL');
    }).toThrow(TypeError);
    expect(c.port).toBe(3000);
    expect(c.admins).toEqual(['U01AAA']);
  });
});

describe('parseConfig: problems', () => {
  it('no credentials at all → the local sandbox, on loopback, with its own data folder and admin', () => {
    const c = ok({});
    expect(c.slack.mode).toBe('sandbox');
    expect(c.slack.botToken).toBe(SANDBOX_BOT_TOKEN);
    expect(c.slack.apiUrl).toBe('http://127.0.0.1:3000/api/');
    expect(c.sandbox).toEqual({ host: '127.0.0.1', ignored: [] });
    // Never a real workspace's data: the sandbox keeps its own embedded database under the data folder.
    expect(c.database).toEqual({ engine: 'pglite', dataDir: '/srv/pilot/data/sandbox' });
    expect(ok({ PILOTDESK_DATA_DIR: '/abs/db' }).database).toEqual({ engine: 'pglite', dataDir: '/abs/db/sandbox' });
    expect(c.admins).toEqual([SANDBOX_ADMIN_ID]);
  });

  it('PILOTDESK_SANDBOX=0 with no credentials → missingSlackCredentials, one problem naming every variable and the README', () => {
    const parsed = parseConfig({ PILOTDESK_SANDBOX: '0' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.missingSlackCredentials).toBe(true);
    expect(parsed.problems).toHaveLength(1);
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'README'])
      expect(parsed.problems[0]).toContain(name);
  });

  it('with credentials the sandbox is off unless PILOTDESK_SANDBOX=1; then what it does not use is named', () => {
    expect(ok(HTTP).sandbox).toBeNull();
    expect(ok({ ...HTTP, PILOTDESK_SANDBOX: '0' }).slack.mode).toBe('http');
    const c = ok({ ...HTTP, PILOTDESK_SANDBOX: '1', DATABASE_URL: 'postgres://db/pd', PILOTDESK_ADMINS: 'U01AAA' });
    expect(c.slack.mode).toBe('sandbox');
    expect(c.slack.botToken).toBe(SANDBOX_BOT_TOKEN);
    expect(c.database.engine).toBe('pglite');
    expect(c.admins).toEqual([SANDBOX_ADMIN_ID]);
    expect(c.sandbox?.ignored).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'DATABASE_URL', 'PILOTDESK_ADMINS']);
  });

  it('the sandbox binds loopback only: any other address is refused', () => {
    expect(ok({ PILOTDESK_SANDBOX_HOST: '::1' }).sandbox?.host).toBe('::1');
    expect(ok({ PILOTDESK_SANDBOX_HOST: 'localhost' }).sandbox?.host).toBe('127.0.0.1');
    for (const host of ['0.0.0.0', '192.168.1.5', 'example.org', '::'])
      expect(problems({ PILOTDESK_SANDBOX_HOST: host })).toEqual([expect.stringContaining('loopback')]);
    expect(problems({ PILOTDESK_SANDBOX: 'maybe' })).toEqual([expect.stringContaining('PILOTDESK_SANDBOX must be')]);
  });

  it('every bad value is listed at once, each once', () => {
    const list = problems({
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      SLACK_APP_TOKEN: 'xoxb-not-an-app-token',
      PORT: 'eighty',
      LOG_LEVEL: 'verbose',
      DATABASE_URL: 'mysql://db/pd',
      SLACK_API_URL: 'not a url',
    });
    const expected = [
      'SLACK_BOT_TOKEN must be a bot token starting with xoxb-',
      'SLACK_APP_TOKEN must be an app-level token starting with xapp-',
      'PORT must be a number',
      'LOG_LEVEL must be one of debug, info, warn, error',
      'DATABASE_URL must start with postgres:// or postgresql://',
      'SLACK_API_URL must be a URL',
    ];
    expect(list).toHaveLength(expected.length);
    for (const start of expected) expect(list.filter((p) => p.startsWith(start))).toHaveLength(1);
  });

  it.each([
    ['65536', 'between 0 and 65535'],
    ['-1', 'between 0 and 65535'],
    ['80.5', 'whole number'],
  ])('PORT=%s is refused (%s)', (port, message) => {
    expect(problems({ ...HTTP, PORT: port })).toEqual([expect.stringContaining(message)]);
  });

  it('a bad value does not hide missing Slack credentials: both are listed at once', () => {
    // One message listing every problem: an operator who fixes PORT must not then discover the missing token.
    const list = problems({ SLACK_SIGNING_SECRET: 'shh', PORT: 'eighty' });
    expect(list).toEqual([
      expect.stringContaining('PORT must be a number'),
      expect.stringContaining('SLACK_BOT_TOKEN'),
    ]);
  });
});

describe('npm start as a process', () => {
  const repo = path.resolve(import.meta.dirname, '..');
  const main = path.join(repo, 'src/main.ts');
  const tsx = import.meta.resolve('tsx');
  let cwd: string;

  beforeAll(() => {
    // An empty working directory: a developer's .env in the repository must not leak into these runs.
    cwd = mkdtempSync(path.join(tmpdir(), 'pilotdesk-main-'));
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  function start(
    env: Record<string, string>,
    dir = cwd,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', tsx, main], {
        cwd: dir,
        // Nothing from the test runner's environment (DATABASE_URL, SLACK_*…) except what node needs.
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`src/main.ts did not exit; stdout: ${stdout}; stderr: ${stderr}`));
      }, 30_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  it('without Slack variables: serves the sandbox on loopback, prints its address, stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-main-sandbox-'));
    try {
      const child = spawn(process.execPath, ['--import', tsx, main], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', LOG_LEVEL: 'error' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address printed; ${stdout} ${stderr}`)), 60_000);
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          const found = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
          if (found) {
            clearTimeout(timer);
            resolve(found[1]!);
          }
        });
        child.on('close', (code) => reject(new Error(`exited ${code}: ${stdout} ${stderr}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('/sandbox/app.js');
      expect((await fetch(`${url}healthz`)).status).toBe(200);
      expect(stdout).toContain('Create the Slack app');
      expect(existsSync(path.join(dir, 'data', 'sandbox'))).toBe(true);
      const code = await new Promise<number | null>((resolve) => {
        child.on('close', resolve);
        child.kill('SIGTERM');
      });
      expect(code).toBe(0);
      expect(stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('PILOTDESK_SANDBOX=0 without Slack variables: exit 2, says what to set and where to read, no stack trace', async () => {
    const { code, stdout, stderr } = await start({ PILOTDESK_SANDBOX: '0' });
    expect(code).toBe(2);
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'README']) {
      expect(stderr).toContain(name);
    }
    expect(stderr).toContain('Create the Slack app');
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stdout).toBe('');
  });

  it('with several bad values: exit 2, every problem listed once, no stack trace', async () => {
    const { code, stderr } = await start({
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      SLACK_SIGNING_SECRET: 'shh',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://db/pd',
    });
    expect(code).toBe(2);
    for (const start of [
      'SLACK_BOT_TOKEN must be a bot token starting with xoxb-',
      'PORT must be a number',
      'LOG_LEVEL must be one of',
      'DATABASE_URL must start with postgres://',
    ]) {
      expect(stderr.split(start)).toHaveLength(2);
    }
    expect(stderr.match(/^ {2}- /gm)).toHaveLength(4);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('the untouched .env.example copied to .env does not pass for credentials', async () => {
    // What a newcomer does first: cp .env.example .env && npm start. SLACK_BOT_TOKEN=xoxb- is a placeholder.
    const dir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-main-env-'));
    try {
      copyFileSync(path.join(repo, '.env.example'), path.join(dir, '.env'));
      // With the sandbox refused, the placeholders must not pass for credentials (without it, the sandbox starts).
      const { code, stderr } = await start({ PILOTDESK_SANDBOX: '0' }, dir);
      expect(code).toBe(2);
      expect(stderr).toContain('SLACK_BOT_TOKEN');
      expect(stderr).not.toMatch(/^\s+at /m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
