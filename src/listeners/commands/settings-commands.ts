import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import { roleWithId } from '../../roles/role-labels.ts';
import { batchOpenedMessage, placementModal } from '../../views/batches/placement.ts';
import { selectionListMessage } from '../../views/batches/selection-list.ts';
import { calendarModal } from '../../views/deadlines/deadline-modals.ts';
import {
  batchesMessage,
  batchModal,
  confirmation,
  relayModal,
  rolesMessage,
  settingsMessage,
} from '../../views/settings/settings-messages.ts';
import type { CommandContext } from './context.ts';
import type { PilotCommand } from './parse-pilot-command.ts';

type SettingsCommand = Extract<
  PilotCommand,
  { sub: 'roles' | 'lang' | 'batch' | 'digest' | 'calendar' | 'relay' | 'admin' | 'settings' }
>;

/** The subcommands about the workspace: roles, language, batches, digests. */
export async function runSettingsCommand(ctx: CommandContext, cmd: SettingsCommand): Promise<void> {
  const { services } = ctx;
  const reply = (message: { text: string; blocks?: unknown[] }) =>
    ctx.respond({ response_type: 'ephemeral', ...(message as { text: string }) });
  switch (cmd.sub) {
    case 'lang':
      await services.setLang(ctx.userId, cmd.lang);
      await reply(confirmation(t(cmd.lang, 'lang.set')));
      return;
    case 'roles':
      if (cmd.op === 'list') {
        await reply(rolesMessage(await services.roles.list(), ctx.lang));
        return;
      }
      {
        const { changed } = await services.roles.change({
          actorId: ctx.userId,
          op: cmd.op,
          userId: cmd.userId,
          role: cmd.role,
        });
        const key = !changed ? 'roles.unchanged' : cmd.op === 'grant' ? 'roles.granted' : 'roles.revoked';
        await reply(confirmation(t(ctx.lang, key, { user: `<@${cmd.userId}>`, role: roleWithId(ctx.lang, cmd.role) })));
      }
      return;
    case 'batch':
      if (cmd.op === 'list') {
        await reply(batchesMessage(await services.batches.list(), ctx.lang));
      } else if (cmd.op === 'selection') {
        await reply(selectionListMessage(ctx.lang, await services.batches.selection(ctx.userId, cmd.name)));
      } else if (cmd.op === 'place') {
        const placement = await services.batches.waiting(ctx.userId, { name: cmd.name });
        await ctx.client.views.open({ trigger_id: ctx.triggerId, view: placementModal(ctx.lang, placement) });
      } else if (cmd.op === 'close') {
        const batch = await services.batches.close(ctx.userId, cmd.name);
        await reply(confirmation(t(ctx.lang, 'batch.closed', { name: batch.name })));
      } else if (cmd.name && cmd.opensOn && cmd.closesOn) {
        const batch = await services.batches.open(ctx.userId, {
          name: cmd.name,
          opensOn: cmd.opensOn,
          closesOn: cmd.closesOn,
        });
        const opened = t(ctx.lang, 'batch.opened', {
          name: batch.name,
          opens: formatDate(ctx.lang, batch.opensOn),
          closes: formatDate(ctx.lang, batch.closesOn),
        });
        // R-BATCH-1: opening a batch offers the applications waiting for one (a button opens the placement form).
        const placement =
          batch.status === 'closed' ? null : await services.batches.waiting(ctx.userId, { id: batch.id });
        await reply(placement ? batchOpenedMessage(ctx.lang, opened, placement) : confirmation(opened));
      } else {
        await services.batches.assertMayManage(ctx.userId);
        await ctx.client.views.open({
          trigger_id: ctx.triggerId,
          view: batchModal(ctx.lang, services.today(), cmd.name),
        });
      }
      return;
    case 'calendar':
      await services.assertAdmin(ctx.userId);
      await ctx.client.views.open({ trigger_id: ctx.triggerId, view: calendarModal(ctx.lang) });
      return;
    case 'relay':
      await services.relay.assertMay(ctx.userId);
      await ctx.client.views.open({ trigger_id: ctx.triggerId, view: relayModal(ctx.lang, services.today()) });
      return;
    case 'admin':
      await reply(await services.deadlines.deadMessages(ctx.userId, ctx.lang));
      return;
    case 'settings':
      if (cmd.op === 'workgroup') {
        const channel = cmd.channel === 'here' ? ctx.channelId : cmd.channel === 'off' ? null : cmd.channel;
        await services.settings.setWorkingGroup(ctx.userId, channel);
        await reply(
          confirmation(
            channel === null
              ? t(ctx.lang, 'settings.workgroupOff')
              : t(ctx.lang, 'settings.workgroupSet', { channel: `<#${channel}>` }),
          ),
        );
      } else {
        await reply(settingsMessage(await services.settings.show(), ctx.lang));
      }
      return;
    case 'digest':
      if (cmd.op === 'now') {
        await reply(await services.digests.preview(ctx.channelId, ctx.lang));
      } else if (cmd.op === 'subscribe') {
        await services.digests.subscribe(ctx.userId, ctx.channelId, {
          ...(cmd.track ? { track: cmd.track } : {}),
          ...(cmd.stage ? { stage: cmd.stage } : {}),
        });
        await reply(confirmation(t(ctx.lang, 'digest.subscribed')));
      } else {
        await services.digests.unsubscribe(ctx.userId, ctx.channelId);
        await reply(confirmation(t(ctx.lang, 'digest.unsubscribed')));
      }
      return;
  }
}
