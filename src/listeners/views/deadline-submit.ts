import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Services } from '../../services.ts';
import { calendarLoadedView, DEADLINE_MODALS, DeadlineModalRefSchema } from '../../views/deadline-modals.ts';
import { parseMetadata } from '../metadata.ts';
import { readInput } from './read-values.ts';
import { viewErrorResponse } from './view-errors.ts';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
const { blocks, action } = DEADLINE_MODALS;
const text = (v: Args['view']['state']['values'], block: string) => String(readInput(v, block, action) ?? '');

/** The extend form: new date and reason; errors under their fields, nothing changed. */
export function extendSubmit(services: Services) {
  return async ({ ack, view, body }: Args) => {
    const lang = await services.langFor(body.user.id);
    try {
      const { deadlineId } = parseMetadata(DeadlineModalRefSchema, view.private_metadata);
      await services.deadlines.extend(
        body.user.id,
        deadlineId,
        text(view.state.values, blocks.newDueDate),
        text(view.state.values, blocks.reason),
      );
      await ack();
    } catch (error) {
      const response = viewErrorResponse(
        error,
        lang,
        { newDueDate: blocks.newDueDate, reason: blocks.reason },
        blocks.reason,
      );
      if (!response) throw error;
      await ack(response);
    }
  };
}

/** The reassign form. */
export function reassignSubmit(services: Services) {
  return async ({ ack, view, body }: Args) => {
    const lang = await services.langFor(body.user.id);
    try {
      const { deadlineId } = parseMetadata(DeadlineModalRefSchema, view.private_metadata);
      await services.deadlines.reassign(body.user.id, deadlineId, text(view.state.values, blocks.userId));
      await ack();
    } catch (error) {
      const response = viewErrorResponse(error, lang, { userId: blocks.userId }, blocks.userId);
      if (!response) throw error;
      await ack(response);
    }
  };
}

/** `/pilot calendar`'s form: the schedule is validated as a whole; every problem is listed under the text. */
export function calendarSubmit(services: Services) {
  return async ({ ack, view, body }: Args) => {
    const lang = await services.langFor(body.user.id);
    try {
      const source = text(view.state.values, blocks.source).trim();
      const loaded = await services.deadlines.loadCalendar(
        body.user.id,
        text(view.state.values, blocks.file),
        lang,
        source || undefined,
      );
      await ack({ response_action: 'update', view: calendarLoadedView(lang, loaded) as never });
    } catch (error) {
      const response = viewErrorResponse(error, lang, {}, blocks.file);
      if (!response) throw error;
      await ack(response);
    }
  };
}
