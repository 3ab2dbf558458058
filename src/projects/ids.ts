import { z } from 'zod';

/** A form field of an action, as the machines declare it; listeners read modals back by it. */
export type { FieldSpec } from '../../machines/shared/fields.ts';

/** Slack IDs of the intake modal, shared by the view builder, its handler and the tests. */
export const INTAKE = {
  callbackId: 'intake.submit',
  blocks: {
    title: 'intake_title',
    scenario: 'intake_scenario',
    technologies: 'intake_technologies',
    owner: 'intake_owner',
    contactName: 'intake_contact_name',
    contactPhone: 'intake_contact_phone',
    contactEmail: 'intake_contact_email',
  },
  actions: {
    title: 'title',
    scenario: 'scenario',
    technologies: 'technologies',
    owner: 'owner',
    contact: 'contact',
  },
} as const;

/** What the intake modal carries in private_metadata; validated on the way back because anyone can forge it. */
export const IntakeMetadataSchema = z.object({
  v: z.literal(1),
  track: z.enum(['pilot', 'coaching']),
  channelId: z
    .string()
    .regex(/^[CDG][A-Z0-9]{2,}$/)
    .nullable(),
});
export type IntakeMetadata = z.infer<typeof IntakeMetadataSchema>;

/** The virtual outbox methods of a project's channel presence: its card and its thread (rendered when sent). */
export const CARD_METHOD = 'pilotdesk.card' as const;
export const THREAD_METHOD = 'pilotdesk.thread' as const;

/** Slack IDs of project cards and action modals. Action buttons share a prefix; the block's index tells them apart. */
export const PROJECT = {
  actionPrefix: 'project.act.',
  actionPattern: /^project\.act\./,
  whyAction: 'project.why',
  modalCallbackId: 'project.action.submit',
  fieldBlock: (name: string) => `f.${name}`,
  fieldAction: 'v',
  blocks: { actions: 'project.actions', intake: 'project.intake' },
} as const;

/** What an action button carries: the project, the version the card showed, the event and decision kind. */
export const ProjectActionRefSchema = z.object({
  p: z.uuid(),
  v: z.number().int().min(1),
  t: z.string().regex(/^[a-z]+\.[a-zA-Z]+$/),
  k: z
    .string()
    .regex(/^[a-zA-Z]+$/)
    .optional(),
});
export type ProjectActionRef = z.infer<typeof ProjectActionRefSchema>;

/** What a project-level button without an event carries (why). Old cards' `project.refresh` buttons carry it too;
 * they reach the out-of-date answer, which shows the current card. */
export const ProjectRefSchema = z.object({ p: z.uuid() });
export type ProjectRef = z.infer<typeof ProjectRefSchema>;

/** Slack IDs of the intake forms (applicants, materials) and the card buttons that open them. */
export const INTAKE_FORMS = {
  addApplicantAction: 'intake.applicant.add',
  editApplicantAction: 'intake.applicant.edit',
  materialsAction: 'intake.materials',
  applicantCallbackId: 'intake.applicant.submit',
  materialsCallbackId: 'intake.materials.submit',
  action: 'v',
} as const;

/** What the applicant form carries: the project and which applicant (null = a new one). */
export const ApplicantFormRefSchema = z.object({ p: z.uuid(), i: z.number().int().min(0).max(19).nullable() });

export type ApplicantFormRef = z.infer<typeof ApplicantFormRefSchema>;

export const MaterialsFormRefSchema = z.object({ p: z.uuid() });

/** Slack IDs of list paging; the button value is a zod-checked object. */
export const LIST = { pageAction: 'list.page', showAction: 'list.show' } as const;

export const ListPageSchema = z.object({
  f: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('stage'), stage: z.string().max(100) }),
    z.object({ kind: z.literal('track'), track: z.enum(['pilot', 'coaching']) }),
    z.object({ kind: z.literal('mine') }),
    z.object({ kind: z.literal('overdue') }),
    z.object({ kind: z.literal('batch'), name: z.string().max(100) }),
  ]),
  n: z.number().int().min(1),
});

export type ListPage = z.infer<typeof ListPageSchema>;

/** Slack IDs of the guidance relay form (R-SUP-3). */
export const RELAY_MODAL = {
  callbackId: 'guidance.relay',
  blocks: { noticeRef: 'relay_ref', summary: 'relay_summary', factDate: 'relay_date' },
  action: 'v',
} as const;
