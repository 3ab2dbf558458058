import type {
  AllMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewClosedAction,
  ViewStateValue,
  ViewSubmitAction,
} from '@slack/bolt';
import { REVIEW, REVIEW_CRITERIA, ReviewRefSchema } from '../../review/ids.ts';
import type { Services } from '../../services.ts';
import { parseMetadata } from '../metadata.ts';
import { readInput } from './read-values.ts';
import { viewErrorResponse } from './view-errors.ts';

type StateValues = Record<string, Record<string, ViewStateValue>>;
const { blocks } = REVIEW;
const CRITERIA = REVIEW_CRITERIA;

/** The review form's values by event field name; only the inputs the form showed are present. */
function formValues(v: StateValues): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const c of CRITERIA) {
    if (v[blocks.score(c)]) values[c] = readInput(v, blocks.score(c), 'v') as string | undefined;
    if (v[blocks.comment(c)]) values[`${c}Comment`] = readInput(v, blocks.comment(c), 'v') as string | undefined;
  }
  values.recommendation = readInput(v, blocks.recommendation, 'v') as string | undefined;
  values.confidentialNote = readInput(v, blocks.note, 'v') as string | undefined;
  return values;
}

/** Where each field's error goes in the review form. */
const BLOCK_OF: Record<string, string> = {
  ...Object.fromEntries(
    CRITERIA.flatMap((c) => [
      [c, blocks.score(c)],
      [`${c}Comment`, blocks.comment(c)],
    ]),
  ),
  recommendation: blocks.recommendation,
  confidentialNote: blocks.note,
};

/** The accept modal: accepted only with the declaration ticked. */
export function acceptSubmit(services: Services) {
  return async ({ ack, view, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const lang = await services.langFor(body.user.id);
    try {
      const { p } = parseMetadata(ReviewRefSchema, view.private_metadata);
      const ticked = (readInput(view.state.values, blocks.declaration, 'v') as string[] | undefined) ?? [];
      await services.review.accept(body.user.id, p, ticked.includes(REVIEW.declarationValue));
      await ack();
      void services.home.refresh([body.user.id], p);
    } catch (error) {
      const response = viewErrorResponse(error, lang, { declaration: blocks.declaration }, blocks.declaration);
      if (!response) throw error;
      await ack(response);
    }
  };
}

/** The review form, submitted: the review (or its amendment) is recorded; errors come back under their fields. */
export function reviewFormSubmit(services: Services) {
  return async ({ ack, view, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const lang = await services.langFor(body.user.id);
    try {
      const { p } = parseMetadata(ReviewRefSchema, view.private_metadata);
      await services.review.submit(body.user.id, p, formValues(view.state.values));
      await ack();
      void services.home.refresh([body.user.id], p);
    } catch (error) {
      const response = viewErrorResponse(error, lang, BLOCK_OF, blocks.recommendation);
      if (!response) throw error;
      await ack(response);
    }
  };
}

/** The review form, closed without submitting (`view_closed`): what was typed is kept as a draft. */
export function reviewFormClosed(services: Services) {
  return async ({ ack, view, body }: SlackViewMiddlewareArgs<ViewClosedAction> & AllMiddlewareArgs) => {
    await ack();
    const { p } = parseMetadata(ReviewRefSchema, view.private_metadata);
    const values = Object.fromEntries(
      Object.entries(formValues(view.state.values)).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    await services.review.saveDraft(body.user.id, p, values);
  };
}
