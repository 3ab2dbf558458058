import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ADMIN, SIGNING_SECRET } from './app.ts';
import type { FakeSlack } from './fake-slack.ts';

/** The repository root, where `npm start` runs. */
export const REPO = path.resolve(import.meta.dirname, '../..');

/** How a process ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A Pilot Desk started as its own process, the way `npm start` runs it (`node --import tsx src/main.ts`). */
export interface BotProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves with the HTTP port once the bot says it is running; rejects with its output if it exits first. */
  running(): Promise<number>;
  /** Resolves when the process has exited (SIGKILLs it after `timeoutMs`, then rejects). */
  exited(timeoutMs?: number): Promise<Exit>;
}

/** The environment of a test bot on a fake Slack, over HTTP, on a free port; nothing from the runner leaks in. */
export function botEnv(fake: FakeSlack, storage: Record<string, string>, over: Record<string, string> = {}) {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    PILOTDESK_ADMINS: ADMIN,
    LOG_LEVEL: 'warn',
    ...storage,
    ...over,
  };
}

/**
 * Starts `node --import tsx <script>` (src/main.ts unless told), or node with exactly `options.node` as its arguments
 * (e.g. the bundle `npm start` runs), in `cwd`: by default a fresh empty directory (so no .env is read) removed when
 * the process exits.
 */
export function startProcess(
  env: Record<string, string>,
  args: string[] = ['src/main.ts'],
  options: { cwd?: string; node?: string[] } = {},
): BotProcess {
  const cwd = options.cwd ?? mkdtempSync(path.join(tmpdir(), 'pilotdesk-proc-'));
  const [script, ...rest] = args;
  // tsx by its resolved URL: the empty working directory has no node_modules to find it in.
  const nodeArgs = options.node ?? ['--import', import.meta.resolve('tsx'), path.join(REPO, script!), ...rest];
  const child = spawn(process.execPath, nodeArgs, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exit = once(child, 'close').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    stdout,
    stderr,
  }));
  if (!options.cwd) void exit.then(() => rmSync(cwd, { recursive: true, force: true }));
  return {
    child,
    pid: child.pid!,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    running: () =>
      new Promise<number>((resolve, reject) => {
        const look = () => {
          const port = /Pilot Desk is running \(.*port (\d+)/.exec(stdout)?.[1];
          if (port) {
            child.stdout!.off('data', look);
            resolve(Number(port));
          }
        };
        child.stdout!.on('data', look);
        look();
        void exit.then((e) => reject(new Error(`the bot exited (${e.code}) before running: ${e.stderr}${e.stdout}`)));
      }),
    exited: (timeoutMs = 60_000) =>
      new Promise<Exit>((resolve, reject) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`the process did not exit within ${timeoutMs} ms; stdout: ${stdout}; stderr: ${stderr}`));
        }, timeoutMs);
        void exit.then((e) => {
          clearTimeout(timer);
          resolve(e);
        });
      }),
  };
}
