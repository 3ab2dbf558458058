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
  'error.stale':
    '{ref} was just changed by someone else and is now at "{stage}"; your action was not applied. Refresh the project card and try again.',
  'error.projectNotFound': 'No project {ref}. See `/pilot list` for references (e.g. P-2026-001).',
  'error.eventUnknown': 'Unknown action "{event}".',
  'error.eventInvalid': 'The action "{event}" has invalid content: {detail}. Nothing was changed.',
  'error.permission.event': 'You may not do "{event}" (roles needed: {roles}). Nothing was changed.',
  'error.eventNotAllowedNow': '{ref} is at "{stage}"; "{event}" is not possible now. Nothing was changed.',
  'notify.decision.proposed':
    '*{ref}* {title}: a decision was proposed and waits for a second staff member or a manager to confirm ({rule}).',
  'notify.selection.reportToCsrc':
    '*{ref}* {title}: selected in screening; report the selection result to the CSRC Technology Supervision Bureau ({rule}).',
  'notify.project.rejected': '*{ref}* {title}: the project did not pass ({rule}); its workflow has ended.',
  'notify.incident.occurred':
    '*{ref}* {title}: an abnormal situation occurred; the institution must report within 24 hours ({rule}).',
  'notify.pilot.launched': '*{ref}* {title}: the pilot has been launched ({rule}).',
  'notify.guidance.relayed':
    '*{ref}* {title}: CSRC guidance was relayed; pass it on to the pilot institution ({rule}).',
  'notify.sanction.reportedToCsrc':
    '*{ref}* {title}: the working group reported the breach to the CSRC Technology Supervision Bureau; the Shanghai Bureau decides next ({rule}).',
  'notify.sanction.decided': '*{ref}* {title}: the sanction decision was recorded ({rule}).',
  'notify.exit.started':
    '*{ref}* {title}: the project is exiting; make sure the institution carries out its exit plan ({rule}).',
  'notify.tolerance.qualifies': 'Incident {incident}: qualifies for fault tolerance (R-TOL-1)',
  'notify.tolerance.notQualifies': 'Incident {incident}: does not qualify for fault tolerance (R-TOL-1)',
  'notify.tolerance.unassessed': 'Incident {incident}: fault tolerance not yet assessed (R-TOL-1)',
  'notify.checklist.incentives': '*{ref}* converted to regular operation; incentives to arrange (R-INC-1):',
  'notify.checklist.exitPlan': '*{ref}* exit plan checklist (R-EXIT-6):',
  'notify.deadline.moved': '*{ref}*: the due date of "{kind}" moved from {from} to {to}.',
  'notify.review.assignment':
    'You are invited to review *{ref}* {title} ({rule}). Please accept or decline within 2 working days.',
  'notify.coaching.removeNotice':
    '*{ref}* {title}: the coaching period ended or a violation was found; remove the public notice information ({rule}).',
  'error.internal':
    'Something went wrong on our side; nothing was changed. Try again later; if it keeps failing, tell an admin (reference {incident}).',
};
