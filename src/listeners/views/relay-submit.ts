import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { RELAY_MODAL } from '../../projects/ids.ts';
import { relayResultView } from '../../views/settings/settings-messages.ts';
import type { CommonWiring, ProjectsWiring } from '../../wiring/index.ts';
import { answerUnderFields, submitWithin } from './ack-within.ts';
import { readInput } from './read-values.ts';

const { blocks, action } = RELAY_MODAL;

/** The relay form (R-SUP-3): recorded on every piloting project; the result replaces the form. */
export function relaySubmit(services: CommonWiring & ProjectsWiring) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const lang = await services.langFor(userId);
    const v = view.state.values;
    await submitWithin(
      ack,
      async () => {
        const result = await services.relay.send(userId, {
          noticeRef: String(readInput(v, blocks.noticeRef, action) ?? ''),
          summary: String(readInput(v, blocks.summary, action) ?? ''),
          factDate: String(readInput(v, blocks.factDate, action) ?? services.today()),
        });
        return { response_action: 'update', view: relayResultView(lang, result) };
      },
      answerUnderFields(
        services,
        { client, userId },
        { noticeRef: blocks.noticeRef, summary: blocks.summary },
        blocks.noticeRef,
        { lang, viewId: view.id },
      ),
    );
  };
}
