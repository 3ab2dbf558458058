import type { zhCN } from './zh-CN.ts';

/** English. Must have exactly the keys of zh-CN (a test checks both ways). */
export const en: Record<keyof typeof zhCN, string> = {
  'help.title': '*Pilot Desk help*',
  'help.body':
    '`/pilot` — open the menu\n`/pilot new pilot|coaching` — new pilot or coaching application\n`/pilot list [mine|overdue|pilot|coaching|<stage>|batch <name>]` — list projects\n`/pilot show P-2026-001` — the project card\n`/pilot do P-2026-001 <action>` — take an action (same as its button)\n`/pilot why P-2026-001` — how its deadlines were counted\n`/pilot records P-2026-001 [inspections|findings|rectification|complaints|incidents|guidance|sanctions]` — supervision records (inspections, rectification, complaints, incidents, guidance, sanctions)\n`/pilot batch open|close|place|list [name]` — batches, placing waiting applications, the selection list\n`/pilot roles grant|revoke @someone <role>`, `/pilot roles list` — roles\n`/pilot digest subscribe|unsubscribe|now` — daily digest\n`/pilot relay` — relay CSRC guidance to every piloting project (staff)\n`/pilot calendar` — load a holiday schedule (admins)\n`/pilot admin outbox` — messages Slack refused (admins)\n`/pilot settings` — settings: the working-group channel (admins)\n`/pilot experts` — the expert pool; `/pilot experts add @someone [tags]`; `/pilot experts auto on|off` — automatic assignment on entering screening\n`/pilot assign P-2026-001 auto|@someone` — assign reviewers\n`/pilot lang zh|en` — language\n`/pilot help` — this help',
  'help.tags': 'Expert tags (Chinese or English): {tags}',
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
  'error.permission.event':
    'You may not do "{event}" (roles needed: {roles}). Nothing was changed. To get the role, ask an admin.',
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
  // Deadlines, reminders and escalations, digests, calendar loading, outbox admin (issue 4).
  'deadline.when.today': 'today',
  'deadline.when.workingDays': 'in {n} working days',
  'deadline.when.days': 'in {n} days',
  'deadline.when.hours': 'in {n} hours',
  'deadline.reminder.ours': '⏰ *{ref}* {title}: “{kind}” is due {when} ({due}, {rule}).',
  'deadline.reminder.institution':
    '⏰ *{ref}* {title}: the institution owes “{kind}”, due {when} ({due}, {rule}). Please chase the institution.',
  'deadline.reminder.reviewer': '⏰ *{ref}* {title}: your “{kind}” is due {when} ({due}, {rule}).',
  'deadline.warning.coaching': '⏳ *{ref}* {title}: the coaching period ends {when} ({due}, {rule}).',
  'deadline.escalation.owner': '🔴 *{ref}* {title}: “{kind}” was due on {due} and is not done ({rule}).',
  'deadline.escalation.institution':
    '🔴 *{ref}* {title}: the institution has not delivered “{kind}”, due on {due} ({rule}). Please chase the institution.',
  'deadline.escalation.reviewer':
    '🔴 *{ref}* {title}: reviewer {user} has not completed “{kind}”, due on {due} ({rule}).',
  'deadline.escalation.csrc':
    'ℹ️ *{ref}* {title}: the CSRC’s expected answer date {due} passed ({rule}). This is the CSRC’s clock: for information only, not late on our side.',
  'deadline.escalation.managers':
    '🚨 *{ref}* {title}: “{kind}” was due on {due} and is {days} working days late; responsible: {user} ({rule}).',
  'deadline.late': '(Sent late: planned for {planned}; the scheduler was not running then.)',
  'deadline.button.extend': 'Extend',
  'deadline.button.reassign': 'Reassign',
  'deadline.button.acknowledge': 'Acknowledge',
  'deadline.button.snooze': 'Snooze to next working morning',
  'deadline.movedByCalendar':
    '*{ref}*: the official {year} holiday schedule was loaded; the due date of “{kind}” moved from {from} to {to}.',
  'deadline.reassigned': '{by} made you responsible for “{kind}” of *{ref}* (due {due}).',
  'deadline.clock.ours': 'our clock',
  'deadline.clock.institution': 'the institution’s clock',
  'deadline.clock.csrc': 'the CSRC’s clock (informational)',
  'deadline.clock.reviewer': 'the reviewer’s clock',
  'deadline.status.open': 'open',
  'deadline.status.missed': 'missed',
  'deadline.why.title': 'Open deadlines of *{ref}* {title}',
  'deadline.why.none': '*{ref}* {title} has no open deadlines.',
  'deadline.why.item': '*{kind}* · {rule} · {clock}',
  'deadline.why.fact': 'Counted from: {basis}',
  'deadline.why.explicit': 'The due date {due} was set explicitly (not counted).',
  'deadline.why.extended': 'Extended from {from}; reason: {reason}',
  'deadline.why.holidays': 'Holidays skipped: {days}',
  'deadline.why.adjusted': 'Adjusted working days counted: {days}',
  'deadline.why.unknownYear':
    '⚠️ Counted without the official calendar for {years} (Monday to Friday); the date may move when an admin loads it.',
  'deadline.why.snoozed': 'Reminders snoozed until {until}.',
  'deadline.why.result': 'Due: {due}{end} (Shanghai) · status: {status} · next step: {next}',
  'calendar.loaded':
    'Loaded the official {year} calendar ({source}): {recomputed} open deadlines recomputed, {moved} due dates moved.',
  'digest.title': 'Pilot Desk daily digest · {date}',
  'digest.filters': 'Filters: {filters}',
  'digest.stages': '*Projects per stage*',
  'digest.stageLine': '• {stage} ({track}): {count}',
  'digest.upcoming': '*Due in the next 7 days* ({count})',
  'digest.missed': '*Missed* ({count})',
  'digest.coaching': '*Coaching periods ending within 30 days* ({count})',
  'digest.lateReviewers': '*Late reviewers* ({count})',
  'digest.line': '• *{ref}* {title} — {kind}, due {due}, {who}',
  'digest.none': 'None.',
  'digest.more': '…and {count} more',
  'outbox.dead.title': 'Messages Slack kept refusing, parked ({count}):',
  'outbox.dead.none': 'No parked messages.',
  'outbox.dead.line': '`{key}` → {channel}, {attempts} attempts, error: {error}',
  'outbox.button.retry': 'Retry',
  'error.deadlineNotFound': 'No such deadline (it may have been closed or removed).',
  'error.deadlineClosed': 'This deadline is already closed ({status}); nothing was changed.',
  'error.permission.deadline':
    'Only working-group staff, managers or admins can change deadlines; nothing was changed.',
  'error.permission.snooze': 'Only working-group staff or the person reminded can snooze a reminder.',
  'error.extend.reasonRequired': 'Give a reason for the extension.',
  'error.extend.dateInvalid': '"{value}" is not a valid date; write it like 2026-03-02.',
  'error.extend.dateInPast': 'The new due date {date} is before today ({today}).',
  'error.reassign.userInvalid': 'Choose a Slack member.',
  'error.permission.calendar': 'Only admins can load the official holiday calendar.',
  'error.calendar.invalid': 'The schedule is not valid and was not loaded: {problems}',
  'error.permission.digest': 'Only managers or admins can subscribe or unsubscribe a channel from the daily digest.',
  'error.digest.channelInvalid': '"{channel}" is not a channel. Use the command in the channel to subscribe.',
  'error.digest.filtersInvalid': 'Invalid digest filters: filter by pilot or coaching and by stage.',
  'error.permission.outbox': 'Only admins can see and retry parked messages.',
  'error.outboxNotFound': 'No message {id}.',
  'error.outboxNotDead': 'Message {id} is {status}; there is nothing to retry.',
  'notify.review.declined':
    '*{ref}* {title}: a reviewer declined or declared a conflict ({rule}). Who is invited instead, or why nobody can be, follows here and in the project channel.',
  'notify.review.expired':
    '*{ref}* {title}: an invitation went unanswered and was withdrawn ({rule}). Who is invited instead, or why nobody can be, follows here and in the project channel.',
  'notify.review.overridden':
    '*{ref}* {title}: a manager allowed the screening decision without all reviews; the reason is recorded ({rule}).',
};
