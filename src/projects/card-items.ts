import type { OutboxItem } from '../outbox/enqueue-messages.ts';
import { CARD_METHOD, THREAD_METHOD } from './ids.ts';

/** The card for a project that was just created, posted where the application was opened. */
export function initialCardItem(projectId: string): OutboxItem {
  return { key: `card:${projectId}:v1`, method: CARD_METHOD, projectId, args: { projectId, initial: true } };
}

/**
 * After a change: refresh the card (rendered when sent, so it shows the state at that moment, not at enqueue time)
 * and add a one-line timeline entry to the project's thread.
 */
export function changeItems(
  projectId: string,
  version: number,
  entry: { eventType: string; actorId: string | null; stage: string },
): OutboxItem[] {
  return [
    { key: `card:${projectId}:v${version}`, method: CARD_METHOD, projectId, args: { projectId } },
    { key: `thread:${projectId}:v${version}`, method: THREAD_METHOD, projectId, args: { projectId, ...entry } },
  ];
}
