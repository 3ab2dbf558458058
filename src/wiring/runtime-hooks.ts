import { storedLang } from '../preferences/languages.ts';
import { changeItems } from '../projects/card-delivery.ts';
import { buildInvitation } from '../review/build-invitation.ts';
import { assignmentGate } from '../review/check-assignment.ts';
import { reactToChange } from '../review/react-to-change.ts';
import type { RuntimeHooks } from '../runtime/hooks.ts';

/**
 * The areas plugged into the change path: the conflict-of-interest gate before every reviewer assignment, the card
 * and thread after every change, the invitation DM as its own message, languages, and the automatic assignment.
 */
export const runtimeHooks: RuntimeHooks = {
  checks: [assignmentGate],
  changeMessages: [changeItems],
  notifyMessages: { 'review.assignment': buildInvitation },
  recipientLang: storedLang,
  followUps: [reactToChange],
};
