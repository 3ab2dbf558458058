import { createFileResolver } from '../exports/file-delivery.ts';
import { FILE_METHOD } from '../exports/ids.ts';
import { routeResolvers } from '../outbox/deliver-outbox.ts';
import { createMessageResolver, firstResolver } from '../outbox/rendered.ts';
import { storedLang } from '../preferences/languages.ts';
import { createCardResolver } from '../projects/card-delivery.ts';
import { changeItems } from '../projects/card-items.ts';
import { writeSupervisionRecords } from '../records/write-records.ts';
import { checkReportPeriod } from '../reports/check-report-period.ts';
import { keepReportCalendar } from '../reports/keep-report-calendar.ts';
import { buildInvitation } from '../review/build-invitation.ts';
import { assignmentGate } from '../review/check-assignment.ts';
import { reactToChange } from '../review/react-to-change.ts';
import type { RuntimeHooks } from '../runtime/types.ts';
import { cardViews, messageViews } from './message-views.ts';

const renderMessages = createMessageResolver(messageViews);

/**
 * The areas plugged into the change path: the conflict-of-interest gate before every reviewer assignment, the card
 * and thread after every change, the invitation DM as its own message, languages, the automatic assignment, the
 * supervision records and the report calendar beside the machine (R-SUP-1), and the views that render the virtual
 * outbox rows when they are sent (cards, threads, workflow messages, exported files).
 */
export const runtimeHooks: RuntimeHooks = {
  checks: [assignmentGate, checkReportPeriod],
  changeWrites: [keepReportCalendar, writeSupervisionRecords],
  changeMessages: [changeItems],
  notifyMessages: { 'review.assignment': buildInvitation },
  resolver: (prisma, clock) =>
    firstResolver(
      renderMessages,
      createCardResolver(prisma, cardViews),
      routeResolvers({ [FILE_METHOD]: createFileResolver(prisma, () => clock.now()) }),
    ),
  recipientLang: storedLang,
  followUps: [reactToChange],
};
