import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ApplicantFormRefSchema, MaterialsFormRefSchema } from '../../projects/ids.ts';
import { applicantModal, materialsModal } from '../../views/projects/intake-forms.ts';
import type { CommonWiring, ProjectsWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Add applicant" / "Edit <name>" on an editable application's card: opens the applicant form. */
export function openApplicantForm(services: CommonWiring & ProjectsWiring) {
  return async ({ ack, action, body, client }: Args) => {
    await ack();
    const lang = await services.langFor(body.user.id);
    const ref = parseMetadata(ApplicantFormRefSchema, action.value);
    const forms = await services.intake.forms(ref.p, body.user.id);
    const current = ref.i === null ? undefined : forms.applicants[ref.i];
    await client.views.open({
      trigger_id: body.trigger_id,
      view: applicantModal(lang, ref, forms.projectRef, current),
    });
  };
}

/** "Materials" on an editable application's card: opens the checklist with the links recorded so far. */
export function openMaterialsForm(services: CommonWiring & ProjectsWiring) {
  return async ({ ack, action, body, client }: Args) => {
    await ack();
    const lang = await services.langFor(body.user.id);
    const ref = parseMetadata(MaterialsFormRefSchema, action.value);
    const forms = await services.intake.forms(ref.p, body.user.id);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: materialsModal(lang, ref.p, forms.projectRef, forms.required, forms.links),
    });
  };
}
