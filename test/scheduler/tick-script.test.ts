import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = (...args: string[]) =>
  spawnSync('npm', ['run', '--silent', 'tick', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // No database or Slack settings: the refusal must come before anything is opened.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    timeout: 60_000,
  });

describe('npm run tick', () => {
  it('refuses an instant more than a minute in the future without --allow-future, with exit code 2', () => {
    const future = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const result = run('--at', future);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--allow-future');
    expect(result.stderr).toContain('in the future');
  });

  it('refuses a missing or offset-less instant with the usage line', () => {
    for (const args of [[], ['--at', '2026-03-02T09:00']]) {
      const result = run(...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Usage: npm run tick');
    }
  });
});
