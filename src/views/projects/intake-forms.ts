import type { Button, InputBlock, ModalView } from '@slack/types';
import type { EligibilityResult } from '../../../machines/shared/eligibility.ts';
import { type Applicant, INSTITUTION_TYPES } from '../../../machines/shared/institutions.ts';
import { t as machineT } from '../../../machines/shared/labels.ts';
import { type Lang, type MessageKey, t } from '../../i18n/index.ts';
import { machineLabel } from '../../i18n/labels.ts';
import { type ApplicantFormRef, INTAKE_FORMS } from '../../projects/ids.ts';
import { button, context, formModal, LIMITS, mrkdwnSection, plain } from '../shared/blocks.ts';
import { escapeMrkdwn } from '../shared/mrkdwn.ts';

/** The applicant form's fields in order: block id = field path, so errors land under the right input. */
export const APPLICANT_FIELDS = [
  { name: 'name', kind: 'text', label: 'applicant.name', required: true },
  { name: 'uscc', kind: 'text', label: 'applicant.uscc', required: true },
  { name: 'institutionType', kind: 'type', label: 'applicant.type', required: true },
  { name: 'otherSpecified', kind: 'text', label: 'applicant.otherSpecified', required: false },
  { name: 'confirmedByStaff', kind: 'check', label: 'applicant.confirmedByStaff', required: false },
  { name: 'registration.province', kind: 'text', label: 'applicant.registrationProvince', required: true },
  { name: 'registration.city', kind: 'text', label: 'applicant.registrationCity', required: true },
  // Left empty, the main office is the registration place (the use case fills it in): most are the same.
  { name: 'mainOffice.province', kind: 'text', label: 'applicant.mainOfficeProvince', required: false },
  { name: 'mainOffice.city', kind: 'text', label: 'applicant.mainOfficeCity', required: false },
  { name: 'licenceNumber', kind: 'text', label: 'applicant.licenceNumber', required: false },
  { name: 'lead', kind: 'check', label: 'applicant.lead', required: false },
  { name: 'csrcFilingNumber', kind: 'text', label: 'applicant.csrcFilingNumber', required: false },
  { name: 'parentInstitution', kind: 'text', label: 'applicant.parentInstitution', required: false },
  { name: 'coachingRef', kind: 'text', label: 'applicant.coachingRef', required: false },
] as const satisfies ReadonlyArray<{
  name: string;
  kind: 'text' | 'type' | 'check';
  label: MessageKey;
  required: boolean;
}>;

function valueAt(a: Applicant | undefined, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), a);
}

/** The form to add or edit one applicant institution, with the closed list of institution types. */
export function applicantModal(lang: Lang, ref: ApplicantFormRef, projectRef: string, current?: Applicant): ModalView {
  const types = Object.keys(INSTITUTION_TYPES).map((type) => ({
    text: plain(machineLabel(lang, `institution.${type}`), LIMITS.optionText),
    value: type,
  }));
  const blocks = APPLICANT_FIELDS.map((f): InputBlock => {
    const value = valueAt(current, f.name);
    const label = plain(t(lang, f.label), LIMITS.inputLabel);
    if (f.kind === 'type') {
      const initial = types.find((o) => o.value === value);
      return {
        type: 'input',
        block_id: f.name,
        label,
        element: {
          type: 'static_select',
          action_id: INTAKE_FORMS.action,
          options: types,
          ...(initial ? { initial_option: initial } : {}),
        },
      };
    }
    if (f.kind === 'check') {
      const option = { text: plain(t(lang, f.label), LIMITS.optionText), value: 'true' };
      return {
        type: 'input',
        block_id: f.name,
        optional: true,
        label,
        element: {
          type: 'checkboxes',
          action_id: INTAKE_FORMS.action,
          options: [option],
          ...(value === true ? { initial_options: [option] } : {}),
        },
      };
    }
    return {
      type: 'input',
      block_id: f.name,
      optional: !f.required,
      label,
      element: {
        type: 'plain_text_input',
        action_id: INTAKE_FORMS.action,
        max_length: f.name === 'name' || f.name === 'parentInstitution' || f.name === 'otherSpecified' ? 200 : 100,
        ...(typeof value === 'string' && value ? { initial_value: value } : {}),
      },
    };
  });
  return formModal(lang, {
    callbackId: INTAKE_FORMS.applicantCallbackId,
    privateMetadata: JSON.stringify(ref),
    title: t(lang, ref.i === null ? 'applicant.addTitle' : 'applicant.editTitle'),
    blocks: [context(`*${projectRef}* · ${t(lang, 'applicant.hint')}`), ...blocks],
  });
}

/** The materials checklist (R-APP-8): one link per material; an empty one means "to follow". */
export function materialsModal(
  lang: Lang,
  projectId: string,
  projectRef: string,
  required: readonly string[],
  links: Record<string, string | null>,
): ModalView {
  return formModal(lang, {
    callbackId: INTAKE_FORMS.materialsCallbackId,
    privateMetadata: JSON.stringify({ p: projectId }),
    title: t(lang, 'materials.title'),
    blocks: [
      context(`*${projectRef}* · ${t(lang, 'materials.hint')}`),
      ...required.map(
        (m): InputBlock => ({
          type: 'input',
          block_id: m,
          optional: true,
          label: plain(machineLabel(lang, `option.materials.${m}`), LIMITS.inputLabel),
          element: {
            type: 'url_text_input',
            action_id: INTAKE_FORMS.action,
            ...(links[m] ? { initial_value: links[m] } : {}),
          },
        }),
      ),
    ],
  });
}

/** After a save: the eligibility verdict with the reason per rule, and the materials still missing. */
export function eligibilityView(
  lang: Lang,
  outcome: { ref: string; eligibility: EligibilityResult; missingMaterials: string[] },
): ModalView {
  const verdict = t(lang, outcome.eligibility.eligible ? 'eligibility.pass' : 'eligibility.fail', { ref: outcome.ref });
  const reasons = outcome.eligibility.reasons.map(
    (r) => `${r.ok ? ':white_check_mark:' : ':x:'} ${r.rule} ${escapeMrkdwn(machineT(lang, r.key, r.params))}`,
  );
  const missing =
    outcome.missingMaterials.length === 0
      ? t(lang, 'card.materialsComplete')
      : t(lang, 'card.materialsMissing', {
          missing: outcome.missingMaterials.map((m) => machineLabel(lang, `option.materials.${m}`)).join('、'),
        });
  return {
    type: 'modal',
    title: plain(t(lang, 'eligibility.title'), LIMITS.modalTitle),
    close: plain(t(lang, 'eligibility.close'), LIMITS.modalButton),
    blocks: [mrkdwnSection(verdict), mrkdwnSection(reasons.join('\n') || '—'), context(missing)],
  };
}

/** The buttons an editable application gets on its card: add an applicant, edit one, the materials. */
export function intakeButtons(lang: Lang, projectId: string, applicants: ReadonlyArray<{ name: string }>): Button[] {
  const edit = applicants
    .slice(0, 5)
    .map((a, i) =>
      button(
        t(lang, 'applicant.editButton', { name: a.name }),
        JSON.stringify({ p: projectId, i }),
        `${INTAKE_FORMS.editApplicantAction}.${i}`,
      ),
    );
  return [
    button(t(lang, 'applicant.addButton'), JSON.stringify({ p: projectId, i: null }), INTAKE_FORMS.addApplicantAction),
    ...edit,
    button(t(lang, 'materials.button'), JSON.stringify({ p: projectId }), INTAKE_FORMS.materialsAction),
  ];
}
