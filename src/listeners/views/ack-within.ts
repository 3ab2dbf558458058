import type { ViewResponseAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { UserFacingError } from '../../errors.ts';
import { renderUserError } from '../../errors-render.ts';
import type { Lang } from '../../i18n/index.ts';

// Slack drops a view submission not answered within 3 s and shows the person an error; leave room for the network.
const ACK_BUDGET_MS = 2_500;

/**
 * Runs a modal's use case and answers Slack in time whatever the load: inline errors when the outcome is known within
 * the budget, otherwise the modal is closed at once and the outcome follows — a refusal by DM in the person's
 * language, an incident through the error handler. Nothing is applied twice: the work runs once either way.
 */
export async function submitWithin(
  ack: (response?: ViewResponseAction) => Promise<void>,
  work: () => Promise<void>,
  late: { client: WebClient; userId: string; lang: Lang; errors(error: unknown): ViewResponseAction | null },
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
  if (first !== 'late') {
    if (first.ok) return ack();
    const response = late.errors(first.error);
    if (!response) throw first.error;
    return ack(response);
  }
  await ack();
  const outcome = await run;
  if (outcome.ok) return;
  if (!(outcome.error instanceof UserFacingError)) throw outcome.error;
  // The modal is gone: the person reads why in their DMs instead of under the field.
  await late.client.chat.postMessage({ channel: late.userId, text: renderUserError(outcome.error, late.lang) });
}
