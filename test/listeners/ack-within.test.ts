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
  const updated: Array<{ view_id: string; view: { blocks: Array<{ text?: { text: string } }> } }> = [];
  let viewGone = false;
  const client = {
    chat: {
      postMessage: async (m: { channel: string; text: string }) => {
        posted.push(m);
        events.push('dm');
      },
    },
    views: {
      update: async (u: (typeof updated)[number]) => {
        if (viewGone) throw new Error('not_found');
        updated.push(u);
        events.push('views.update');
      },
    },
  } as never;
  const errors = (e: unknown, _lang: string) =>
    e instanceof InputError ? { response_action: 'errors' as const, errors: { f: 'x' } } : null;
  return {
    events,
    posted,
    updated,
    ack,
    closeView: () => {
      viewGone = true;
    },
    late: { client, userId: 'U0LATE1', lang: async () => 'zh-CN' as const, errors },
  };
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

  it('a closed modal (no field to show a refusal) is answered once and the refusal goes by DM', async () => {
    const h = harness();
    const late = { ...h.late, errors: () => null };
    await submitWithin(h.ack, () => slow(10, new InputError('refusal.nothingPending', { ref: 'P-2026-002' })), late);
    expect(h.events).toEqual(['ack', 'dm']);
    expect(h.posted[0]?.text).toContain('P-2026-002');
  });

  it('waits for quick work before answering, so what was acknowledged is already saved', async () => {
    const h = harness();
    await submitWithin(
      h.ack,
      async () => {
        await slow(50);
        h.events.push('saved');
      },
      h.late,
    );
    expect(h.events).toEqual(['saved', 'ack']);
  });

  describe('a form whose result replaces it (eligibility check, relay outcome)', () => {
    const result = { response_action: 'update' as const, view: { type: 'modal', blocks: [{ text: { text: 'R' } }] } };
    const text = (u: { view: { blocks: Array<{ text?: { text: string } }> } } | undefined) =>
      u?.view.blocks.map((b) => b.text?.text).join(' ');

    it('in time: the result view is the answer to Slack', async () => {
      const h = harness();
      await submitWithin(h.ack, async () => result as never, { ...h.late, viewId: 'V1' });
      expect(h.events).toEqual([`ack:${JSON.stringify(result)}`]);
    });

    it('late: the form turns into “working on it” at once, then the result replaces it', async () => {
      const h = harness();
      await submitWithin(
        h.ack,
        async () => {
          await slow(2_000);
          return result as never;
        },
        { ...h.late, viewId: 'V1' },
      );
      expect(h.events[0]).toContain('"response_action":"update"');
      expect(h.events[0]).toContain('正在处理');
      expect(h.events.slice(1)).toEqual(['views.update']);
      expect(h.updated[0]).toMatchObject({ view_id: 'V1', view: result.view });
    });

    it('late refusal: shown in the same modal; if the person closed it, sent by DM instead', async () => {
      const refusal = async () => {
        await slow(2_000);
        throw new InputError('refusal.nothingPending', { ref: 'P-2026-003' });
      };
      const shown = harness();
      await submitWithin(shown.ack, refusal, { ...shown.late, viewId: 'V2' });
      expect(text(shown.updated[0])).toContain('P-2026-003 目前没有待确认的决定');
      expect(shown.posted).toEqual([]);

      const closed = harness();
      closed.closeView();
      await submitWithin(closed.ack, refusal, { ...closed.late, viewId: 'V3' });
      expect(closed.posted[0]?.text).toContain('P-2026-003 目前没有待确认的决定');
    });

    it('late failure that is not the person’s: the modal says so and the error goes on to the error handler', async () => {
      const h = harness();
      const work = async () => {
        await slow(2_000);
        throw new Error('database gone');
      };
      await expect(submitWithin(h.ack, work, { ...h.late, viewId: 'V4' })).rejects.toThrow('database gone');
      expect(text(h.updated[0])).toContain('原因已通过私信发给您');
    });
  });
});
