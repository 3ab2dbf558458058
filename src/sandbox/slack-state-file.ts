import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SandboxConversation, SandboxMessage, SandboxView } from './slack-wire.ts';

/** Slack's side of the sandbox as kept across restarts: messages, Home tabs and channel members. */
export interface PersistedSlack {
  messages: SandboxMessage[];
  homes: SandboxView[];
  members: Record<string, string[]>;
  /** Channels the bot was invited into after the first start (`/invite @Pilot Desk`). */
  invited: string[];
}

/** Writes the state through a temporary file, so a crash mid-write never leaves half a file. */
export function saveSlackState(file: string, state: PersistedSlack): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

/** The kept state, or undefined when there is none yet (a first start) or it cannot be read. */
export function loadSlackState(file: string): PersistedSlack | undefined {
  try {
    const persisted = JSON.parse(readFileSync(file, 'utf8')) as Partial<PersistedSlack>;
    return {
      messages: persisted.messages ?? [],
      homes: persisted.homes ?? [],
      members: persisted.members ?? {},
      invited: persisted.invited ?? [],
    };
  } catch {
    return undefined;
  }
}

/** Puts the kept channel membership back: who is in each channel, and the channels the bot was invited to. */
export function restoreChannels(
  conversations: Map<string, SandboxConversation>,
  persisted: Pick<PersistedSlack, 'members' | 'invited'>,
): void {
  for (const [id, members] of Object.entries(persisted.members)) {
    const c = conversations.get(id);
    if (c && c.kind === 'channel') c.members = members;
  }
  for (const id of persisted.invited) {
    const c = conversations.get(id);
    if (c && c.kind === 'channel') c.botMember = true;
  }
}
