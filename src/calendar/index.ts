// The calendar's one public boundary: nothing outside src/calendar imports chinese-days or the files behind this.
export {
  addDays,
  addMonthsClamped,
  type IsoDate,
  type IsoInstant,
  isIsoDate,
  shanghaiInstant,
  shanghaiWallClock,
} from './dates.ts';
export { explainDue } from './explain.ts';
export {
  type CalendarError,
  type CalendarMessageKey,
  calendarMessages,
  formatCalendarError,
  formatCalendarMessage,
  type Lang,
} from './messages.ts';
export { CHINESE_DAYS_SOURCE, type HolidayLabel, PACKAGE_KNOWN_YEARS } from './official-data.ts';
export { computeDue, type Explanation, type ExplanationStep, type PeriodSpec, type PeriodUnit } from './periods.ts';
export {
  coachingExpiryWarnings,
  type EscalationInstant,
  type ExpiryWarning,
  escalationInstants,
  nextDeliveryInstant,
  QUIET_HOURS,
  type ReminderInstant,
  reminderInstants,
  STEP_HOUR,
} from './reminders.ts';
export { type OfficialSchedule, type ScheduleResult, validateSchedule } from './schedule.ts';
export { parseScheduleFile } from './schedule-file.ts';
export {
  createWorkingCalendar,
  type DayInfo,
  type DayKind,
  ScheduleValidationError,
  WorkingCalendar,
} from './working-calendar.ts';
