import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewClosedAction, ViewStateValue } from '@slack/bolt';
import { REVIEW, REVIEW_CRITERIA, ReviewRefSchema } from '../../review/ids.ts';
import type { CommonWiring, HomeWiring, ReviewWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';
import { formListener, submitWithin } from './ack-within.ts';
import { readInput } from './read-values.ts';

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
export function acceptSubmit(services: CommonWiring & ReviewWiring & HomeWiring) {
  return formListener(services, { declaration: blocks.declaration }, blocks.declaration, async ({ view, userId }) => {
    const { p } = parseMetadata(ReviewRefSchema, view.private_metadata);
    const ticked = (readInput(view.state.values, blocks.declaration, 'v') as string[] | undefined) ?? [];
    await services.review.accept(userId, p, ticked.includes(REVIEW.declarationValue));
    void services.home.refresh([userId], p);
  });
}

/** The review form, submitted: the review (or its amendment) is recorded; errors come back under their fields. */
export function reviewFormSubmit(services: CommonWiring & ReviewWiring & HomeWiring) {
  return formListener(services, BLOCK_OF, blocks.recommendation, async ({ view, userId }) => {
    const { p } = parseMetadata(ReviewRefSchema, view.private_metadata);
    await services.review.submit(userId, p, formValues(view.state.values));
    void services.home.refresh([userId], p);
  });
}

/**
 * The review form, closed without submitting (`view_closed`): what was typed is kept as a draft. Saved before Slack is
 * answered (within the budget), so a form reopened right after closing already shows the draft.
 */
export function reviewFormClosed(services: CommonWiring & ReviewWiring & HomeWiring) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs<ViewClosedAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    await submitWithin(
      // view_closed takes no response: only the ack itself.
      () => ack(),
      async () => {
        const { p } = parseMetadata(ReviewRefSchema, view.private_metadata);
        const values = Object.fromEntries(
          Object.entries(formValues(view.state.values)).filter((e): e is [string, string] => typeof e[1] === 'string'),
        );
        await services.review.saveDraft(userId, p, values);
      },
      // The modal is gone already: there is no field to put an error under, so a refusal is told by DM.
      { client, userId, lang: () => services.langFor(userId), errors: () => null },
    );
  };
}
