import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { DeadlineButtonValueSchema } from '../../deadlines/ids.ts';
import { t } from '../../i18n/index.ts';
import { OutboxButtonValueSchema } from '../../outbox/ids.ts';
import { extendModal, reassignModal } from '../../views/deadlines/deadline-modals.ts';
import type { CommonWiring, DeadlinesWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Escalation "Extend": opens the form for the new date and the reason. */
export function deadlineExtend(services: CommonWiring & DeadlinesWiring) {
  return async ({ ack, action, body, client }: Args) => {
    await ack();
    const { deadlineId } = parseMetadata(DeadlineButtonValueSchema, action.value);
    const lang = await services.langFor(body.user.id);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: extendModal(lang, deadlineId, services.today()),
    });
  };
}

/** Escalation "Reassign": opens the person picker. */
export function deadlineReassign(services: CommonWiring & DeadlinesWiring) {
  return async ({ ack, action, body, client }: Args) => {
    await ack();
    const { deadlineId } = parseMetadata(DeadlineButtonValueSchema, action.value);
    const lang = await services.langFor(body.user.id);
    await client.views.open({ trigger_id: body.trigger_id, view: reassignModal(lang, deadlineId) });
  };
}

/** Escalation "Acknowledge": recorded in the audit trail; the presser is told. */
export function deadlineAcknowledge(services: CommonWiring & DeadlinesWiring) {
  return async ({ ack, action, body, respond }: Args) => {
    await ack();
    const { deadlineId } = parseMetadata(DeadlineButtonValueSchema, action.value);
    await services.deadlines.acknowledge(body.user.id, deadlineId);
    const lang = await services.langFor(body.user.id);
    await respond({ response_type: 'ephemeral', replace_original: false, text: t(lang, 'deadlineModal.acknowledged') });
  };
}

/** A reminder's "Snooze": waits until the next working morning. */
export function deadlineSnooze(services: CommonWiring & DeadlinesWiring) {
  return async ({ ack, action, body, respond }: Args) => {
    await ack();
    const { deadlineId } = parseMetadata(DeadlineButtonValueSchema, action.value);
    await services.deadlines.snooze(body.user.id, deadlineId);
    const lang = await services.langFor(body.user.id);
    await respond({ response_type: 'ephemeral', replace_original: false, text: t(lang, 'deadlineModal.snoozed') });
  };
}

/** `/pilot admin outbox`'s "Retry": puts a dead message back in the queue and lists what is still dead. */
export function outboxRetry(services: CommonWiring & DeadlinesWiring) {
  return async ({ ack, action, body, respond }: Args) => {
    await ack();
    const { outboxId } = parseMetadata(OutboxButtonValueSchema, action.value);
    await services.deadlines.retryMessage(body.user.id, outboxId);
    const lang = await services.langFor(body.user.id);
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      ...((await services.deadlines.deadMessages(body.user.id, lang)) as { text: string }),
    });
  };
}
