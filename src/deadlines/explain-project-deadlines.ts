import { type Explanation, explainDue, formatCalendarMessage } from '../calendar/index.ts';
import { NotFoundError } from '../errors.ts';
import { type Lang, type MessageKey, t } from '../i18n/index.ts';
import { machineLabel } from '../i18n/labels.ts';
import { projectByRef, projectRow } from '../projects/repository.ts';
import { formatDue, formatInstant } from './due-text.ts';
import { dateOf, storedSpec } from './replan.ts';
import { openDeadlinesOf, type PrismaClient } from './repository.ts';
import { isHourly } from './sync-deadlines.ts';

/** Everything `/pilot why` says about one open deadline, already in the reader's language. */
export interface DeadlineExplanation {
  deadlineId: string;
  key: string;
  kind: string;
  kindLabel: string;
  rule: string;
  clock: string;
  clockLabel: string;
  status: string;
  /** The fact date (or instant) the period runs from. */
  basis: string;
  /** The counting, sentence by sentence (explainDue), including one note per year counted without its calendar. */
  counting: string[];
  holidaysSkipped: string[];
  adjustedDaysCounted: string[];
  unknownYears: number[];
  /** Set when the counting touched a year whose official calendar is not loaded. */
  unknownYearWarning: string | null;
  /** Set when the date was set explicitly (a decision, an extension) rather than counted. */
  explicit: { dueDate: string; extendedFrom?: string; reason?: string } | null;
  dueDate: string;
  dueAt: string;
  /** The result in one line: due, status, next step. */
  result: string;
  responsibleUserId: string | null;
  nextStep: string | null;
  nextStepAt: string | null;
  snoozedUntil: string | null;
}

/** A project's open deadlines, explained. */
export interface ProjectDeadlines {
  project: { id: string; ref: string; title: string };
  deadlines: DeadlineExplanation[];
}

const CLOCK_KEYS: Record<string, MessageKey> = {
  ours: 'deadline.clock.ours',
  institution: 'deadline.clock.institution',
  csrc: 'deadline.clock.csrc',
  reviewer: 'deadline.clock.reviewer',
};

/**
 * Explains every open deadline of a project (by id or reference): the rule, the kind, the fact date, the counting
 * with the holidays skipped and the adjusted working days counted, whether each year's calendar is known, and the
 * result. Reads the explanation stored when the deadline was computed; nothing is recomputed.
 */
export async function explainProjectDeadlines(
  prisma: PrismaClient,
  projectIdOrRef: string,
  lang: Lang,
): Promise<ProjectDeadlines> {
  const byId = /^[0-9a-f-]{36}$/i.test(projectIdOrRef);
  const row = byId ? await projectRow(prisma, projectIdOrRef) : await projectByRef(prisma, projectIdOrRef);
  if (!row) throw new NotFoundError('error.projectNotFound', { ref: projectIdOrRef });
  const project = { id: row.id, ref: row.ref, title: row.title };
  const rows = await openDeadlinesOf(prisma, project.id);
  return {
    project,
    deadlines: rows.map((row) => {
      const explanations = (row.explanation ?? []) as unknown as Explanation[];
      const spec = storedSpec(row);
      const dueDate = dateOf(row.dueDate);
      const dueAt = row.dueAt.toISOString();
      const hourly = isHourly(spec);
      const unknownYears = [...row.unknownYears].sort((a, b) => a - b);
      const statusLabel = t(lang, row.status === 'missed' ? 'deadline.status.missed' : 'deadline.status.open');
      const next = row.nextStep && row.nextStepAt ? `${row.nextStep} · ${formatInstant(row.nextStepAt)}` : '—';
      return {
        deadlineId: row.id,
        key: row.key,
        kind: row.kind,
        kindLabel: machineLabel(lang, `deadline.${row.kind}`),
        rule: row.rule,
        clock: row.clock,
        clockLabel: CLOCK_KEYS[row.clock] ? t(lang, CLOCK_KEYS[row.clock]!) : row.clock,
        status: row.status,
        basis: row.basis,
        counting: explanations.flatMap((e) => explainDue(e, lang)),
        holidaysSkipped: [...new Set(explanations.flatMap((e) => e.skipped.holidays))],
        adjustedDaysCounted: [...new Set(explanations.flatMap((e) => e.skipped.adjustedWorkingDaysCounted))],
        unknownYears,
        unknownYearWarning:
          unknownYears.length === 0
            ? null
            : unknownYears.map((year) => formatCalendarMessage('note.unknownYear', { year }, lang)).join('; '),
        explicit: spec.explicitDueDate
          ? {
              dueDate: spec.explicitDueDate,
              ...(spec.extendedFrom ? { extendedFrom: spec.extendedFrom } : {}),
              ...(spec.extendedReason ? { reason: spec.extendedReason } : {}),
            }
          : null,
        dueDate,
        dueAt,
        result: t(lang, 'deadline.why.result', {
          due: formatDue({ dueDate, dueAt, hourly }),
          end: hourly ? '' : ' 24:00',
          status: statusLabel,
          next,
        }),
        responsibleUserId: row.responsibleUserId,
        nextStep: row.nextStep,
        nextStepAt: row.nextStepAt?.toISOString() ?? null,
        snoozedUntil: row.snoozedUntil?.toISOString() ?? null,
      };
    }),
  };
}
