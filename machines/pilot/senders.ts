import { actorMay, type Sender } from '../shared/actor.ts';
import type { PilotContext } from './context.ts';
import type { PilotEvent, PilotEventType } from './events.ts';

const STAFF = ['staff', 'manager'] as const;
/** Who may send each pilot event; identity rules (assigned reviewer, proposer) are separate guards. */
export const PILOT_SENDERS: Record<PilotEventType, Sender> = {
  'intake.update': STAFF,
  'intake.submit': STAFF,
  'application.withdraw': STAFF,
  'batch.assigned': STAFF,
  // The system assigns too (automatic assignment, replacements), as the scheduler actor.
  'review.assigned': [...STAFF, 'scheduler'],
  'review.accepted': ['reviewer'],
  'review.declined': ['reviewer'],
  'review.submitted': ['reviewer'],
  'review.invitationExpired': 'scheduler',
  'screening.overrideReviews': ['manager'],
  'screening.requestInfo': STAFF,
  'screening.infoReceived': STAFF,
  'screening.deferToLaterBatch': STAFF,
  'decision.propose': ['staff'],
  'decision.confirm': STAFF,
  'decision.withdraw': STAFF,
  'preliminary.forwarded': STAFF,
  'csrc.forwarded': STAFF,
  'csrc.evaluationRecorded': STAFF,
  'notice.published': STAFF,
  'notice.commentLogged': STAFF,
  'notice.commentDisposed': STAFF,
  'notice.periodEnded': 'scheduler',
  'plan.revised': STAFF,
  'risk.assessmentRecorded': STAFF,
  'commitment.received': STAFF,
  'launch.announced': STAFF,
  'report.received': STAFF,
  'inspection.scheduled': STAFF,
  'inspection.findingsRecorded': STAFF,
  'guidance.recorded': STAFF,
  'guidance.relayed': STAFF,
  'complaint.logged': STAFF,
  'complaint.acknowledged': STAFF,
  'complaint.resolved': STAFF,
  'incident.occurred': STAFF,
  'incident.reportReceived': STAFF,
  'incident.faultToleranceAssessed': STAFF,
  'evaluation.recorded': STAFF,
  'rectification.required': STAFF,
  'rectification.completed': STAFF,
  'sanction.reportedToCsrc': STAFF,
  'support.recorded': STAFF,
  'exit.requested': STAFF,
  'exit.checklistItemDone': STAFF,
  'exit.closed': STAFF,
};

/** The sender holds a role allowed for this event type (or is the scheduler where only it may send). */
export const authorised = (_: PilotContext, event: PilotEvent): boolean =>
  actorMay(event.actor, PILOT_SENDERS[event.type]);
