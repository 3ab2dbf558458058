import { z } from 'zod';

/** Slack IDs of the intake modal, shared by the view builder, its handler and the tests. */
export const INTAKE = {
  callbackId: 'intake.submit',
  blocks: {
    title: 'intake_title',
    scenario: 'intake_scenario',
    technologies: 'intake_technologies',
    owner: 'intake_owner',
  },
  actions: {
    title: 'title',
    scenario: 'scenario',
    technologies: 'technologies',
    owner: 'owner',
  },
} as const;

/** What the intake modal carries in private_metadata; validated on the way back because anyone can forge it. */
export const IntakeMetadataSchema = z.object({
  v: z.literal(1),
  track: z.literal('pilot'),
  channelId: z
    .string()
    .regex(/^[CDG][A-Z0-9]{2,}$/)
    .nullable(),
});
export type IntakeMetadata = z.infer<typeof IntakeMetadataSchema>;
