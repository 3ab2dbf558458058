import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { TickRefSchema } from '../../checklists/ids.ts';
import { t } from '../../i18n/index.ts';
import { checklistItemLabel } from '../../views/checklists/card-checklist.ts';
import type { ChecklistsWiring, CommonWiring, HomeWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';

/** A tick button on a card's checklist (R-EXIT-6, R-INC-1): ticks the item, says so; the card refreshes itself. */
export function checklistTick(services: CommonWiring & ChecklistsWiring & HomeWiring) {
  return async ({ ack, action, body, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    const lang = await services.langFor(userId);
    const ref = parseMetadata(TickRefSchema, action.value);
    const done = await services.checklists.tick(userId, ref);
    void services.home.refresh([userId], ref.p);
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: t(lang, 'rules.checklist.ticked', { ref: done.ref, item: checklistItemLabel(lang, done.kind, done.item) }),
    });
  };
}
