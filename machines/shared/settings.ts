/** Units a period can be counted in; the runtime's calendar does the arithmetic (RULES.md "How periods are counted"). */
export type Unit = 'workingDays' | 'calendarDays' | 'months' | 'years' | 'hours';
export interface Period {
  amount: number;
  unit: Unit;
}

const wd = (amount: number): Period => ({ amount, unit: 'workingDays' });

/** RULES.md "Defaults the notice leaves open", as settings the runtime may override. */
export const DEFAULT_SETTINGS = {
  reviewersPerApplication: 3,
  reviewersSimplified: 1,
  reviewerResponse: wd(2),
  reviewDue: wd(10),
  reviewDueSimplified: wd(5),
  infoRequestDue: wd(10),
  csrcAnswerExpected: wd(20),
  noticePeriod: wd(10),
  commitmentDue: wd(15),
  periodicReportInterval: { amount: 3, unit: 'months' } as Period,
  periodicReportGrace: wd(10),
  complaintAcknowledge: wd(2),
  complaintResolve: wd(15),
  incidentFirstReport: { amount: 24, unit: 'hours' } as Period,
  /** Issue 13: the handling report and the final report of an incident (R-SUP-5 says "promptly"; our defaults). */
  incidentHandlingReport: wd(5),
  incidentFinalReport: wd(20),
  rectificationDefault: { amount: 3, unit: 'months' } as Period,
  firstStageEvaluation: { amount: 12, unit: 'months' } as Period,
  nextStageEvaluation: { amount: 12, unit: 'months' } as Period,
  coachingPeriod: { amount: 1, unit: 'years' } as Period,
  /** R-EXIT-6: the exit plan's checklist is due 3 months after the exit starts (ours to choose, as rectification). */
  exitPlanDue: { amount: 3, unit: 'months' } as Period,
  /** R-COA-5: the public notice information is removed within 5 working days of expiry or revocation (ours). */
  coachingNoticeRemoval: wd(5),
  reminderWorkingDaysBefore: [3, 1, 0],
  escalationWorkingDaysAfter: { owner: 1, managers: 3 },
  coachingExpiryWarningDaysBefore: [90, 30, 7],
  digest: { time: '09:00', timeZone: 'Asia/Shanghai', workingDaysOnly: true },
} as const;

export type Settings = typeof DEFAULT_SETTINGS;
export type PeriodSetting = {
  [K in keyof Settings]: Settings[K] extends Period ? K : never;
}[keyof Settings];

/** Whose clock a deadline runs on: the CSRC's clock only informs and never escalates as "late". */
export type Clock = 'ours' | 'institution' | 'csrc' | 'reviewer';
/** Who is reminded: the project owner chases the institution; reviewers answer for their own reviews. */
export type Responsible = 'owner' | 'reviewer' | 'staff';
/** The date a period runs from; the machine passes it as the action's basis (a date, or an instant for hours). */
export type Basis =
  | 'assignedOn'
  | 'acceptedOn'
  | 'requestedOn'
  | 'forwardedOn'
  | 'publishedOn'
  | 'noticeClosedOn'
  | 'periodStart'
  | 'periodEnd'
  | 'scheduledFor'
  | 'receivedOn'
  | 'occurredAt'
  | 'requiredOn'
  | 'launchDate'
  | 'evaluatedOn'
  | 'exitStartedOn'
  | 'removalRequiredOn';

export interface DeadlineSpec {
  rule: string;
  from: Basis;
  /** Periods applied one after the other from the basis (e.g. 3 months, then 10 working days). */
  after: readonly PeriodSetting[];
  clock: Clock;
  responsible: Responsible;
}

