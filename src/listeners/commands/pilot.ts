import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { helpMessage, menuMessage } from '../../views/home/help-message.ts';
import type { Wiring } from '../../wiring/index.ts';
import type { CommandContext } from './context.ts';
import { runExportsCommand } from './exports-commands.ts';
import { type PilotCommand, parsePilotCommand } from './parse-pilot-command.ts';
import { runProjectCommand } from './project-commands.ts';
import { runRecordsCommand } from './records-commands.ts';
import { runReportsCommand } from './report-commands.ts';
import { runReviewCommand } from './review-commands.ts';
import { runSettingsCommand } from './settings-commands.ts';

/** `/pilot …`: acknowledges at once, parses, and hands the subcommand to its group. Errors go to the error handler. */
export function pilotCommand(services: Wiring) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const ctx: CommandContext = {
      services,
      userId: command.user_id,
      channelId: command.channel_id,
      triggerId: command.trigger_id,
      lang: await services.langFor(command.user_id),
      respond,
      client,
    };
    await runPilotCommand(ctx, parsePilotCommand(command.text));
  };
}

/** Runs a parsed command; the `/pilot` menu's buttons call this too, so both paths do the same thing. */
export async function runPilotCommand(ctx: CommandContext, cmd: PilotCommand): Promise<void> {
  switch (cmd.sub) {
    case 'menu':
      await ctx.respond({ response_type: 'ephemeral', ...menuMessage(ctx.lang) });
      return;
    case 'help':
      await ctx.respond({ response_type: 'ephemeral', ...helpMessage(ctx.lang) });
      return;
    case 'new':
    case 'list':
    case 'show':
    case 'do':
    case 'why':
      await runProjectCommand(ctx, cmd);
      return;
    case 'records':
      await runRecordsCommand(ctx, cmd);
      return;
    case 'roles':
    case 'lang':
    case 'batch':
    case 'digest':
    case 'calendar':
    case 'relay':
    case 'admin':
    case 'settings':
      await runSettingsCommand(ctx, cmd);
      return;
    case 'experts':
    case 'assign':
      await runReviewCommand(ctx, cmd);
      return;
    case 'reports':
      await runReportsCommand(ctx, cmd);
      return;
    case 'export':
    case 'search':
    case 'history':
      await runExportsCommand(ctx, cmd);
      return;
  }
}
