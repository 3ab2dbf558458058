import type { RunningServer } from '../server.ts';
import { STAFF, WORKGROUP } from './demo-projects.ts';
import type { PageAction, SandboxPeople } from './people-act.ts';
import type { SandboxMessage, SandboxSlack, SandboxView } from './slack-api.ts';
import { dmChannelOf } from './workspace.ts';

/** A form value by block id: a bare string is a plain text input's. */
export type Value = string | ({ type: string } & Record<string, unknown>);

/** Whether the message has an element whose action id starts with `prefix`. */
export function hasAction(m: SandboxMessage, prefix: string): boolean {
  return JSON.stringify(m.blocks ?? []).includes(`"action_id":"${prefix}`);
}

export interface Actor {
  command(userId: string, channel: string, text: string): Promise<void>;
  /** Submits the person's top modal with values by block id (the action id is read from the view). */
  submit(userId: string, values: Record<string, Value>): Promise<void>;
  press(userId: string, message: SandboxMessage, prefix: string): Promise<void>;
  /** The project's card in the working group's channel, as everyone there sees it. */
  card(ref: string): Promise<SandboxMessage>;
  dm(userId: string, match: (m: SandboxMessage) => boolean): Promise<SandboxMessage | undefined>;
  closeModals(userId: string): void;
}

/** What the seed's hands reach. */
export interface ActorDeps {
  slack: SandboxSlack;
  people: SandboxPeople;
  server: RunningServer;
}

/** The seed's hands: commands, presses and submissions through the sandbox, each awaited until the app is done. */
export function actor(deps: ActorDeps): Actor {
  const { slack, people } = deps;
  const settle = async () => {
    await deps.server.services.idle();
    await deps.server.services.flushOutbox();
    await deps.server.services.idle();
  };
  const top = (userId: string): SandboxView => {
    const view = slack.modalStack(userId).at(-1);
    if (!view) throw new Error(`demo seed: no modal is open for ${userId}`);
    return view;
  };
  return {
    async command(userId, channel, text) {
      await people.command(userId, channel, '/pilot', text).done;
      await settle();
    },
    async submit(userId, values) {
      const view = top(userId);
      const blocks = (view.view.blocks ?? []) as { block_id?: string; element?: { action_id?: string } }[];
      const state: Record<string, Record<string, Record<string, unknown>>> = {};
      for (const [blockId, value] of Object.entries(values)) {
        const block = blocks.find((b) => b.block_id === blockId);
        if (!block) continue;
        state[blockId] = {
          [block.element?.action_id ?? blockId]:
            typeof value === 'string' ? { type: 'plain_text_input', value } : value,
        };
      }
      const outcome = await people.submit(userId, view.id, state);
      if (outcome?.kind === 'errors')
        throw new Error(
          `demo seed: the form refused ${JSON.stringify(outcome.errors)} (${String(view.view.callback_id)})`,
        );
      await settle();
    },
    async press(userId, message, prefix) {
      const element = findElement(message, prefix);
      if (!element) throw new Error(`demo seed: no ${prefix} button on the message "${message.text.slice(0, 80)}"`);
      const action: PageAction = {
        type: 'button',
        action_id: element.action_id,
        block_id: element.block_id,
        ...(element.value !== undefined ? { value: element.value } : {}),
      };
      await people.actOnMessage(userId, message.channel, message.ts, action).done;
      await settle();
    },
    async card(ref) {
      await settle();
      const card = [...slack.visibleMessages(STAFF, WORKGROUP)]
        .reverse()
        .find((m) => !m.threadTs && m.text.includes(ref) && m.ephemeralFor === undefined);
      if (!card) throw new Error(`demo seed: no card for ${ref} in the working group's channel`);
      return card;
    },
    async dm(userId, match) {
      await settle();
      return slack.visibleMessages(userId, dmChannelOf(userId)).find(match);
    },
    closeModals(userId) {
      slack.closeAll(userId);
    },
  };
}

/** The first element on a message whose action id starts with `prefix`, with its block id. */
function findElement(
  message: SandboxMessage,
  prefix: string,
): { action_id: string; block_id: string; value?: string } | undefined {
  for (const block of (message.blocks ?? []) as Record<string, unknown>[]) {
    const elements = [
      ...((block.elements as Record<string, unknown>[] | undefined) ?? []),
      ...(block.accessory ? [block.accessory as Record<string, unknown>] : []),
    ];
    for (const e of elements)
      if (typeof e.action_id === 'string' && e.action_id.startsWith(prefix))
        return {
          action_id: e.action_id,
          block_id: String(block.block_id ?? ''),
          ...(typeof e.value === 'string' ? { value: e.value } : {}),
        };
  }
  return undefined;
}
