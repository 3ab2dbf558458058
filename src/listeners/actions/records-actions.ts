import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { RecordRefSchema } from '../../records/ids.ts';
import { closeItemModal, editRecordModal, openItemModal } from '../../views/records/records-modals.ts';
import type { CommonWiring, RecordsWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
type Form = 'edit' | 'openItem' | 'closeItem';

/** A record's button in `/pilot records`: opens its form (staff only; the use case checks the roles). */
export function recordForm(services: CommonWiring & RecordsWiring, form: Form) {
  return async ({ ack, action, body, client }: Args) => {
    await ack();
    const { r } = parseMetadata(RecordRefSchema, action.value);
    const userId = body.user.id;
    const [lang, item] = await Promise.all([services.langFor(userId), services.records.item(userId, r)]);
    const today = services.today();
    const view =
      form === 'edit'
        ? editRecordModal(lang, item)
        : form === 'openItem'
          ? openItemModal(lang, item, today)
          : closeItemModal(lang, item, today);
    await client.views.open({ trigger_id: body.trigger_id, view });
  };
}
