import type { Delivery, SandboxReceiver } from './receiver.ts';
import { type SandboxSlack, wireView } from './slack-api.ts';
import { eventCallbackPayload, slackTs, slashCommandPayload } from './slack-payloads.ts';
import { dmChannelOf, SANDBOX_TEAM } from './workspace.ts';

/** One element's action as the page reports it: the fields Slack puts in `actions[0]` for that element type. */
export interface PageAction {
  type: string;
  action_id: string;
  block_id: string;
  value?: string;
  text?: unknown;
  selected_option?: unknown;
  selected_options?: unknown[];
  selected_date?: string;
  selected_time?: string;
  selected_date_time?: number;
  selected_user?: string;
  selected_users?: string[];
}

/** What a submission ended in, for the page: the modal closed, changed, or inline errors by block id. */
export type SubmitOutcome =
  | { kind: 'closed' }
  | { kind: 'errors'; errors: Record<string, string> }
  | { kind: 'updated' }
  | { kind: 'pushed' };

type State = Record<string, Record<string, Record<string, unknown>>>;

/**
 * What people do in the sandbox, turned into the bodies Slack sends (slash commands, block_actions,
 * view_submission, view_closed, app_home_opened) and delivered through the sandbox receiver to the real app.
 */
export class SandboxPeople {
  constructor(
    private readonly slack: SandboxSlack,
    private readonly receiver: SandboxReceiver,
  ) {}

  /** A slash command typed in a conversation; its ack's text, if any, is shown as Slack shows it (ephemerally). */
  command(userId: string, channel: string, command: string, text: string): Delivery {
    const conversation = this.slack.conversations.get(channel);
    const body = slashCommandPayload({
      command,
      text,
      userId,
      userName: this.slack.person(userId)?.name ?? userId,
      channelId: channel,
      channelName: conversation?.kind === 'dm' ? 'directmessage' : (conversation?.name ?? channel),
      teamId: SANDBOX_TEAM.teamId,
      teamDomain: SANDBOX_TEAM.teamDomain,
      apiAppId: SANDBOX_TEAM.apiAppId,
      responseUrl: this.slack.newResponseUrl({ userId, channel }),
      triggerId: this.slack.newTrigger(userId),
    });
    const delivery = this.receiver.deliver(body);
    void delivery.ack.then((answer) => this.showAckText(userId, channel, answer));
    return delivery;
  }

