import type { ViewResponseAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { UserFacingError } from '../../errors.ts';
import { renderUserError } from '../../errors-render.ts';
import type { Lang } from '../../i18n/index.ts';

// Slack drops a view submission not answered within 3 s and shows the person an error. The budget starts when the
// listener runs, not when the request arrived, so it leaves room for the time before and for the network.
const ACK_BUDGET_MS = 1_500;

/**
 * Runs a modal's use case and answers Slack in time whatever the load: inline errors when the outcome is known within
 * the budget, otherwise the modal is closed at once and the outcome follows — a refusal by DM in the person's
 * language, an incident through the error handler. Nothing is applied twice: the work runs once either way.
 */
export async function submitWithin(
  ack: (response?: ViewResponseAction) => Promise<void>,
  work: () => Promise<void>,
  late: {
    client: WebClient;
    userId: string;
    lang: () => Promise<Lang>;
    errors(error: unknown, lang: Lang): ViewResponseAction | null;
  },
): Promise<void> {
  const run = work().then(
    () => ({ ok: true as const }),
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
      await answered();
      return;
    }
    if (!(first.error instanceof UserFacingError)) throw first.error;
    const response = late.errors(first.error, await late.lang());
    if (!response) throw first.error;
    if (await answered(response)) return;
    return tellByDm(late, first.error);
  }
  await answered();
  const outcome = await run;
  if (outcome.ok) return;
  if (!(outcome.error instanceof UserFacingError)) throw outcome.error;
  await tellByDm(late, outcome.error);
}

// The modal is gone: the person reads why in their DMs instead of under the field.
async function tellByDm(
  late: { client: WebClient; userId: string; lang: () => Promise<Lang> },
  error: UserFacingError,
): Promise<void> {
  await late.client.chat.postMessage({ channel: late.userId, text: renderUserError(error, await late.lang()) });
}
