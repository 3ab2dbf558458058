import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { INTAKE, IntakeMetadataSchema } from '../../projects/ids.ts';
import type { CommonWiring, ProjectsWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';
import { answerUnderFields, submitWithin } from './ack-within.ts';
import { readInput } from './read-values.ts';

const BLOCK_OF_FIELD = {
  title: INTAKE.blocks.title,
  scenario: INTAKE.blocks.scenario,
  technologies: INTAKE.blocks.technologies,
  ownerId: INTAKE.blocks.owner,
  contactName: INTAKE.blocks.contactName,
  contactPhone: INTAKE.blocks.contactPhone,
  contactEmail: INTAKE.blocks.contactEmail,
};

/** The intake modal's submission: validate, create the project, close the modal — or show inline errors. */
export function intakeSubmit(services: CommonWiring & ProjectsWiring) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const values = view.state.values;
    await submitWithin(
      ack,
      async () => {
        const metadata = parseMetadata(IntakeMetadataSchema, view.private_metadata);
        await services.projects.create({
          userId,
          track: metadata.track,
          channelId: metadata.channelId,
          draft: {
            title: readInput(values, INTAKE.blocks.title, INTAKE.actions.title),
            scenario: readInput(values, INTAKE.blocks.scenario, INTAKE.actions.scenario),
            technologies: readInput(values, INTAKE.blocks.technologies, INTAKE.actions.technologies),
            ownerId: readInput(values, INTAKE.blocks.owner, INTAKE.actions.owner),
            contactName: readInput(values, INTAKE.blocks.contactName, INTAKE.actions.contact),
            contactPhone: readInput(values, INTAKE.blocks.contactPhone, INTAKE.actions.contact),
            contactEmail: readInput(values, INTAKE.blocks.contactEmail, INTAKE.actions.contact),
          },
        });
      },
      answerUnderFields(services, { client, userId }, BLOCK_OF_FIELD, INTAKE.blocks.title),
    );
  };
}
