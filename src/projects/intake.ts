import { z } from 'zod';
import { TECHNOLOGIES } from '../../machines/pilot/events.ts';
import { InputError } from '../errors.ts';
import type { MessageKey } from '../i18n/index.ts';

export const TITLE_MAX = 100;
export const SCENARIO_MAX = 2000;

/** The first page of a pilot application: what a staff member knows when the applicant first calls. */
export const IntakeSchema = z.object({
  title: z.string().trim().min(1).max(TITLE_MAX),
  scenario: z.string().trim().min(1).max(SCENARIO_MAX),
  technologies: z.array(z.enum(TECHNOLOGIES)).min(1),
  ownerId: z.string().regex(/^[UW][A-Z0-9]+$/),
  /** The applicant's contact person: personal data, shown only to staff and never posted in channels. */
  contactName: z.string().trim().min(1).max(50),
  contactPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9\- ]{5,19}$/)
    .optional(),
  contactEmail: z.email().max(200).optional(),
});
export type Intake = z.infer<typeof IntakeSchema>;
export type IntakeField = keyof Intake;

/** Raw values as a form delivers them: anything may be missing. */
export type IntakeDraft = { [K in IntakeField]?: unknown };

/** Validates an intake; on failure throws one InputError naming every wrong field, in catalog keys. */
export function parseIntake(draft: IntakeDraft): Intake {
  const result = IntakeSchema.safeParse(draft);
  if (result.success) return result.data;
  const fields: Partial<Record<IntakeField, { key: MessageKey; params?: Record<string, string | number> }>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as IntakeField;
    if (fields[field]) continue;
    fields[field] = describe(field, draft[field]);
  }
  throw new InputError('intake.error.invalid', {}, fields);
}

function describe(field: IntakeField, value: unknown): { key: MessageKey; params?: Record<string, string | number> } {
  const length = typeof value === 'string' ? [...value.trim()].length : 0;
  switch (field) {
    case 'title':
      return length === 0
        ? { key: 'intake.error.titleRequired' }
        : { key: 'intake.error.titleTooLong', params: { max: TITLE_MAX, length } };
    case 'scenario':
      return length === 0
        ? { key: 'intake.error.scenarioRequired' }
        : { key: 'intake.error.scenarioTooLong', params: { max: SCENARIO_MAX, length } };
    case 'technologies':
      return { key: 'intake.error.technologiesRequired' };
    case 'ownerId':
      return { key: 'intake.error.ownerRequired' };
    case 'contactName':
      return { key: 'intake.error.contactRequired' };
    case 'contactPhone':
      return { key: 'intake.error.phoneInvalid' };
    case 'contactEmail':
      return { key: 'intake.error.emailInvalid' };
  }
}
