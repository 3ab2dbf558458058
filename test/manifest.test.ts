import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../src/listeners/commands/index.ts';
import { EVENTS } from '../src/listeners/events/index.ts';

const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8'));

describe('manifest.yml', () => {
  it('declares exactly the slash commands the app registers', () => {
    const declared = manifest.features.slash_commands.map((c: { command: string }) => c.command).sort();
    expect(declared).toEqual([...COMMANDS].sort());
  });

  it('subscribes to exactly the events the app registers, at the HTTP receiver endpoint', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...EVENTS].sort());
    expect(manifest.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
  });

  it('enables the Home tab the app publishes on app_home_opened', () => {
    expect(EVENTS).toContain('app_home_opened');
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  it('sends commands and interactions to the HTTP receiver endpoint', () => {
    for (const c of manifest.features.slash_commands) expect(c.url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.interactivity).toMatchObject({ is_enabled: true });
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
  });

  it('asks for the scopes the code uses: commands and posting messages', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write']));
  });

  it("asks for files:write and im:write: exports are uploaded to the requester's DM (files.*External, conversations.open)", () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['files:write', 'im:write']));
  });

  it('does not ask for chat:write.public: the bot posts only where it was invited (decision 006)', () => {
    expect(manifest.oauth_config.scopes.bot).not.toContain('chat:write.public');
  });

  it('states the Socket Mode setting explicitly', () => {
    expect(typeof manifest.settings.socket_mode_enabled).toBe('boolean');
  });
});
