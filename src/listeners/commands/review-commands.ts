import { t } from '../../i18n/index.ts';
import { expertsMessage } from '../../views/review/experts-modal.ts';
import { assignmentReport } from '../../views/review/review-messages.ts';
import { confirmation } from '../../views/settings/settings-messages.ts';
import type { CommandContext } from './context.ts';
import type { PilotCommand } from './parse-pilot-command.ts';

type ReviewCommand = Extract<PilotCommand, { sub: 'experts' | 'assign' }>;

/** `/pilot experts …` and `/pilot assign …` (issue 6): the expert pool, the auto setting and reviewer assignment. */
export async function runReviewCommand(ctx: CommandContext, cmd: ReviewCommand): Promise<void> {
  const { services } = ctx;
  const reply = (message: { text: string; blocks?: unknown[] }) =>
    ctx.respond({ response_type: 'ephemeral', ...(message as { text: string }) });
  if (cmd.sub === 'assign') {
    if (cmd.mode === 'auto') {
      await reply(assignmentReport(await services.review.assignAuto(ctx.userId, cmd.ref), ctx.lang));
    } else {
      const applied = await services.review.assignByHand(ctx.userId, cmd.ref, cmd.userId);
      await reply(confirmation(t(ctx.lang, 'review.assigned.byHand', { user: `<@${cmd.userId}>`, ref: applied.ref })));
    }
    return;
  }
  switch (cmd.op) {
    case 'list':
      await reply(expertsMessage(ctx.lang, await services.review.experts(ctx.userId)));
      return;
    case 'auto':
      await services.review.setAutoAssign(ctx.userId, cmd.on);
      await reply(confirmation(t(ctx.lang, cmd.on ? 'experts.auto.on' : 'experts.auto.off')));
      return;
    case 'add': {
      const saved = await services.review.saveExpert(ctx.userId, {
        userId: cmd.userId,
        tags: cmd.tags,
        ...(cmd.maxLoad !== null ? { maxLoad: cmd.maxLoad } : {}),
      });
      const user = `<@${saved.userId}>`;
      const lines = [t(ctx.lang, saved.created ? 'experts.added' : 'experts.updated', { user })];
      if (saved.reviewerGranted) lines.push(t(ctx.lang, 'experts.reviewerGranted', { user }));
      await reply(confirmation(lines.join('\n')));
    }
  }
}
