import type { MessageViews } from '../outbox/rendered.ts';
import type { CardViews } from '../projects/card-delivery.ts';
import { calendarMovedMessage, reassignedMessage, stepMessage } from '../views/deadlines/messages.ts';
import { digestMessage } from '../views/digests/digest-message.ts';
import { cardMessage, threadEntryText } from '../views/projects/card-message.ts';
import { checklistMessage, deadlineMovedMessage, notifyMessage } from '../views/projects/notify-messages.ts';
import { calendarUpkeepMessage } from '../views/reports/calendar-upkeep-message.ts';
import { acceptedMessage, assignmentReport, invitationMessage } from '../views/review/review-messages.ts';

/**
 * The view of every workflow message the outbox keeps as data (decision 020). The type names every message an area
 * declared, with its data: a message without a view here, or a view taking other data, does not compile.
 */
export const messageViews: MessageViews = {
  notify: (d, lang) => notifyMessage(d.params, d.project, lang),
  checklist: (d, lang) => checklistMessage(d.params, d.project, lang),
  'deadline.moved': (d, lang) => deadlineMovedMessage(d.change, d.project, lang),
  'deadline.step': stepMessage,
  'deadline.calendarMoved': calendarMovedMessage,
  'deadline.reassigned': reassignedMessage,
  'calendar.upkeep': (d, lang) => calendarUpkeepMessage(d.year, lang),
  'digest.daily': digestMessage,
  'review.invitation': invitationMessage,
  'review.accepted': acceptedMessage,
  'review.assignmentReport': assignmentReport,
};

/** How the channel card and its thread lines read. */
export const cardViews: CardViews = { card: cardMessage, threadEntry: threadEntryText };
