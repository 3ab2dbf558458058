import { expect } from 'vitest';
import { type TestApp, WORKING_GROUP_CHANNEL } from './app.ts';
import type { RecordedCall } from './fake-slack.ts';

type Block = {
  type: string;
  block_id?: string;
  elements?: Array<Record<string, unknown>>;
  accessory?: Record<string, unknown>;
};
type View = { callback_id: string; private_metadata: string; blocks: Block[] };

/** A form value as Slack reports it for one input element. */
export type InputValue = string | ({ type: string } & Record<string, unknown>);

/** Shorthands for the element values Slack sends back from modals. */
export const input = {
  date: (selected_date: string) => ({ type: 'datepicker', selected_date }),
  user: (selected_user: string) => ({ type: 'users_select', selected_user }),
  select: (value: string) => ({ type: 'static_select', selected_option: { value } }),
  check: (on: boolean) => ({ type: 'checkboxes', selected_options: on ? [{ value: 'true' }] : [] }),
  url: (value: string) => ({ type: 'url_text_input', value }),
};

/**
 * A person in Slack, driving the app only through what Slack lets people do: typing `/pilot …`, pressing the
 * buttons the app sent them, and filling in the modals it opened.
 */
export class SlackUser {
  constructor(
    readonly t: TestApp,
    readonly id: string,
    readonly channelId = WORKING_GROUP_CHANNEL,
  ) {}

  /** Types a command; resolves with the ephemeral answer the app sent to the command's response_url. */
  async command(text: string): Promise<{ text: string; blocks: Block[] }> {
    const url = this.t.fake.responseUrl();
    const res = await this.t.slack.command({ text, userId: this.id, channelId: this.channelId, responseUrl: url });
    expect(res.status).toBe(200);
    const answer = await this.t.fake.waitForResponse((r) => r.url === url);
    return answer.body as { text: string; blocks: Block[] };
  }

  /** The messages the app sent to this person's DMs (channel = their user id), oldest first. */
  dms(): Array<{ text: string; blocks: Block[] }> {
    return this.t.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === this.id)
      .map((c) => ({ text: String(c.args.text), blocks: (c.args.blocks ?? []) as Block[] }));
  }

  /** Closes a modal without submitting (Slack's `view_closed`, sent when the modal asked with notify_on_close). */
  async close(view: View, values: Record<string, InputValue>): Promise<void> {
    const state: Record<string, Record<string, InputValue>> = {};
    for (const [blockId, value] of Object.entries(values)) state[blockId] = { v: value };
    const res = await this.t.slack.interaction(
      this.t.slack.viewClosed({
        userId: this.id,
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: state,
      }),
    );
    expect(res.status).toBe(200);
  }

  /** The project card as this person sees it (`/pilot show`). */
  async card(ref: string): Promise<Block[]> {
    return (await this.command(`show ${ref}`)).blocks;
  }

  /** The action ids of the buttons on a message. */
  static buttons(blocks: Block[]): string[] {
    return blocks
      .flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])])
      .map((e) => String(e.action_id));
  }

  /**
   * Presses the first button whose action_id starts with `prefix`. Resolves with the modal it opened, or the
   * ephemeral answer it sent.
   */
  async press(blocks: Block[], prefix: string): Promise<{ view?: View; answer?: { text: string } }> {
    const element = blocks
      .flatMap((b) => (b.elements ?? []).map((e) => ({ e, block: b })))
      .find(({ e }) => String(e.action_id).startsWith(prefix));
    if (!element) throw new Error(`no button ${prefix} among ${SlackUser.buttons(blocks).join(', ')}`);
    const opened = this.t.fake.callsTo('views.open').length;
    const url = this.t.fake.responseUrl();
    const res = await this.t.slack.interaction(
      this.t.slack.blockActions({
        userId: this.id,
        actionId: String(element.e.action_id),
        value: String(element.e.value),
        blockId: element.block.block_id ?? 'b',
        channelId: this.channelId,
        responseUrl: url,
      }),
    );
    expect(res.status).toBe(200);
    const outcome = await Promise.race([
      this.t.fake.waitForCall(
        'views.open',
        (c: RecordedCall) => this.t.fake.callsTo('views.open').indexOf(c) >= opened,
      ),
      this.t.fake.waitForResponse((r) => r.url === url),
    ]);
    if ('method' in outcome) return { view: outcome.args.view as View };
    return { answer: outcome.body as { text: string } };
  }

  /** Submits a modal with values by block id (action id taken from the view); resolves with the HTTP answer. */
  async submit(view: View, values: Record<string, InputValue>) {
    const state: Record<string, Record<string, InputValue>> = {};
    for (const [blockId, value] of Object.entries(values)) {
      const block = view.blocks.find((b) => b.block_id === blockId) as { element?: { action_id?: string } } | undefined;
      if (!block)
        throw new Error(`the modal has no block ${blockId}: ${view.blocks.map((b) => b.block_id).join(', ')}`);
      state[blockId] = { [block.element?.action_id ?? 'v']: value };
    }
    const res = await this.t.slack.interaction(
      this.t.slack.viewSubmission({
        userId: this.id,
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: state,
      }),
    );
    expect(res.status).toBe(200);
    return res.text ? (res.json() as { response_action?: string; errors?: Record<string, string>; view?: View }) : {};
  }
}
