import type { z } from 'zod';
import { COACHING_SENDERS, coachingEventSchemas } from './coaching/events.ts';
import { pilotEventSchemas } from './pilot/events.ts';
import { PILOT_SENDERS } from './pilot/senders.ts';
import type { Role, Sender } from './shared/actor.ts';
import { type FieldSpec, fieldsOf } from './shared/fields.ts';
import type { DeadlineKind } from './shared/settings.ts';

export { DEADLINES, DEFAULT_SETTINGS } from './shared/settings.ts';

/** What a state means to the rest of the system: its label, who owns it, what falls due on entry. */
export interface StateInfo {
  labelKey: string;
  owner: Role | null;
  dueOnEntry: readonly DeadlineKind[];
}
/** Identity rules on top of roles: the assigned reviewer, someone other than the proposer, the proposer or a manager. */
export type IdentityRule = 'assignedReviewer' | 'notProposer' | 'proposerOrManager' | null;
export interface EventInfo {
  labelKey: string;
  senders: Sender;
  identity: IdentityRule;
  /** Records an outside fact: factDate (the letter's, notice's or arrival's date) is required. */
  fact: boolean;
  fields: FieldSpec[];
  /** For decision.propose: the fields per decision kind. */
  decisions?: Record<string, { labelKey: string; fields: FieldSpec[] }>;
}

const IDENTITY: Record<string, IdentityRule> = {
  'review.accepted': 'assignedReviewer',
  'review.declined': 'assignedReviewer',
  'review.submitted': 'assignedReviewer',
  'decision.confirm': 'notProposer',
  'decision.withdraw': 'proposerOrManager',
};

type AnyObject = z.ZodObject<z.ZodRawShape>;
const optionsOf = (schema: z.ZodType): AnyObject[] =>
  ((schema as unknown as { def: { options?: AnyObject[] } }).def.options ?? [schema]) as AnyObject[];
const kindOf = (schema: AnyObject): string => `${(schema.shape.decisionKind as z.ZodLiteral<string>).value}`;

/** Builds the event catalog of a machine from its zod schemas and senders, so the two cannot drift apart. */
function eventCatalog(schemas: Record<string, z.ZodType>, senders: Record<string, Sender>): Record<string, EventInfo> {
  const catalog: Record<string, EventInfo> = {};
  for (const [type, schema] of Object.entries(schemas)) {
    const variants = optionsOf(schema);
    const first = variants[0] as AnyObject;
    const info: EventInfo = {
      labelKey: `event.${type}`,
      senders: senders[type] as Sender,
      identity: IDENTITY[type] ?? null,
      fact: !(first.shape.factDate as z.ZodType).safeParse(undefined).success,
      fields: fieldsOf(type, first),
    };
    if (variants.length > 1) {
      info.fields = [];
      info.decisions = Object.fromEntries(
        variants.map((v) => [kindOf(v), { labelKey: `decision.${kindOf(v)}`, fields: fieldsOf(type, v) }]),
      );
    }
    catalog[type] = info;
  }
  return catalog;
}

export const PILOT_EVENTS = eventCatalog(pilotEventSchemas, PILOT_SENDERS);
export const COACHING_EVENTS = eventCatalog(coachingEventSchemas, COACHING_SENDERS);

const state = (machine: string, path: string, owner: Role | null, dueOnEntry: readonly DeadlineKind[] = []) =>
  [path, { labelKey: `state.${machine}.${path}`, owner, dueOnEntry }] as const;

/** Every pilot state (dot paths as in `snapshot.matches`), with its owner and what falls due on entry. */
export const PILOT_STATES: Record<string, StateInfo> = Object.fromEntries([
  state('pilot', 'intake', 'staff'),
  state('pilot', 'awaitingBatch', 'staff'),
  state('pilot', 'screening', 'staff'),
  state('pilot', 'screening.review', 'reviewer'),
  state('pilot', 'screening.awaitingInformation', 'staff', ['infoDue']),
  state('pilot', 'preliminaryReview', 'staff'),
  state('pilot', 'csrcEvaluation', 'staff'),
  state('pilot', 'csrcEvaluation.toForward', 'staff'),
  state('pilot', 'csrcEvaluation.awaitingAnswer', 'staff', ['csrcAnswerExpected']),
  state('pilot', 'publicNotice', 'staff'),
  state('pilot', 'publicNotice.toPublish', 'staff'),
  state('pilot', 'publicNotice.open', 'staff', ['noticeCloses']),
  state('pilot', 'preLaunch', 'staff', ['commitmentDue']),
  state('pilot', 'preLaunch.conditions', 'staff'),
  state('pilot', 'preLaunch.awaitingAnnouncement', 'staff'),
  state('pilot', 'piloting', 'staff', ['stageEvaluation']),
  state('pilot', 'piloting.active', 'staff'),
  state('pilot', 'piloting.underGuidance', 'staff', ['nextStageEvaluation']),
  state('pilot', 'piloting.goalsMet', 'manager'),
  state('pilot', 'piloting.riskFound', 'manager'),
  state('pilot', 'piloting.rectification', 'staff', ['rectificationDue']),
  state('pilot', 'piloting.suspended', 'manager'),
  state('pilot', 'piloting.awaitingFollowUp', 'manager'),
  state('pilot', 'exiting', 'staff', ['exitPlanDue']),
  state('pilot', 'regularOperation', null),
  state('pilot', 'exited', null),
  state('pilot', 'rejected', null),
  state('pilot', 'withdrawn', null),
]);

/** Every coaching state, with its owner and what falls due on entry. */
export const COACHING_STATES: Record<string, StateInfo> = Object.fromEntries([
  state('coaching', 'intake', 'staff'),
  state('coaching', 'selection', 'staff'),
  state('coaching', 'csrcEvaluation', 'staff'),
  state('coaching', 'csrcEvaluation.toForward', 'staff'),
  state('coaching', 'csrcEvaluation.awaitingAnswer', 'staff', ['csrcAnswerExpected']),
  state('coaching', 'publicNotice', 'staff'),
  state('coaching', 'active', 'staff', ['coachingExpires']),
  state('coaching', 'removingNotice', 'staff', ['coachingNoticeRemoval']),
  state('coaching', 'closed', null),
  state('coaching', 'rejected', null),
  state('coaching', 'withdrawn', null),
]);
