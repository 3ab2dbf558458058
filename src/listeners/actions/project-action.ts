import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { t } from '../../i18n/index.ts';
import { machineLabel } from '../../i18n/labels.ts';
import { ProjectActionRefSchema } from '../../projects/ids.ts';
import { actionModal } from '../../views/projects/action-modal.ts';
import type { CommonWiring, HomeWiring, ProjectsWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';

/** An action button on a project card: re-checks now, then opens the action's form or applies it. */
export function projectAction(services: CommonWiring & ProjectsWiring & HomeWiring) {
  return async ({
    ack,
    action,
    body,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    const lang = await services.langFor(userId);
    const ref = parseMetadata(ProjectActionRefSchema, action.value);
    const outcome = await services.projects.press(userId, ref);
    if (outcome.kind === 'form') {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: actionModal(outcome.form, lang, services.today()),
      });
      return;
    }
    void services.home.refresh([userId], ref.p);
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: t(lang, 'action.done', { ref: outcome.result.ref, action: machineLabel(lang, `event.${ref.t}`) }),
    });
  };
}
