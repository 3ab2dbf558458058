import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services.ts';
import { helpMessage } from '../../views/help-message.ts';
import { intakeModal } from '../../views/intake-modal.ts';
import { parsePilotCommand } from './parse-pilot-command.ts';

/** `/pilot …`: acknowledges at once, then answers the subcommand. Errors go to the app's error handler. */
export function pilotCommand(services: Services) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const lang = await services.langFor(command.user_id);
    const parsed = parsePilotCommand(command.text);
    switch (parsed.sub) {
      case 'help':
        await respond({ response_type: 'ephemeral', ...helpMessage(lang) });
        return;
      case 'new': {
        await services.projects.assertMayCreate(command.user_id);
        const channelId = /^[CG]/.test(command.channel_id) ? command.channel_id : null;
        await client.views.open({
          trigger_id: command.trigger_id,
          view: intakeModal(lang, { v: 1, track: parsed.track, channelId }, command.user_id) as never,
        });
        return;
      }
    }
  };
}
