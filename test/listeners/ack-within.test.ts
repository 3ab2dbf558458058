import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { submitWithin } from '../../src/listeners/views/ack-within.ts';

const slow = (ms: number, fail?: Error) =>
  new Promise<void>((resolve, reject) => setTimeout(() => (fail ? reject(fail) : resolve()), ms));

function harness() {
  const events: string[] = [];
  const posted: Array<{ channel: string; text: string }> = [];
  const ack = async (response?: unknown) => {
    events.push(response ? `ack:${JSON.stringify(response)}` : 'ack');
  };
  const client = {
    chat: {
      postMessage: async (m: { channel: string; text: string }) => {
        posted.push(m);
        events.push('dm');
      },
    },
  } as never;
  const errors = (e: unknown, _lang: string) =>
    e instanceof InputError ? { response_action: 'errors' as const, errors: { f: 'x' } } : null;
  return { events, posted, ack, late: { client, userId: 'U0LATE1', lang: async () => 'zh-CN' as const, errors } };
}

describe('a modal answered within Slack’s 3 seconds, whatever the load', () => {
  it('answers inline when the outcome is known in time', async () => {
    const h = harness();
    await submitWithin(h.ack, () => slow(10, new InputError('action.invalid')), h.late);
    expect(h.events).toEqual(['ack:{"response_action":"errors","errors":{"f":"x"}}']);
  });

  it('closes the modal before the budget runs out, then tells a late refusal by DM in the person’s language', async () => {
    const h = harness();
    const work = async () => {
      await slow(2_000);
      h.events.push('work finished');
      throw new InputError('refusal.nothingPending', { ref: 'P-2026-001' });
    };
    await submitWithin(h.ack, work, h.late);
    // The modal was closed before the work finished, not after: Slack never saw a late answer.
    expect(h.events).toEqual(['ack', 'work finished', 'dm']);
    expect(h.posted[0]).toEqual({ channel: 'U0LATE1', text: 'P-2026-001 目前没有待确认的决定，未作任何更改。' });
  });

  it('a late success closes the modal and says nothing more (the card shows the change)', async () => {
    const h = harness();
    await submitWithin(h.ack, () => slow(2_000), h.late);
    expect(h.events).toEqual(['ack']);
  });
});
