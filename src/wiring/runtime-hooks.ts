import { storedLang } from '../preferences/languages.ts';
import { changeItems } from '../projects/card-items.ts';
import { writeSupervisionRecords } from '../records/write-records.ts';
import { checkReportPeriod } from '../reports/check-report-period.ts';
import { keepReportCalendar } from '../reports/keep-report-calendar.ts';
import { buildInvitation } from '../review/build-invitation.ts';
import { assignmentGate } from '../review/check-assignment.ts';
import { reactToChange } from '../review/react-to-change.ts';
import type { RuntimeHooks } from '../runtime/types.ts';
import { checklistMessage, deadlineMovedMessage, notifyMessage } from '../views/notify-messages.ts';

/**
 * The areas plugged into the change path: the conflict-of-interest gate before every reviewer assignment, the card
 * and thread after every change, the invitation DM as its own message, languages, and the automatic assignment;
 * the supervision records beside the machine, the report calendar's period check before a report is received and its rows beside every change (R-SUP-1).
 */
export const runtimeHooks: RuntimeHooks = {
  checks: [assignmentGate, checkReportPeriod],
  changeWrites: [keepReportCalendar, writeSupervisionRecords],
  changeMessages: [changeItems],
  notifyMessages: { 'review.assignment': buildInvitation },
  render: { notify: notifyMessage, checklist: checklistMessage, deadlineMoved: deadlineMovedMessage },
  recipientLang: storedLang,
  followUps: [reactToChange],
};
