import { recordsListMessage } from '../../views/records/records-list.ts';
import type { CommandContext } from './context.ts';
import type { PilotCommand } from './parse-pilot-command.ts';

type RecordsCommand = Extract<PilotCommand, { sub: 'records' }>;

/** `/pilot records <ref> [kind]`: the project's supervision records, only to the person who asked. */
export async function runRecordsCommand(ctx: CommandContext, cmd: RecordsCommand): Promise<void> {
  const list = await ctx.services.records.list(ctx.userId, cmd.ref, cmd.kind);
  const tz = await ctx.services.tzFor(ctx.userId);
  await ctx.respond({ response_type: 'ephemeral', ...recordsListMessage(list, ctx.lang, tz) });
}
