import type { RunningServer } from '../server.ts';
import { STAFF, WORKGROUP } from './demo-projects.ts';
import type { PageAction, SandboxPeople } from './people-act.ts';
import type { SandboxMessage, SandboxSlack, SandboxView } from './slack-api.ts';
import { dmChannelOf } from './workspace.ts';

/**
 * A form value by block id, as a person enters it: a string (typed text, a date, a menu's value), a number, a
 * boolean (a single checkbox), a list of menu values, or an element state in Slack's own shape.
 */
export type Value = string | number | boolean | readonly string[] | ({ type: string } & Record<string, unknown>);

/** Whether the message has an element whose action id starts with `prefix`. */
export function hasAction(m: SandboxMessage, prefix: string): boolean {
  return JSON.stringify(m.blocks ?? []).includes(`"action_id":"${prefix}`);
}

export interface Actor {
  command(userId: string, channel: string, text: string): Promise<void>;
  /**
   * Submits the person's top modal as Slack does: every input with what the person entered (`values` by block id)
   * or else what the form showed filled in. Throws with the form's inline errors when it refuses.
   */
  submit(userId: string, values: Record<string, Value>): Promise<void>;
  press(userId: string, message: SandboxMessage, prefix: string): Promise<void>;
  /**
   * Presses the project card's button for `action` (`project.act.<action>`) and, when it opens a form, fills in the
   * action's fields by name (`f.<name>`); throws when the project did not change, with what the bot answered.
   */
  step(userId: string, ref: string, action: string, fields?: Record<string, Value>): Promise<void>;
  /** The project's card in the working group's channel, as everyone there sees it. */
  card(ref: string): Promise<SandboxMessage>;
  dm(userId: string, match: (m: SandboxMessage) => boolean): Promise<SandboxMessage | undefined>;
  /** The last message the person sees in the conversation (an ephemeral answer included). */
  lastSeen(userId: string, channel: string): SandboxMessage | undefined;
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
  const prisma = deps.server.db.prisma;
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
  const self: Actor = {
    async command(userId, channel, text) {
      await people.command(userId, channel, '/pilot', text).done;
      await settle();
    },
    async submit(userId, values) {
      const view = top(userId);
      const outcome = await people.submit(userId, view.id, viewState(view, values));
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
    async step(userId, ref, action, fields = {}) {
      const before = await prisma.project.findUniqueOrThrow({ where: { ref }, select: { version: true } });
      const modals = slack.modalStack(userId).length;
      await self.press(userId, await self.card(ref), `project.act.${action}`);
      if (slack.modalStack(userId).length > modals)
        await self.submit(
          userId,
          Object.fromEntries(Object.entries(fields).map(([name, value]) => [`f.${name}`, value])),
        );
      const after = await prisma.project.findUniqueOrThrow({ where: { ref }, select: { version: true } });
      if (after.version === before.version) {
        const answer = self.lastSeen(userId, WORKGROUP)?.text ?? '';
        throw new Error(`demo seed: ${action} on ${ref} changed nothing; the bot answered "${answer.slice(0, 200)}"`);
      }
    },
    async card(ref) {
      await settle();
      const card = [...slack.visibleMessages(STAFF, WORKGROUP)]
        .reverse()
        .find(
          (m) =>
            !m.threadTs &&
            m.text.includes(ref) &&
            m.ephemeralFor === undefined &&
            (hasAction(m, 'project.act.') || hasAction(m, 'intake.')),
        );
      if (!card) throw new Error(`demo seed: no card for ${ref} in the working group's channel`);
      return card;
    },
    async dm(userId, match) {
      await settle();
      return slack.visibleMessages(userId, dmChannelOf(userId)).find(match);
    },
    lastSeen(userId, channel) {
      return slack.visibleMessages(userId, channel).at(-1);
    },
    closeModals(userId) {
      slack.closeAll(userId);
    },
  };
  return self;
}

type Element = { type?: string; action_id?: string; options?: { value: string }[] } & Record<string, unknown>;
type Block = { type?: string; block_id?: string; element?: Element };

/** A view's state as Slack sends it on submission: each input's entered value, else the value it was shown with. */
export function viewState(
  view: SandboxView,
  values: Record<string, Value>,
): Record<string, Record<string, Record<string, unknown>>> {
  const state: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const block of (view.view.blocks ?? []) as Block[]) {
    if (block.type !== 'input' || !block.block_id || !block.element) continue;
    const element = block.element;
    const given = values[block.block_id];
    const entered = given === undefined ? initialState(element) : elementState(element, given);
    if (entered) state[block.block_id] = { [element.action_id ?? block.block_id]: entered };
  }
  return state;
}

/** What a person's entry looks like in Slack's view state for this element type. */
function elementState(element: Element, value: Value): Record<string, unknown> {
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  const type = String(element.type ?? 'plain_text_input');
  const list = (Array.isArray(value) ? value : [String(value)]).map((v) => ({ value: v }));
  switch (type) {
    case 'datepicker':
      return { type, selected_date: String(value) };
    case 'datetimepicker':
      return { type, selected_date_time: Number(value) };
    case 'static_select':
    case 'radio_buttons':
      return { type, selected_option: list[0] ?? null };
    case 'multi_static_select':
      return { type, selected_options: list };
    case 'users_select':
      return { type, selected_user: String(value) };
    case 'checkboxes': {
      // A single box: true ticks it, false leaves it empty; else the values of the boxes to tick.
      if (typeof value === 'boolean')
        return { type, selected_options: value ? (element.options ?? []).slice(0, 1) : [] };
      return { type, selected_options: list };
    }
    default:
      return { type, value: String(value) };
  }
}

/** The value an element was shown with (`initial_*`), in the shape Slack sends back; undefined when empty. */
function initialState(element: Element): Record<string, unknown> | undefined {
  const type = String(element.type ?? '');
  if (element.initial_value !== undefined) return { type, value: element.initial_value };
  if (element.initial_date !== undefined) return { type, selected_date: element.initial_date };
  if (element.initial_date_time !== undefined) return { type, selected_date_time: element.initial_date_time };
  if (element.initial_user !== undefined) return { type, selected_user: element.initial_user };
  if (element.initial_option !== undefined) return { type, selected_option: element.initial_option };
  if (element.initial_options !== undefined) return { type, selected_options: element.initial_options };
  return undefined;
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
