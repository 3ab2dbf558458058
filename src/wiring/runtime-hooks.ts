import { createMessageResolver, firstResolver } from '../outbox/rendered.ts';
import { storedLang } from '../preferences/languages.ts';
import { createCardResolver } from '../projects/card-delivery.ts';
import { changeItems } from '../projects/card-items.ts';
import { buildInvitation } from '../review/build-invitation.ts';
import { assignmentGate } from '../review/check-assignment.ts';
import { reactToChange } from '../review/react-to-change.ts';
import type { RuntimeHooks } from '../runtime/types.ts';
import { cardViews, messageViews } from './message-views.ts';

const renderMessages = createMessageResolver(messageViews);

/**
 * The areas plugged into the change path: the conflict-of-interest gate before every reviewer assignment, the card
 * and thread after every change, the invitation DM as its own message, languages, the automatic assignment, and the
 * views that render the virtual outbox rows when they are sent (cards, threads, workflow messages).
 */
export const runtimeHooks: RuntimeHooks = {
  checks: [assignmentGate],
  changeWrites: [],
  changeMessages: [changeItems],
  notifyMessages: { 'review.assignment': buildInvitation },
  resolver: (prisma) => firstResolver(renderMessages, createCardResolver(prisma, cardViews)),
  recipientLang: storedLang,
  followUps: [reactToChange],
};
