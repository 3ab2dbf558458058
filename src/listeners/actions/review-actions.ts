import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { t } from '../../i18n/index.ts';
import { EXPERTS, ReviewRefSchema } from '../../review/ids.ts';
import { expertModal } from '../../views/review/experts-modal.ts';
import { acceptModal, reviewFormModal } from '../../views/review/review-form.ts';
import type { CommonWiring, HomeWiring, ProjectsWiring, ReviewWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Accept" on an invitation: opens the declaration (conflict of interest, confidentiality) to tick. */
export function reviewAccept(services: CommonWiring & ProjectsWiring & ReviewWiring & HomeWiring) {
  return async ({ ack, action, body, client }: Args) => {
    await ack();
    const lang = await services.langFor(body.user.id);
    const { p } = parseMetadata(ReviewRefSchema, action.value);
    const card = await services.projects.card(p, body.user.id);
    await client.views.open({ trigger_id: body.trigger_id, view: acceptModal(lang, p, card.ref) });
  };
}

/** "Decline" or "Declare conflict" on an invitation: recorded at once; the message says so. */
export function reviewDecline(services: CommonWiring & ProjectsWiring & ReviewWiring & HomeWiring, conflict: boolean) {
  return async ({ ack, action, body, respond }: Args) => {
    await ack();
    const lang = await services.langFor(body.user.id);
    const { p } = parseMetadata(ReviewRefSchema, action.value);
    const applied = await services.review.decline(body.user.id, p, conflict);
    void services.home.refresh([body.user.id], p);
    const text = t(lang, conflict ? 'review.conflict.recorded' : 'review.declined.recorded', { ref: applied.ref });
    await respond({ replace_original: true, text });
  };
}

/** "Open review form" in the reviewer's DM: the form with their draft or their submitted review. */
export function reviewOpenForm(services: CommonWiring & ProjectsWiring & ReviewWiring & HomeWiring) {
  return async ({ ack, action, body, client }: Args) => {
    await ack();
    const lang = await services.langFor(body.user.id);
    const { p } = parseMetadata(ReviewRefSchema, action.value);
    const data = await services.review.openForm(body.user.id, p);
    await client.views.open({ trigger_id: body.trigger_id, view: reviewFormModal(lang, data) });
  };
}

/** "Add expert" / "Edit" in `/pilot experts`: the expert modal, empty or with what is recorded. */
export function expertEdit(services: CommonWiring & ProjectsWiring & ReviewWiring & HomeWiring) {
  return async ({ ack, action, body, client }: Args) => {
    await ack();
    const lang = await services.langFor(body.user.id);
    const { experts } = await services.review.experts(body.user.id);
    const expert = action.action_id === EXPERTS.addAction ? undefined : experts.find((e) => e.userId === action.value);
    await client.views.open({ trigger_id: body.trigger_id, view: expertModal(lang, expert) });
  };
}
