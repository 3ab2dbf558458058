import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { ApplicantFormRefSchema, INTAKE_FORMS, MaterialsFormRefSchema } from '../../projects/ids.ts';
import { APPLICANT_FIELDS, eligibilityView } from '../../views/projects/intake-forms.ts';
import type { CommonWiring, ProjectsWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';
import { answerUnderFields, submitWithin } from './ack-within.ts';
import { readInput } from './read-values.ts';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Builds the nested applicant object from the form's flat blocks (block id = field path). */
function applicantFrom(values: Args['view']['state']['values']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of APPLICANT_FIELDS) {
    const raw = readInput(values, f.name, INTAKE_FORMS.action);
    const value =
      f.kind === 'check' ? Array.isArray(raw) && raw.includes('true') : typeof raw === 'string' ? raw.trim() : raw;
    if (value === undefined || value === '') continue;
    const [head, tail] = f.name.split('.') as [string, string | undefined];
    if (tail) out[head] = { ...((out[head] as object) ?? {}), [tail]: value };
    else out[head] = value;
  }
  for (const place of ['registration', 'mainOffice']) out[place] ??= {};
  return out;
}

/** The applicant form's submission: saved through the machine, then the eligibility check replaces the form. */
export function applicantSubmit(services: CommonWiring & ProjectsWiring) {
  return async ({ ack, view, body, client }: Args) => {
    const userId = body.user.id;
    const lang = await services.langFor(userId);
    const blockOf = Object.fromEntries(APPLICANT_FIELDS.map((f) => [f.name, f.name]));
    await submitWithin(
      ack,
      async () => {
        const ref = parseMetadata(ApplicantFormRefSchema, view.private_metadata);
        const outcome = await services.intake.saveApplicant(userId, ref.p, ref.i, applicantFrom(view.state.values));
        return { response_action: 'update', view: eligibilityView(lang, outcome) };
      },
      answerUnderFields(services, { client, userId }, blockOf, 'name', { lang, viewId: view.id }),
    );
  };
}

/** The materials form's submission: links saved, then the eligibility check and what is still missing. */
export function materialsSubmit(services: CommonWiring & ProjectsWiring) {
  return async ({ ack, view, body, client }: Args) => {
    const userId = body.user.id;
    const lang = await services.langFor(userId);
    const blocks = Object.keys(view.state.values);
    await submitWithin(
      ack,
      async () => {
        const ref = parseMetadata(MaterialsFormRefSchema, view.private_metadata);
        const links = Object.fromEntries(
          blocks.map((b) => [b, (readInput(view.state.values, b, INTAKE_FORMS.action) as string | undefined) ?? null]),
        );
        const outcome = await services.intake.saveMaterials(userId, ref.p, links);
        return { response_action: 'update', view: eligibilityView(lang, outcome) };
      },
      answerUnderFields(
        services,
        { client, userId },
        Object.fromEntries(blocks.map((b) => [b, b])),
        blocks[0] ?? 'projectPlan',
        { lang, viewId: view.id },
      ),
    );
  };
}
