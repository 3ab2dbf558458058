import type { ViewStateValue } from '@slack/bolt';

type StateValues = Record<string, Record<string, ViewStateValue>>;

/** The value of one input element of a submitted view, whatever its element type. */
export function readInput(values: StateValues, blockId: string, actionId: string): unknown {
  const v = values[blockId]?.[actionId];
  if (!v) return undefined;
  switch (v.type) {
    case 'plain_text_input':
    case 'url_text_input':
    case 'email_text_input':
      return v.value ?? undefined;
    case 'multi_static_select':
    case 'checkboxes':
      return (v.selected_options ?? []).map((o) => o.value);
    case 'static_select':
    case 'radio_buttons':
      return v.selected_option?.value ?? undefined;
    case 'users_select':
      return v.selected_user ?? undefined;
    case 'datepicker':
      return v.selected_date ?? undefined;
    case 'datetimepicker':
      return typeof v.selected_date_time === 'number' ? new Date(v.selected_date_time * 1000).toISOString() : undefined;
    case 'number_input':
      return v.value ?? undefined;
    default:
      return v.value ?? undefined;
  }
}
