/** What a step message says about its deadline; plain data, so the builders never query. */
export interface StepMessageInput {
  project: { ref: string; title: string };
  deadline: {
    id: string;
    kind: string;
    rule: string;
    clock: string;
    dueDate: string;
    dueAt: string;
    hourly: boolean;
    responsibleUserId: string | null;
    /** Years the due date was counted in without the official schedule: the date carries ※ and a line why. */
    unknownYears?: readonly number[];
  };
  step: string;
  /** Set when the step went out more than an hour after its planned instant (the scheduler was down). */
  lateSince?: string;
  /** For escalation:managers: working days past the due date. */
  workingDaysLate?: number;
}

/** A due date that loading a year's official calendar moved. */
export interface CalendarMovedData {
  ref: string;
  kind: string;
  year: number;
  from: string;
  to: string;
}

/** A deadline handed to someone else, as its new holder is told. */
export interface ReassignedData {
  ref: string;
  kind: string;
  dueDate: string;
  by: string;
}

declare module '../outbox/rendered.ts' {
  /** The deadlines' workflow messages, kept as data in the outbox and rendered when sent (decision 020). */
  interface MessageData {
    'deadline.step': StepMessageInput;
    'deadline.calendarMoved': CalendarMovedData;
    'deadline.reassigned': ReassignedData;
  }
}
