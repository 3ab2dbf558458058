import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { PROJECT, ProjectActionRefSchema } from '../../projects/ids.ts';
import type { CommonWiring, HomeWiring, ProjectsWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';
import { answerUnderFields, submitWithin } from './ack-within.ts';
import { readActionValues } from './read-action-values.ts';

/** An action modal's submission: the event's schema validates it; errors come back inline under their fields. */
export function actionSubmit(services: CommonWiring & ProjectsWiring & HomeWiring) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const firstBlock = Object.keys(view.state.values)[0] ?? PROJECT.fieldBlock('factDate');
    // Until the fields are known (tampered metadata), errors go under the first block. Filled in place, not
    // reassigned: the late answer below holds this very object.
    const blockOf: Record<string, string> = {};
    await submitWithin(
      ack,
      async () => {
        const ref = parseMetadata(ProjectActionRefSchema, view.private_metadata);
        const fields = await services.projects.fields(ref);
        Object.assign(blockOf, Object.fromEntries(fields.map((f) => [f.name, PROJECT.fieldBlock(f.name)])));
        await services.projects.submit(userId, ref, readActionValues(view.state.values, fields));
        void services.home.refresh([userId], ref.p);
      },
      answerUnderFields(services, { client, userId }, blockOf, firstBlock),
    );
  };
}
