import { historyMessage } from '../../views/exports/history-message.ts';
import { searchResultsMessage } from '../../views/exports/search-results.ts';
import type { CommandContext } from './context.ts';
import type { ExportsCommand } from './parse-exports-command.ts';

/** The subcommands of what the regulator takes away: export, search, history. */
export async function runExportsCommand(ctx: CommandContext, cmd: ExportsCommand): Promise<void> {
  const { services, lang } = ctx;
  switch (cmd.sub) {
    case 'export': {
      const { sub: _sub, ...request } = cmd;
      const summary = await services.exports.run(ctx.userId, lang, request);
      await ctx.respond({ response_type: 'ephemeral', text: summary.text });
      return;
    }
    case 'search': {
      const result = await services.search.projects(ctx.userId, cmd.text);
      await ctx.respond({ response_type: 'ephemeral', ...searchResultsMessage(result, lang) });
      return;
    }
    case 'history': {
      const data = await services.history.page(ctx.userId, cmd);
      const tz = await services.tzFor(ctx.userId);
      await ctx.respond({ response_type: 'ephemeral', ...historyMessage(data, lang, tz) });
      return;
    }
  }
}