  /** A button, menu, picker or select used on a message. */
  actOnMessage(userId: string, channel: string, ts: string, action: PageAction): Delivery {
    const message = this.slack.message(channel, ts);
    const conversation = this.slack.conversations.get(channel);
    const ephemeral = message?.ephemeralFor !== undefined;
    const body = {
      ...this.actionBase(userId, action),
      container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: ephemeral },
      channel: { id: channel, name: conversation?.kind === 'dm' ? 'directmessage' : (conversation?.name ?? channel) },
      // Slack does not send an ephemeral's content back, only its container.
      ...(message && !ephemeral
        ? {
            message: {
              type: 'message',
              user: message.user,
              ts: message.ts,
              text: message.text,
              ...(message.blocks ? { blocks: message.blocks } : {}),
              ...(message.user === SANDBOX_TEAM.botUserId ? { bot_id: SANDBOX_TEAM.botId } : {}),
              ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
            },
          }
        : {}),
      state: { values: {} },
      response_url: this.slack.newResponseUrl({ userId, channel, messageTs: ts, messageEphemeral: ephemeral }),
    };
    return this.receiver.deliver(body);
  }

  /** An element used in a modal or the Home tab, with what the person has typed there so far. */
  actInView(userId: string, viewId: string, action: PageAction, state: State): Delivery | undefined {
    const view = this.slack.setViewState(viewId, state);
    if (!view || view.userId !== userId) return undefined;
    const wire = wireView(view);
    return this.receiver.deliver({
      ...this.actionBase(userId, action),
      container: { type: 'view', view_id: view.id },
      view: wire,
      state: wire.state,
    });
  }

  /** The modal's submit button; resolves with what the app's acknowledgement did to the modal. */
  async submit(userId: string, viewId: string, state: State): Promise<SubmitOutcome | undefined> {
    const view = this.slack.setViewState(viewId, state);
    if (!view || view.userId !== userId || view.kind !== 'modal') return undefined;
    const delivery = this.receiver.deliver({
      type: 'view_submission',
      team: { id: SANDBOX_TEAM.teamId, domain: SANDBOX_TEAM.teamDomain },
      user: this.user(userId),
      api_app_id: SANDBOX_TEAM.apiAppId,
      token: SANDBOX_TEAM.verificationToken,
      trigger_id: this.slack.newTrigger(userId),
      view: wireView(view),
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    });
    const answer = (await delivery.ack) as
      | { response_action?: string; errors?: Record<string, string>; view?: Record<string, unknown> }
      | undefined;
    switch (answer?.response_action) {
      case 'errors':
        return { kind: 'errors', errors: answer.errors ?? {} };
      case 'update':
        this.slack.showInStack(userId, answer.view ?? {}, 'update');
        return { kind: 'updated' };
      case 'push':
        this.slack.showInStack(userId, answer.view ?? {}, 'push');
        return { kind: 'pushed' };
      case 'clear':
        this.slack.closeAll(userId);
        return { kind: 'closed' };
      default:
        // A bare ack closes the modal it submitted; the one under it (if any) shows again.
        this.slack.closeTop(userId);
        return { kind: 'closed' };
    }
  }

  /** Cancel or ×: closes the top modal, and tells the app when the modal asked for it (notify_on_close). */
  close(userId: string, viewId: string, state: State): Delivery | undefined {
    const view = this.slack.setViewState(viewId, state);
    if (!view || view.userId !== userId) return undefined;
    const notify = view.view.notify_on_close === true;
    const wire = wireView(view);
    this.slack.closeTop(userId);
    if (!notify) return undefined;
    return this.receiver.deliver({
      type: 'view_closed',
      team: { id: SANDBOX_TEAM.teamId, domain: SANDBOX_TEAM.teamDomain },
      user: this.user(userId),
      api_app_id: SANDBOX_TEAM.apiAppId,
      token: SANDBOX_TEAM.verificationToken,
      view: wire,
      is_cleared: false,
      is_enterprise_install: false,
      enterprise: null,
    });
  }

  /** Opening the app's Home tab: Slack's app_home_opened event. */
  openHome(userId: string): Delivery {
    const home = this.slack.home(userId);
    return this.receiver.deliver(
      eventCallbackPayload(
        {
          type: 'app_home_opened',
          user: userId,
          channel: dmChannelOf(userId),
          tab: 'home',
          ...(home ? { view: wireView(home) } : {}),
        },
        { teamId: SANDBOX_TEAM.teamId, apiAppId: SANDBOX_TEAM.apiAppId },
      ),
    );
  }

  private actionBase(userId: string, action: PageAction): Record<string, unknown> {
    return {
      type: 'block_actions',
      user: this.user(userId),
      api_app_id: SANDBOX_TEAM.apiAppId,
      token: SANDBOX_TEAM.verificationToken,
      trigger_id: this.slack.newTrigger(userId),
      team: { id: SANDBOX_TEAM.teamId, domain: SANDBOX_TEAM.teamDomain },
      enterprise: null,
      is_enterprise_install: false,
      actions: [{ ...action, action_ts: slackTs() }],
    };
  }

  private user(userId: string) {
    const name = this.slack.person(userId)?.name ?? userId;
    return { id: userId, username: name, name, team_id: SANDBOX_TEAM.teamId };
  }

  /** A command acknowledged with text shows that text to the person who typed it, as Slack does. */
  private showAckText(userId: string, channel: string, answer: unknown): void {
    if (typeof answer === 'string' && answer !== '') this.slack.postEphemeralFromBot(userId, channel, answer);
    else if (answer && typeof answer === 'object' && typeof (answer as { text?: unknown }).text === 'string') {
      const a = answer as { text: string; blocks?: unknown[] };
      this.slack.postEphemeralFromBot(userId, channel, a.text, a.blocks);
    }
  }
}
