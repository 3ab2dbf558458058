import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Asker } from './envelope.ts';

/**
 * Answers the person: ephemerally through the response URL when there is one (falling back to a DM if Slack refuses
 * it), else in a DM — modals and events have no response URL. One path for refusals, incidents and stale requests.
 */
export async function answerPerson(
  deps: { client: WebClient; botToken: string; post?: typeof fetch },
  asker: { [K in keyof Asker]?: Asker[K] | undefined },
  message: { text: string; blocks?: KnownBlock[] },
): Promise<void> {
  if (asker.responseUrl) {
    const res = await (deps.post ?? fetch)(asker.responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
    });
    if (res.ok || !asker.userId) return;
  }
  if (asker.userId)
    await deps.client.chat.postMessage({
      token: deps.botToken,
      channel: asker.userId,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks as never } : {}),
    });
}
