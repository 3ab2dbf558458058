import { t } from '../../i18n/index.ts';
import { periodLabel } from '../../i18n/period-label.ts';
import { reportsMessage } from '../../views/reports/reports-message.ts';
import { confirmation } from '../../views/settings/settings-messages.ts';
import type { CommandContext } from './context.ts';
import type { PilotCommand } from './parse-pilot-command.ts';

type ReportsCommand = Extract<PilotCommand, { sub: 'reports' }>;

/** `/pilot reports <ref> …` (R-SUP-1): the report calendar, its interval and the review of received reports. */
export async function runReportsCommand(ctx: CommandContext, cmd: ReportsCommand): Promise<void> {
  const { services, lang } = ctx;
  const reply = (message: { text: string; blocks?: unknown[] }) =>
    ctx.respond({ response_type: 'ephemeral', ...(message as { text: string }) });
  switch (cmd.op) {
    case 'list':
      await reply(reportsMessage(await services.reports.list(cmd.ref), lang));
      return;
    case 'interval': {
      const changed = await services.reports.changeInterval(ctx.userId, cmd.ref, cmd.months);
      await reply(confirmation(t(lang, 'reports.intervalChanged', { ...changed })));
      return;
    }
    case 'review': {
      const { which, status, note } = cmd;
      const done = await services.reports.review(ctx.userId, { ref: cmd.ref, which, status, note });
      const label = done.period ? periodLabel(done.period, lang) : (done.adHocId ?? '');
      const outcome = t(lang, done.status === 'accepted' ? 'reports.review.accepted' : 'reports.review.followUp');
      await reply(confirmation(t(lang, 'reports.reviewed', { ref: done.ref, label, status: outcome })));
      return;
    }
  }
}
