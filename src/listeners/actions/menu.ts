import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { MENU } from '../../home/ids.ts';
import type { Wiring } from '../../wiring/index.ts';
import { parsePilotCommand } from '../commands/parse-pilot-command.ts';
import { runPilotCommand } from '../commands/pilot.ts';

/** A `/pilot` menu button: runs the subcommand it stands for, exactly as if it had been typed. */
export function menuAction(services: Wiring) {
  return async ({
    ack,
    action,
    body,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const text = (MENU.items as readonly string[]).includes(action.value ?? '') ? (action.value as string) : 'help';
    await runPilotCommand(
      {
        services,
        userId: body.user.id,
        channelId: body.channel?.id ?? body.user.id,
        triggerId: body.trigger_id,
        lang: await services.langFor(body.user.id),
        respond,
        client,
      },
      parsePilotCommand(text),
    );
  };
}
