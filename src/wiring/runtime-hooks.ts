import { storedLang } from '../preferences/languages.ts';
import { changeItems } from '../projects/card-items.ts';
import { writeSupervisionRecords } from '../records/write-records.ts';
import { buildInvitation } from '../review/build-invitation.ts';
import { assignmentGate } from '../review/check-assignment.ts';
import { reactToChange } from '../review/react-to-change.ts';
import type { RuntimeHooks } from '../runtime/types.ts';
import { checklistMessage, deadlineMovedMessage, notifyMessage } from '../views/notify-messages.ts';

/**
 * The areas plugged into the change path: the conflict-of-interest gate before every reviewer assignment, the card
 * and thread after every change, the supervision records beside the machine, the invitation DM as its own message, languages, and the automatic assignment.
 */
export const runtimeHooks: RuntimeHooks = {
  checks: [assignmentGate],
  changeWrites: [writeSupervisionRecords],
  changeMessages: [changeItems],
  notifyMessages: { 'review.assignment': buildInvitation },
  render: { notify: notifyMessage, checklist: checklistMessage, deadlineMoved: deadlineMovedMessage },
  recipientLang: storedLang,
  followUps: [reactToChange],
};
