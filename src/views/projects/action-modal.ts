import type { InputBlockElement, ModalView } from '@slack/types';
import type { FieldSpec } from '../../../machines/shared/fields.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { machineLabel } from '../../i18n/labels.ts';
import { PROJECT } from '../../projects/ids.ts';
import type { ActionForm } from '../../projects/perform-action.ts';
import { context, LIMITS, plain } from '../shared/blocks.ts';
import { escapeMrkdwn } from '../shared/mrkdwn.ts';

/** Field kinds the generic action modal can render; the applicants list has its own intake form. */
export const MODAL_FIELD_KINDS = new Set([
  'text',
  'textarea',
  'date',
  'datetime',
  'select',
  'multiselect',
  'checkbox',
  'number',
  'user',
]);

function optionLabel(lang: Lang, field: string, value: string): string {
  const key = `option.${field}.${value}`;
  const label = machineLabel(lang, key);
  return label === key ? value : label;
}

function element(
  field: FieldSpec,
  lang: Lang,
  today: string,
  choices: ActionForm['choices'][string] | undefined,
): InputBlockElement {
  const action_id = PROJECT.fieldAction;
  if (choices) {
    const options = choices
      .slice(0, LIMITS.selectOptions)
      .map((c) => ({ text: plain(c.labels?.[lang] ?? c.label, LIMITS.optionText), value: c.value }));
    // A default the data suggests (the oldest open report period) is pre-selected; the person can change it.
    const initial = choices.findIndex((c) => c.initial);
    return {
      type: 'static_select',
      action_id,
      options,
      ...(initial >= 0 && initial < options.length ? { initial_option: options[initial] } : {}),
    };
  }
  const options = (field.options ?? []).slice(0, LIMITS.selectOptions).map((value) => ({
    text: plain(optionLabel(lang, field.name, value), LIMITS.optionText),
    value,
  }));
  switch (field.kind) {
    case 'textarea':
      return { type: 'plain_text_input', action_id, multiline: true, max_length: 3000 };
    case 'date':
      // Periods run from the fact's date, which people usually record on the day: default to today.
      return { type: 'datepicker', action_id, ...(field.name === 'factDate' ? { initial_date: today } : {}) };
    case 'datetime':
      return { type: 'datetimepicker', action_id };
    case 'select':
      return { type: 'static_select', action_id, options };
    case 'multiselect':
      return { type: 'multi_static_select', action_id, options };
    case 'checkbox':
      return {
        type: 'checkboxes',
        action_id,
        options: [{ text: plain(machineLabel(lang, field.labelKey)), value: 'true' }],
      };
    case 'number':
      return { type: 'number_input', action_id, is_decimal_allowed: false };
    case 'user':
      return { type: 'users_select', action_id };
    default:
      return { type: 'plain_text_input', action_id, max_length: 200 };
  }
}

/** The modal for an action that needs input, built from the event's form fields; `today` is Shanghai's date. */
export function actionModal(form: ActionForm, lang: Lang, today: string): ModalView {
  // An optional choice with nothing to choose (no report period open: only an ad-hoc report fits) is left out.
  const fields = form.action.fields.filter(
    (f) => MODAL_FIELD_KINDS.has(f.kind) && !(!f.required && form.choices[f.name]?.length === 0),
  );
  return {
    type: 'modal',
    callback_id: PROJECT.modalCallbackId,
    private_metadata: JSON.stringify(form.ref),
    title: plain(machineLabel(lang, form.action.labelKey), LIMITS.modalTitle),
    submit: plain(t(lang, 'modal.submit'), LIMITS.modalButton),
    close: plain(t(lang, 'modal.cancel'), LIMITS.modalButton),
    blocks: [
      context(`*${form.projectRef}* ${escapeMrkdwn(form.title)}`),
      ...fields.map((f) => ({
        type: 'input',
        block_id: PROJECT.fieldBlock(f.name),
        // An unticked box is an answer (false), and Slack refuses to submit a required checkbox group left unticked.
        optional: !f.required || f.kind === 'checkbox',
        label: plain(machineLabel(lang, f.labelKey), LIMITS.inputLabel),
        element: element(f, lang, today, form.choices[f.name]),
      })),
    ],
  };
}
