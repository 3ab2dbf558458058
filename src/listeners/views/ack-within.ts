import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewResponseAction, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { UserFacingError } from '../../errors.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { renderUserError } from '../../i18n/render-error.ts';
import { noticeModal, workingModal } from '../../views/shared/working-modal.ts';
import { viewErrorResponse } from './view-errors.ts';

// Slack drops a view submission not answered within 3 s and shows the person an error. The budget starts when the
// listener runs, not when the request arrived, so it leaves room for the time before and for the network.
const ACK_BUDGET_MS = 1_500;

/** How a modal's late outcome reaches the person. */
export type LateAnswer = {
  client: WebClient;
  userId: string;
  lang: () => Promise<Lang>;
  /** The inline errors for a refusal; null when the modal has no field to show them (then they go by DM). */
  errors(error: unknown, lang: Lang): ViewResponseAction | null;
  /**
   * Set for a form whose result replaces it (an eligibility check, a relay's outcome): when late, the form turns into a
   * "working on it" modal that the result or the refusal then replaces, instead of closing and losing the result.
   */
  viewId?: string;
};

/**
 * The late answer of a form whose refusals go under its fields (`blockOf`: field → block_id; else under
 * `fallbackBlock`). The person's language is asked only when there is something to say — the answer to Slack must
 * not wait for it — unless the form has it already (`lang`); `viewId` for a form whose result replaces it.
 */
export function answerUnderFields(
  services: { langFor(userId: string): Promise<Lang> },
  to: { client: WebClient; userId: string },
  blockOf: Record<string, string>,
  fallbackBlock: string,
  options: { lang?: Lang; viewId?: string } = {},
): LateAnswer {
  const { lang } = options;
  return {
    ...to,
    lang: lang ? async () => lang : () => services.langFor(to.userId),
    errors: (error, inLang) => viewErrorResponse(error, inLang, blockOf, fallbackBlock),
    ...(options.viewId ? { viewId: options.viewId } : {}),
  };
}

type FormArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * A modal's submission listener: `work` runs for the submitted view and its sender, answered in time by submitWithin
 * with refusals under the form's fields (answerUnderFields); `replacesView` for a form whose result replaces it.
 */
export function formListener(
  services: { langFor(userId: string): Promise<Lang> },
  blockOf: Record<string, string>,
  fallbackBlock: string,
  // biome-ignore lint/suspicious/noConfusingVoidType: a use case that only closes the modal is an `async () => {}`
  work: (form: { view: FormArgs['view']; userId: string }) => Promise<ViewResponseAction | undefined | void>,
  options: { replacesView?: boolean } = {},
): (args: FormArgs) => Promise<void> {
  return async ({ ack, view, body, client }) => {
    const userId = body.user.id;
    const late = answerUnderFields(services, { client, userId }, blockOf, fallbackBlock, {
      ...(options.replacesView ? { viewId: view.id } : {}),
    });
    await submitWithin(ack, () => work({ view, userId }), late);
  };
}

/**
 * Runs a modal's use case and answers Slack in time whatever the load: inline errors (or the result view the work
 * returns) when the outcome is known within the budget; otherwise the modal is closed — or, for a form with a result,
 * turned into a "working" modal — at once, and the outcome follows: the result or refusal in that modal, else a refusal
 * by DM in the person's language, an incident through the error handler. The work runs once either way.
 */
export async function submitWithin(
  ack: (response?: ViewResponseAction) => Promise<void>,
  // biome-ignore lint/suspicious/noConfusingVoidType: a use case that only closes the modal is an `async () => {}`
  work: () => Promise<ViewResponseAction | undefined | void>,
  late: LateAnswer,
): Promise<void> {
  const run = work().then(
    (response) => ({ ok: true as const, response: response ?? undefined }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ACK_BUDGET_MS);
  });
  const first = await Promise.race([run, budget]);
  clearTimeout(timer);
  // On a machine so loaded that Slack's 3 s passed even so, Bolt has answered already and an ack throws: the work
  // still ran, so its outcome is told by DM rather than lost in an incident about headers already sent.
  const answered = (response?: ViewResponseAction) =>
    ack(response).then(
      () => true,
      () => false,
    );
  if (first !== 'late') {
    if (first.ok) {
      await answered(first.response);
      return;
    }
    if (!(first.error instanceof UserFacingError)) throw first.error;
    const response = late.errors(first.error, await late.lang());
    // No form to put it in (a closed modal): Slack is answered and the refusal follows by DM.
    if (response && (await answered(response))) return;
    if (!response) await answered();
    return tellByDm(late, first.error);
  }
  if (late.viewId) return replaceLate(late, late.viewId, answered, run);
  await answered();
  const outcome = await run;
  if (outcome.ok) return;
  if (!(outcome.error instanceof UserFacingError)) throw outcome.error;
  await tellByDm(late, outcome.error);
}

type Outcome = { ok: true; response: ViewResponseAction | undefined } | { ok: false; error: unknown };

// The form becomes "working on it" now; the result or the refusal replaces it when known. If the person closed it
// meanwhile (Slack refuses the update), a refusal still reaches them by DM.
async function replaceLate(
  late: LateAnswer,
  viewId: string,
  answered: (response?: ViewResponseAction) => Promise<boolean>,
  run: Promise<Outcome>,
): Promise<void> {
  const lang = await late.lang();
  await answered({ response_action: 'update', view: workingModal(lang) });
  const outcome = await run;
  const show = (view: unknown) =>
    late.client.views.update({ view_id: viewId, view: view as never }).then(
      () => true,
      () => false,
    );
  if (outcome.ok) {
    const response = outcome.response;
    if (response && 'view' in response) await show(response.view);
    return;
  }
  if (outcome.error instanceof UserFacingError) {
    if (!(await show(noticeModal(lang, renderUserError(outcome.error, lang))))) await tellByDm(late, outcome.error);
    return;
  }
  await show(noticeModal(lang, t(lang, 'modal.working.failed')));
  throw outcome.error;
}

// The modal is gone: the person reads why in their DMs instead of under the field.
async function tellByDm(
  late: { client: WebClient; userId: string; lang: () => Promise<Lang> },
  error: UserFacingError,
): Promise<void> {
  await late.client.chat.postMessage({ channel: late.userId, text: renderUserError(error, await late.lang()) });
}
