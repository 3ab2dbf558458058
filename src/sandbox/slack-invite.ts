import type { SandboxSlack } from './slack-api.ts';
import { SANDBOX_TEAM } from './workspace.ts';

/**
 * `/invite @Pilot Desk` typed in a channel, which Slack answers itself, without the app: the bot becomes a member
 * (so its posts there are no longer refused with not_in_channel) and the channel is told who added it. Answers the
 * person ephemerally when the bot was a member already, they named someone else, or it is not a channel.
 */
export function inviteBot(slack: SandboxSlack, userId: string, channel: string, text: string): void {
  const c = slack.conversations.get(channel);
  const named = text.replace(/[<>@]/g, '').split('|')[0]!.trim().toLowerCase();
  const bot = [SANDBOX_TEAM.botUserId, SANDBOX_TEAM.botName, 'pilot_desk', 'pilotdesk'].map((b) => b.toLowerCase());
  const name = `@${SANDBOX_TEAM.botName}`;
  const refusal =
    c?.kind !== 'channel'
      ? '`/invite` works in channels only · `/invite` 只能在频道中使用'
      : !bot.includes(named)
        ? `Only ${name} can be invited in the sandbox · 沙盒中只能邀请 ${name}`
        : c.botMember
          ? `${name} is already in this channel · ${name} 已在本频道中`
          : undefined;
  if (refusal || !c) {
    slack.postEphemeralFromBot(userId, channel, refusal ?? '');
    return;
  }
  c.botMember = true;
  slack.add(
    slack.botMessage(channel, {
      text: `<@${SANDBOX_TEAM.botUserId}> 已加入频道 · joined #${c.name} (<@${userId}> 邀请 · added by <@${userId}>)`,
    }),
  );
}
