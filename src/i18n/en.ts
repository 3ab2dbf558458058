import type { zhCN } from './zh-CN.ts';

/** English. Must have exactly the keys of zh-CN (a test checks both ways). */
export const en: Record<keyof typeof zhCN, string> = {
  'help.title': '*Pilot Desk help*',
  'help.body':
    '`/pilot help` — show this help\n`/pilot new pilot` — new pilot application (opens the form)\n\nExample: `/pilot new pilot`',
  'command.unknown': 'Unknown subcommand "{sub}".',
  'command.usage': 'Usage: `/pilot help` or `/pilot new pilot`.',
  'command.newUsage': 'Say which kind of application, e.g. `/pilot new pilot`.',
  'command.newTrackUnknown': 'Unknown application kind "{track}". Available now: `pilot` (pilot project).',
  'intake.title': 'New pilot application',
  'intake.submit': 'Save',
  'intake.cancel': 'Cancel',
  'intake.field.title': 'Project title',
  'intake.field.title.hint': 'At most 100 characters',
  'intake.field.scenario': 'Business scenario',
  'intake.field.scenario.hint': 'The financial business scenario a licensed institution provides (R-ELIG-5)',
  'intake.field.technologies': 'Technologies',
  'intake.field.owner': 'Project owner (working group)',
  'intake.error.titleRequired': 'Enter the project title.',
  'intake.error.titleTooLong': 'The title may have at most {max} characters (it has {length}).',
  'intake.error.scenarioRequired': 'Enter the business scenario.',
  'intake.error.scenarioTooLong': 'The business scenario may have at most {max} characters (it has {length}).',
  'intake.error.technologiesRequired': 'Choose at least one technology.',
  'intake.error.ownerRequired': 'Choose the project owner.',
  'intake.error.invalid': 'Some fields of the application need correcting; see the marked fields.',
  'intake.created': '{actor} created pilot application *{ref}*: {title}',
  'project.card.stage': 'Stage: {stage}',
  'project.card.owner': 'Owner: {owner}',
  'tech.bigData': 'Big data',
  'tech.cloudComputing': 'Cloud computing',
  'tech.ai': 'Artificial intelligence',
  'tech.blockchain': 'Blockchain',
  'tech.otherNewIt': 'Other new-generation IT',
  'error.permission.createProject':
    'Only working-group staff or admins can create applications. Ask an admin to grant you a role with `/pilot roles grant`.',
  'error.metadata':
    "This form's internal data is not valid (tampered with or out of date). Open it again with `/pilot new pilot`.",
  'error.internal':
    'Something went wrong on our side; nothing was changed. Try again later; if it keeps failing, tell an admin (reference {incident}).',
};
