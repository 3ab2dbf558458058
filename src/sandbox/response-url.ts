import type { Args, ResponseTarget } from './slack-wire.ts';
import { truthy } from './slack-wire.ts';
import type { SlackStore } from './web-api-methods.ts';

/**
 * What a POST to a response_url does, as in Slack: delete or replace the message the interaction came from, post in
 * the conversation (`in_channel`), or else show an ephemeral to the person who acted.
 */
export function answerResponseUrl(store: SlackStore, target: ResponseTarget, body: Args): void {
  const text = typeof body.text === 'string' ? body.text : '';
  const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
  const source = target.messageTs ? store.message(target.channel, target.messageTs) : undefined;
  if (source && truthy(body.delete_original)) {
    store.remove((m) => m === source);
  } else if (source && truthy(body.replace_original)) {
    source.text = text;
    if (blocks) source.blocks = blocks;
    else delete source.blocks;
    source.edited = source.ephemeralFor === undefined;
    store.changed();
  } else if (body.response_type === 'in_channel') {
    store.add(store.botMessage(target.channel, { text, blocks, thread_ts: body.thread_ts }));
  } else {
    store.add({ ...store.botMessage(target.channel, { text, blocks }), ephemeralFor: target.userId });
  }
}
