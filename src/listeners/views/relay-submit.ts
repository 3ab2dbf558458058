import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Services } from '../../services.ts';
import { RELAY_MODAL, relayResultView } from '../../views/settings-messages.ts';
import { readInput } from './read-values.ts';
import { viewErrorResponse } from './view-errors.ts';

const { blocks, action } = RELAY_MODAL;

/** The relay form (R-SUP-3): recorded on every piloting project; the result replaces the form. */
export function relaySubmit(services: Services) {
  return async ({ ack, view, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const lang = await services.langFor(body.user.id);
    const v = view.state.values;
    try {
      const result = await services.relay.send(body.user.id, {
        noticeRef: String(readInput(v, blocks.noticeRef, action) ?? ''),
        summary: String(readInput(v, blocks.summary, action) ?? ''),
        factDate: String(readInput(v, blocks.factDate, action) ?? services.today()),
      });
      await ack({ response_action: 'update', view: relayResultView(lang, result) as never });
    } catch (error) {
      const response = viewErrorResponse(
        error,
        lang,
        { noticeRef: blocks.noticeRef, summary: blocks.summary },
        blocks.noticeRef,
      );
      if (!response) throw error;
      await ack(response);
    }
  };
}
