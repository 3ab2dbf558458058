import { t } from '../../i18n/index.ts';
import { machineLabel } from '../../i18n/labels.ts';
import { actionModal } from '../../views/projects/action-modal.ts';
import { intakeModal } from '../../views/projects/intake-modal.ts';
import { projectCard } from '../../views/projects/project-card.ts';
import { projectListMessage } from '../../views/projects/project-list.ts';
import type { CommandContext } from './context.ts';
import type { PilotCommand } from './parse-pilot-command.ts';

type ProjectCommand = Extract<PilotCommand, { sub: 'new' | 'list' | 'show' | 'do' | 'why' }>;

/** The subcommands about projects: new, list, show, do, why. */
export async function runProjectCommand(ctx: CommandContext, cmd: ProjectCommand): Promise<void> {
  const { services, lang } = ctx;
  switch (cmd.sub) {
    case 'new': {
      await services.projects.assertMayCreate(ctx.userId);
      const channelId = /^[CG]/.test(ctx.channelId) ? ctx.channelId : null;
      await ctx.client.views.open({
        trigger_id: ctx.triggerId,
        view: intakeModal(lang, { v: 1, track: cmd.track, channelId }, ctx.userId),
      });
      return;
    }
    case 'list': {
      const page = await services.projects.list(cmd.filter, cmd.page, ctx.userId);
      await ctx.respond({ response_type: 'ephemeral', ...projectListMessage(page, cmd.filter, lang) });
      return;
    }
    case 'show': {
      const card = await services.projects.cardByRef(cmd.ref, ctx.userId);
      // Times on the card in the reader's own time zone, with Shanghai's beside them when they differ.
      const tz = await services.tzFor(ctx.userId);
      await ctx.respond({
        response_type: 'ephemeral',
        text: `${card.ref} ${card.title}`,
        blocks: projectCard(card, lang, tz) as never,
      });
      return;
    }
    case 'do': {
      const outcome = await services.projects.pressTyped(ctx.userId, cmd.ref, cmd.action);
      if (outcome.kind === 'form') {
        await ctx.client.views.open({
          trigger_id: ctx.triggerId,
          view: actionModal(outcome.form, lang, services.today()),
        });
        return;
      }
      await ctx.respond({
        response_type: 'ephemeral',
        text: t(lang, 'action.done', {
          ref: outcome.result.ref,
          action: machineLabel(lang, `event.${cmd.action.split(':')[0]}`),
        }),
      });
      return;
    }
    case 'why':
      await ctx.respond({ response_type: 'ephemeral', ...(await services.deadlines.why(cmd.ref, lang)) });
      return;
  }
}
