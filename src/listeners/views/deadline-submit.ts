import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { DEADLINE_MODALS, DeadlineModalRefSchema } from '../../deadlines/ids.ts';
import { calendarLoadedView } from '../../views/deadlines/deadline-modals.ts';
import type { CommonWiring, DeadlinesWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';
import { answerUnderFields, formListener, submitWithin } from './ack-within.ts';
import { readInput } from './read-values.ts';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
const { blocks, action } = DEADLINE_MODALS;
const text = (v: Args['view']['state']['values'], block: string) => String(readInput(v, block, action) ?? '');

/** The extend form: new date and reason; errors under their fields, nothing changed. */
export function extendSubmit(services: CommonWiring & DeadlinesWiring) {
  return formListener(
    services,
    { newDueDate: blocks.newDueDate, reason: blocks.reason },
    blocks.reason,
    async ({ view, userId }) => {
      const { deadlineId } = parseMetadata(DeadlineModalRefSchema, view.private_metadata);
      await services.deadlines.extend(
        userId,
        deadlineId,
        text(view.state.values, blocks.newDueDate),
        text(view.state.values, blocks.reason),
      );
    },
  );
}

/** The reassign form. */
export function reassignSubmit(services: CommonWiring & DeadlinesWiring) {
  return formListener(services, { userId: blocks.userId }, blocks.userId, async ({ view, userId }) => {
    const { deadlineId } = parseMetadata(DeadlineModalRefSchema, view.private_metadata);
    await services.deadlines.reassign(userId, deadlineId, text(view.state.values, blocks.userId));
  });
}

/** `/pilot calendar`'s form: the schedule is validated as a whole; every problem is listed under the text. */
export function calendarSubmit(services: CommonWiring & DeadlinesWiring) {
  return async ({ ack, view, body, client }: Args) => {
    const userId = body.user.id;
    // The summary in the person's language replaces the form, so the language is needed on every path.
    const lang = await services.langFor(userId);
    await submitWithin(
      ack,
      async () => {
        const source = text(view.state.values, blocks.source).trim();
        const loaded = await services.deadlines.loadCalendar(
          userId,
          text(view.state.values, blocks.file),
          lang,
          source || undefined,
        );
        return { response_action: 'update', view: calendarLoadedView(lang, loaded) };
      },
      answerUnderFields(services, { client, userId }, {}, blocks.file, { lang, viewId: view.id }),
    );
  };
}
