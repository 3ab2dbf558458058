import type { FormState, Json, StateValue } from './render-context.ts';

/** What Slack reports for an input nobody filled in, by element type: the field is there, with no value. */
function emptyValue(type: string): StateValue | undefined {
  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return { type, value: null };
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return { type, selected_option: null };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { type, selected_options: [] };
    case 'datepicker':
      return { type, selected_date: null };
    case 'timepicker':
      return { type, selected_time: null };
    case 'datetimepicker':
      return { type, selected_date_time: null };
    case 'users_select':
      return { type, selected_user: null };
    case 'multi_users_select':
      return { type, selected_users: [] };
    case 'conversations_select':
      return { type, selected_conversation: null };
    case 'multi_conversations_select':
      return { type, selected_conversations: [] };
    case 'channels_select':
      return { type, selected_channel: null };
    case 'multi_channels_select':
      return { type, selected_channels: [] };
    default:
      return undefined;
  }
}

/**
 * A view's `state.values` as Slack sends it: every input block's element, those left empty included (an unticked
 * checkbox group is `selected_options: []`, an empty text box `value: null`), not only what the person touched.
 */
export function slackState(blocks: unknown[], form: FormState): FormState {
  const out: FormState = {};
  for (const raw of blocks) {
    const block = raw as Json;
    if (block.type !== 'input' || typeof block.block_id !== 'string') continue;
    const element = (block.element ?? {}) as Json;
    const actionId = String(element.action_id ?? '');
    const kept = form[block.block_id]?.[actionId];
    const value = kept ?? emptyValue(String(element.type ?? ''));
    if (value) out[block.block_id] = { [actionId]: value };
  }
  // Elements outside input blocks that keep a state (a dispatching select in a section) stay as they are.
  for (const [blockId, actions] of Object.entries(form)) out[blockId] ??= actions;
  return out;
}
