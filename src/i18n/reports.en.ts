import type { reportsZhCN } from './reports.zh-CN.ts';

/** English texts of the report calendar and the calendar upkeep; exactly the keys of reports.zh-CN.ts. */
export const reportsEn: Record<keyof typeof reportsZhCN, string> = {
  'reports.help':
    "`/pilot reports P-2026-001` — the report calendar: each period's status and review; `… interval <months>` changes the interval; `… review <period> accepted|followup [note]` records a review (staff)",
  'reports.period.quarter': 'Q{n} {year}',
  'reports.period.half': 'H{n} {year}',
  'reports.period.year': 'Year {year}',
  'reports.period.month': '{month} {year}',
  'reports.period.dates': '{from} – {to}',
  'reports.period.choice': '{label} · due {due}',
  'reports.status.onTime': '✅ received on time',
  'reports.status.late': '🟠 received late',
  'reports.status.missed': '🔴 missing (overdue)',
  'reports.status.open': '⏳ open',
  'reports.status.upcoming': '· not started',
  'reports.status.superseded': '↪ replanned after an interval change',
  'reports.status.closed': '— not required: the project left piloting',
  'reports.review.accepted': 'review: accepted',
  'reports.review.followUp': 'review: needs follow-up',
  'reports.list.title':
    '*{ref}* {title} · periodic reports (every {months} months, due 10 working days after each period)',
  'reports.list.none': '*{ref}* has no report calendar yet: it is created when the project launches.',
  'reports.list.period': '{n}. *{label}* ({from} – {to}) due {due} · {status}',
  'reports.list.received': 'received {date}',
  'reports.list.adHocTitle': '*Ad-hoc reports*',
  'reports.list.adHoc': '{id}. received {date} · {summary}',
  'reports.list.usage':
    'Review: `/pilot reports {ref} review <period or A1> accepted|followup [note]`; change the interval: `/pilot reports {ref} interval <months>`.',
  'reports.card.title': 'Periodic reports',
  'reports.card.next': 'Next: {label}, due {due}',
  'reports.card.late': '{label} (due {due}): {status}',
  'reports.card.more': 'All periods: `/pilot reports {ref}`',
  'reports.adHocWithPeriod':
    'An ad-hoc report has no reporting period: leave "Reporting period" empty, or choose the kind "Periodic".',
  'reports.periodRequired':
    'A periodic report must name its reporting period. Choose one under "Reporting period" and submit again.',
  'reports.periodUnknown':
    "The chosen period is not in this project's report calendar (or was replanned). Choose again from the list.",
  'reports.periodReceived':
    "This period's report was already received on {received}. Record additional material as an ad-hoc report.",
  'reports.periodNotStarted':
    'This period begins on {starts} and has not started, so its report cannot be recorded yet. Choose a period that has begun.',
  'reports.usage':
    'Usage: `/pilot reports <reference>`, `/pilot reports <reference> interval <1–12 months>` or `/pilot reports <reference> review <period or A1> accepted|followup [note]`.',
  'reports.badInterval':
    '"{value}" is not a valid interval: give a whole number of months from 1 to 12, e.g. `interval 6`.',
  'reports.badReviewStatus': '"{value}" is not a review outcome: write accepted or followup.',
  'reports.followUpNote':
    '"Needs follow-up" needs a note saying what to follow up, e.g. `followup please add the complaint figures`.',
  'reports.noCalendar': '{ref} has no report calendar: only piloting projects have reporting periods.',
  'reports.notPiloting': '{ref} is not piloting, so its report interval cannot be changed.',
  'reports.reportUnknown':
    'No report "{which}" on {ref}: use a period number (e.g. 2) or an ad-hoc report id (e.g. A1) as `/pilot reports {ref}` lists them.',
  'reports.notReceived':
    "{ref}: this period's report has not been received, so it cannot be reviewed. Record it first with “Report received” on the project card.",
  'reports.permission': 'Only working-group staff or managers can change the report calendar or review reports.',
  'reports.intervalChanged':
    "{ref}'s report interval changed from every {from} to every {to} months: {superseded} periods not yet begun were replanned and {planned} planned; periods begun or received stay as they were.",
  'reports.intervalUnchanged': "{ref}'s report interval is already every {months} months; nothing changed.",
  'reports.reviewed': 'Review of {ref} {label} recorded: {status}.',
  'calendar.upkeep.prompt':
    "📅 *{year}'s official holiday schedule is not loaded yet.* Every due date in {year} is counted Monday–Friday for now and marked ※. When the State Council publishes the schedule, load it with `/pilot calendar`; you will be reminded weekly until then.",
  'calendar.unofficial.note':
    "※ {years}'s official holiday schedule is not loaded: this date was counted Monday–Friday and may move once it is (`/pilot why` shows the counting).",
};
