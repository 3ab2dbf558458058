import { DEFAULT_SETTINGS } from '../../machines/catalog.ts';
import {
  coachingExpiryWarnings,
  escalationInstants,
  reminderInstants,
  type WorkingCalendar,
} from '../calendar/index.ts';
import type { DeadlineSettings } from './compute-deadline.ts';

/** One thing the scheduler does for a deadline at an instant: remind, warn, mark it due, or escalate. */
export interface PlannedStep {
  /** reminder:<working days before> | reminder:<hours>h | warning:<days> | due | escalation:owner | escalation:managers */
  step: string;
  at: string;
  /** Sent at its exact hour, day or night (incidents); otherwise quiet hours apply. */
  urgent: boolean;
}

const HOUR = 3_600_000;
/** Incidents count in clock hours: reminders 12 and 2 hours before, escalation at once, managers 12 hours later. */
const INCIDENT_REMINDER_HOURS = [12, 2];
const INCIDENT_MANAGER_DELAY_HOURS = 12;

/** What a deadline needs to plan its steps. */
export interface StepSubject {
  kind: string;
  clock: string;
  dueDate: string;
  dueAt: string;
  hourly: boolean;
}

/**
 * The reminder and escalation ladder of a deadline, in time order (RULES.md defaults): reminders 3 and 1 working days
 * before and on the day at 09:00; due at 24:00 of the last day; escalation to the owner the next working day and to
 * managers 3 working days after. The CSRC's clock only informs the owner; coaching expiry warns 90/30/7 days before.
 */
export function planSteps(d: StepSubject, calendar: WorkingCalendar, settings: DeadlineSettings = DEFAULT_SETTINGS) {
  const steps: PlannedStep[] = [];
  const due: PlannedStep = { step: 'due', at: d.dueAt, urgent: d.hourly };
  if (d.hourly) {
    const dueMs = Date.parse(d.dueAt);
    for (const h of INCIDENT_REMINDER_HOURS)
      steps.push({ step: `reminder:${h}h`, at: new Date(dueMs - h * HOUR).toISOString(), urgent: true });
    steps.push(due, { step: 'escalation:owner', at: d.dueAt, urgent: true });
    steps.push({
      step: 'escalation:managers',
      at: new Date(dueMs + INCIDENT_MANAGER_DELAY_HOURS * HOUR).toISOString(),
      urgent: true,
    });
    return order(steps);
  }
  if (d.kind === 'coachingExpires') {
    for (const w of coachingExpiryWarnings(d.dueDate, settings.coachingExpiryWarningDaysBefore, calendar))
      steps.push({ step: `warning:${w.daysBefore}`, at: w.at, urgent: false });
    steps.push(due);
    return order(steps);
  }
  const [owner, managers] = escalationInstants(d.dueDate, calendar);
  if (d.clock === 'csrc') {
    steps.push(due, { step: 'escalation:owner', at: owner!.at, urgent: false });
    return order(steps);
  }
  for (const r of reminderInstants(d.dueDate, settings.reminderWorkingDaysBefore, calendar))
    steps.push({ step: `reminder:${r.offsetWorkingDays}`, at: r.at, urgent: false });
  steps.push(due, { step: 'escalation:owner', at: owner!.at, urgent: false });
  steps.push({ step: 'escalation:managers', at: managers!.at, urgent: false });
  return order(steps);
}

/** The first planned step not done yet, or null when the ladder is finished. */
export function nextPlannedStep(plan: readonly PlannedStep[], done: readonly string[]): PlannedStep | null {
  return plan.find((s) => !done.includes(s.step)) ?? null;
}

function order(steps: PlannedStep[]): PlannedStep[] {
  // Stable: steps at the same instant keep their ladder order (due before the escalation it triggers).
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.at.localeCompare(b.s.at) || a.i - b.i)
    .map(({ s }) => s);
}
