import { eventDate, shanghaiDateOf } from '../shared/events-common.ts';
import type { ChecklistParams } from '../shared/settings.ts';
import { initialPilotContext } from './context.ts';
import { INCENTIVES } from './events.ts';
import { exitingState, pilotingState } from './piloting.ts';
import {
  type Args,
  cancel,
  idOf,
  keyed,
  notify,
  pilotSetup,
  replacementNotice,
  reviewerOf,
  schedule,
} from './setup.ts';

/** Stored with every persisted snapshot; bump it (and add a migration) when the snapshot's shape changes. */
export const PILOT_MACHINE_VERSION = 1;

/** The pilot project's lifecycle (issue 3): intake to regular operation, exit, rejection or withdrawal. */
export const pilotMachine = pilotSetup.createMachine({
  id: 'pilot',
  context: ({ input }) => initialPilotContext(input),
  initial: 'intake',
  states: {
    intake: {
      on: {
        'intake.update': { guard: 'authorised', actions: 'record' },
        'intake.submit': [
          { guard: 'canSubmitMarketCore', target: 'preliminaryReview', actions: 'record' },
          { guard: 'canSubmitWithoutBatch', target: 'awaitingBatch', actions: 'record' },
          { guard: 'canSubmit', target: 'screening', actions: 'record' },
        ],
        'application.withdraw': { guard: 'authorised', target: 'withdrawn', actions: 'record' },
      },
    },
    awaitingBatch: {
      on: {
        'intake.update': { guard: 'updateKeepsApplicationValid', actions: 'record' },
        'batch.assigned': { guard: 'authorised', target: 'screening', actions: 'record' },
        'application.withdraw': { guard: 'authorised', target: 'withdrawn', actions: 'record' },
      },
    },
    screening: {
      initial: 'review',
      on: {
        'application.withdraw': { guard: 'authorised', target: 'withdrawn', actions: 'record' },
        'decision.withdraw': { guard: 'canWithdrawDecision', actions: 'record' },
        'review.assigned': {
          guard: 'canAssignReviewer',
          actions: [
            'record',
            {
              type: 'scheduleDeadline',
              params: ({ event }) => ({
                kind: 'reviewerResponse',
                key: keyed('reviewerResponse', 'reviewerId')({ event } as Args),
                rule: 'R-APP-2',
                basis: eventDate(event),
                userId: idOf('reviewerId')({ event } as Args),
              }),
            },
            {
              type: 'notify',
              params: ({ context, event }) => ({
                template: 'review.assignment',
                audience: 'user',
                rule: 'R-APP-2',
                userId: idOf('reviewerId')({ event } as Args),
                data: { ref: context.ref, simplified: context.simplifiedReview },
              }),
            },
          ],
        },
        'review.accepted': {
          guard: 'canAcceptReview',
          actions: [
            'record',
            {
              type: 'cancelDeadline',
              params: ({ event }) => ({ kind: 'reviewerResponse', key: `reviewerResponse:${reviewerOf(event)}` }),
            },
            {
              type: 'scheduleDeadline',
              params: ({ context, event }) => {
                const kind = context.simplifiedReview ? 'reviewDueSimplified' : 'reviewDue';
                const rule = context.simplifiedReview ? 'R-COA-7' : 'R-APP-2';
                const userId = reviewerOf(event);
                return { kind, key: `review:${userId}`, rule, basis: eventDate(event), userId };
              },
            },
          ],
        },
        'review.declined': {
          guard: 'isAssignedReviewer',
          actions: [
            'record',
            {
              type: 'cancelDeadline',
              params: ({ event }) => ({ kind: 'reviewerResponse', key: `reviewerResponse:${reviewerOf(event)}` }),
            },
            replacementNotice('review.declined', ({ event }) => reviewerOf(event)),
          ],
        },
        // Issue 6: an invitation unanswered by its deadline is withdrawn (the scheduler's consequence).
        'review.invitationExpired': {
          guard: 'invitationUnanswered',
          actions: ['record', replacementNotice('review.expired', idOf('reviewerId'))],
        },
        'review.submitted': {
          guard: 'canSubmitReview',
          actions: [
            'record',
            {
              type: 'cancelDeadline',
              params: ({ context, event }) => ({
                kind: context.simplifiedReview ? 'reviewDueSimplified' : 'reviewDue',
                key: `review:${reviewerOf(event)}`,
              }),
            },
          ],
        },
      },
      states: {
        review: {
          on: {
            'screening.requestInfo': {
              guard: 'noPendingDecision',
              target: 'awaitingInformation',
              actions: 'record',
            },
            'screening.deferToLaterBatch': [
              { guard: 'canDeferToLaterBatch', actions: 'record' },
              { guard: 'noPendingDecision', target: '#pilot.awaitingBatch', actions: 'record' },
            ],
            'screening.overrideReviews': {
              guard: 'canOverrideReviews',
              actions: ['record', notify('review.overridden', 'staff', 'R-APP-3')],
            },
            'decision.propose': {
              guard: { type: 'canPropose', params: { kinds: ['screeningPass', 'screeningFilterOut'] } },
              actions: ['record', notify('decision.proposed', 'staff', 'R-APP-3')],
            },
            'decision.confirm': [
              {
                guard: { type: 'canConfirm', params: { kind: 'screeningPass' } },
                target: '#pilot.csrcEvaluation',
                actions: ['record', notify('selection.reportToCsrc', 'owner', 'R-APP-3')],
              },
              {
                guard: { type: 'canConfirm', params: { kind: 'screeningFilterOut' } },
                target: '#pilot.rejected',
                actions: 'record',
              },
            ],
          },
        },
        awaitingInformation: {
          entry: schedule('infoDue', 'R-APP-2', ({ context }) =>
            shanghaiDateOf(context.infoRequests.at(-1)?.requestedAt ?? ''),
          ),
          exit: cancel('infoDue'),
          on: {
            'intake.update': { guard: 'updateKeepsApplicationValid', actions: 'record' },
            'screening.infoReceived': { guard: 'authorised', target: 'review', actions: 'record' },
          },
        },
      },
    },
    preliminaryReview: {
      on: {
        'preliminary.forwarded': { guard: 'authorised', target: 'csrcEvaluation.awaitingAnswer', actions: 'record' },
        'application.withdraw': { guard: 'authorised', target: 'withdrawn', actions: 'record' },
      },
    },
    csrcEvaluation: {
      initial: 'toForward',
      on: { 'application.withdraw': { guard: 'authorised', target: 'withdrawn', actions: 'record' } },
      states: {
        toForward: {
          on: { 'csrc.forwarded': { guard: 'authorised', target: 'awaitingAnswer', actions: 'record' } },
        },
        awaitingAnswer: {
          entry: schedule('csrcAnswerExpected', 'R-APP-4', ({ context }) => context.csrc.forwardedOn ?? ''),
          exit: cancel('csrcAnswerExpected'),
          on: {
            'csrc.evaluationRecorded': [
              { guard: 'csrcPassed', target: '#pilot.publicNotice', actions: 'record' },
              { guard: 'csrcFailed', target: '#pilot.rejected', actions: 'record' },
            ],
          },
        },
      },
    },
    publicNotice: {
      initial: 'toPublish',
      on: { 'application.withdraw': { guard: 'authorised', target: 'withdrawn', actions: 'record' } },
      states: {
        toPublish: {
          on: { 'notice.published': { guard: 'authorised', target: 'open', actions: 'record' } },
        },
        open: {
          entry: schedule('noticeCloses', 'R-APP-5', ({ context }) => context.notice.publishedOn ?? ''),
          exit: cancel('noticeCloses'),
          on: {
            'notice.commentLogged': { guard: 'isNewComment', actions: 'record' },
            'notice.commentDisposed': { guard: 'isUndisposedComment', actions: 'record' },
            'plan.revised': { guard: 'authorised', actions: 'record' },
            'notice.periodEnded': { guard: 'authorised', target: '#pilot.preLaunch', actions: 'record' },
          },
        },
      },
    },
    preLaunch: {
      initial: 'conditions',
      entry: schedule('commitmentDue', 'R-APP-6', ({ context }) => context.notice.closedOn ?? ''),
      exit: cancel('commitmentDue'),
      on: {
        'application.withdraw': { guard: 'authorised', target: 'withdrawn', actions: 'record' },
        'notice.commentDisposed': { guard: 'isUndisposedComment', actions: 'record' },
        'plan.revised': { guard: 'authorised', actions: 'record' },
      },
      states: {
        conditions: {
          on: {
            'risk.assessmentRecorded': { guard: 'riskAssessmentValid', actions: 'record' },
            'commitment.received': { guard: 'authorised', actions: ['record', cancel('commitmentDue')] },
            'decision.propose': {
              guard: { type: 'canPropose', params: { kinds: ['launch'] } },
              actions: ['record', notify('decision.proposed', 'staff', 'R-APP-6')],
            },
            'decision.confirm': {
              guard: { type: 'canConfirm', params: { kind: 'launch' } },
              target: 'awaitingAnnouncement',
              actions: 'record',
            },
            'decision.withdraw': { guard: 'canWithdrawDecision', actions: 'record' },
          },
        },
        awaitingAnnouncement: {
          on: {
            'launch.announced': {
              guard: 'announcementAfterCommitment',
              target: '#pilot.piloting',
              actions: 'record',
            },
          },
        },
      },
    },
    piloting: pilotingState,
    exiting: exitingState,
    regularOperation: {
      type: 'final',
      entry: [
        { type: 'cancelAllDeadlines', params: { reason: 'regularOperation' } },
        {
          type: 'produceChecklist',
          params: (): ChecklistParams => ({ kind: 'incentives', rule: 'R-INC-1', items: INCENTIVES }),
        },
      ],
    },
    exited: { type: 'final', entry: { type: 'cancelAllDeadlines', params: { reason: 'exited' } } },
    rejected: {
      type: 'final',
      entry: [
        { type: 'cancelAllDeadlines', params: { reason: 'rejected' } },
        notify('project.rejected', 'owner', 'R-APP-3'),
      ],
    },
    withdrawn: { type: 'final', entry: { type: 'cancelAllDeadlines', params: { reason: 'withdrawn' } } },
  },
});