/** What can fall due, as data: the runtime computes the date from the basis, the settings and its calendar. */
export const DEADLINES = {
  reviewerResponse: {
    rule: 'R-APP-2',
    from: 'assignedOn',
    after: ['reviewerResponse'],
    clock: 'reviewer',
    responsible: 'reviewer',
  },
  reviewDue: { rule: 'R-APP-2', from: 'acceptedOn', after: ['reviewDue'], clock: 'reviewer', responsible: 'reviewer' },
  reviewDueSimplified: {
    rule: 'R-COA-7',
    from: 'acceptedOn',
    after: ['reviewDueSimplified'],
    clock: 'reviewer',
    responsible: 'reviewer',
  },
  infoDue: {
    rule: 'R-APP-2',
    from: 'requestedOn',
    after: ['infoRequestDue'],
    clock: 'institution',
    responsible: 'owner',
  },
  csrcAnswerExpected: {
    rule: 'R-APP-4',
    from: 'forwardedOn',
    after: ['csrcAnswerExpected'],
    clock: 'csrc',
    responsible: 'owner',
  },
  noticeCloses: { rule: 'R-APP-5', from: 'publishedOn', after: ['noticePeriod'], clock: 'ours', responsible: 'owner' },
  commitmentDue: {
    rule: 'R-APP-6',
    from: 'noticeClosedOn',
    after: ['commitmentDue'],
    clock: 'institution',
    responsible: 'owner',
  },
  // One deadline per reporting period, counted from the period's last day (src/reports plans the periods).
  periodicReport: {
    rule: 'R-SUP-1',
    from: 'periodEnd',
    after: ['periodicReportGrace'],
    clock: 'institution',
    responsible: 'owner',
  },
  inspection: { rule: 'R-SUP-2', from: 'scheduledFor', after: [], clock: 'ours', responsible: 'owner' },
  complaintAcknowledge: {
    rule: 'R-SUP-4',
    from: 'receivedOn',
    after: ['complaintAcknowledge'],
    clock: 'institution',
    responsible: 'owner',
  },
  complaintResolve: {
    rule: 'R-SUP-4',
    from: 'receivedOn',
    after: ['complaintResolve'],
    clock: 'institution',
    responsible: 'owner',
  },
  incidentFirstReport: {
    rule: 'R-SUP-5',
    from: 'occurredAt',
    after: ['incidentFirstReport'],
    clock: 'institution',
    responsible: 'owner',
  },
  incidentHandlingReport: {
    rule: 'R-SUP-5',
    from: 'occurredAt',
    after: ['incidentHandlingReport'],
    clock: 'institution',
    responsible: 'owner',
  },
  incidentFinalReport: {
    rule: 'R-SUP-5',
    from: 'occurredAt',
    after: ['incidentFinalReport'],
    clock: 'institution',
    responsible: 'owner',
  },
  /** Issue 13: a rectification item opened from an inspection finding; its due date is set when it is opened. */
  rectificationItemDue: {
    rule: 'R-SUP-2',
    from: 'requiredOn',
    after: ['rectificationDefault'],
    clock: 'institution',
    responsible: 'owner',
  },
  rectificationDue: {
    rule: 'R-EXIT-4',
    from: 'requiredOn',
    after: ['rectificationDefault'],
    clock: 'institution',
    responsible: 'owner',
  },
  stageEvaluation: {
    rule: 'R-EXIT-1',
    from: 'launchDate',
    after: ['firstStageEvaluation'],
    clock: 'ours',
    responsible: 'owner',
  },
  nextStageEvaluation: {
    rule: 'R-EXIT-3',
    from: 'evaluatedOn',
    after: ['nextStageEvaluation'],
    clock: 'ours',
    responsible: 'owner',
  },
  coachingExpires: {
    rule: 'R-COA-4',
    from: 'publishedOn',
    after: ['coachingPeriod'],
    clock: 'ours',
    responsible: 'owner',
  },
  exitPlanDue: {
    rule: 'R-EXIT-6',
    from: 'exitStartedOn',
    after: ['exitPlanDue'],
    clock: 'institution',
    responsible: 'owner',
  },
  coachingNoticeRemoval: {
    rule: 'R-COA-5',
    from: 'removalRequiredOn',
    after: ['coachingNoticeRemoval'],
    clock: 'ours',
    responsible: 'owner',
  },
} as const satisfies Record<string, DeadlineSpec>;

export type DeadlineKind = keyof typeof DEADLINES;

/** Data the runtime needs to schedule a deadline: which one, its key on this project, and the basis date or instant. */
export interface ScheduleDeadlineParams {
  kind: DeadlineKind;
  key: string;
  rule: string;
  basis: string;
  /** An explicit due date set with a decision (e.g. rectification); overrides the settings. */
  dueDate?: string;
  /** For a repeating deadline (periodic reports): the nth period, so the first period applies n times. */
  occurrence?: number;
  /** Who is reminded when responsible is 'reviewer'. */
  userId?: string;
}
export interface CancelDeadlineParams {
  kind: DeadlineKind;
  key: string;
}
/** Every message the machines ask the runtime to send (labels hold `template.<name>` in both languages). */
export const NOTIFY_TEMPLATES = [
  'review.assignment',
  'review.declined',
  'review.expired',
  'review.overridden',
  'decision.proposed',
  'selection.reportToCsrc',
  'project.rejected',
  'pilot.launched',
  'guidance.relayed',
  'incident.occurred',
  'sanction.reportedToCsrc',
  'sanction.decided',
  'exit.started',
  'coaching.removeNotice',
] as const;
export type NotifyTemplate = (typeof NOTIFY_TEMPLATES)[number];

/** A message to send; the runtime renders the template in the recipient's language. */
export interface NotifyParams {
  template: NotifyTemplate;
  audience: 'owner' | 'staff' | 'managers' | 'user';
  rule: string;
  userId?: string;
  data: Record<string, string | number | boolean | null>;
  /** R-TOL-1: the fault-tolerance facts of the project's incidents, shown wherever a sanction is decided. */
  faultTolerance?: Array<{ incidentId: string; assessed: boolean; qualifies: boolean }>;
}
/** A checklist to produce (R-INC-1 incentives, R-EXIT-6 exit plan). */
export interface ChecklistParams {
  kind: 'incentives' | 'exitPlan';
  rule: string;
  items: readonly string[];
}
