import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/listeners/commands/index.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows the pilot lifecycle exactly as the committed diagram has it', () => {
    const diagram = readFileSync(new URL('../docs/machines/pilot.mmd', import.meta.url), 'utf8').trim();
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(readme)?.[1]?.trim();
    expect(block).toBe(diagram);
  });

  it('has a Quick start of exactly two commands: run the bot, run the tests, both installing first', () => {
    const quick = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = quick
      .split('\n')
      .map((l) => l.replace(/#.*$/, '').trim())
      .filter(Boolean);
    expect(commands).toEqual(['npm install && npm start', 'npm install && npm test']);
  });

  it('documents the slash command', () => {
    expect(COMMANDS).toEqual(['/pilot']);
    expect(readme).toContain('/pilot');
  });
});
