import { loadCalendar } from '../deadlines/load-calendar.ts';
import { LANGS, type Lang, t } from '../i18n/index.ts';
import { periodLabel } from '../i18n/period-label.ts';
import { dueOf } from './period-rows.ts';
import { type Db, periodsOf } from './repository.ts';

/** A choice of the action form's period select, labelled in each language; `initial` marks the default. */
export interface PeriodChoice {
  value: string;
  label: string;
  labels: Record<Lang, string>;
  initial?: boolean;
}

/**
 * The periods a report can be received against (R-SUP-1): those that have begun and have no report yet — missed
 * ones included, so a late report names its own period — oldest first, the oldest chosen by default.
 */
export async function reportPeriodChoices(db: Db, projectId: string, today: string): Promise<PeriodChoice[]> {
  const open = (await periodsOf(db, projectId)).filter(
    (p) => p.state === 'planned' && p.report === null && p.startsOn <= today,
  );
  const calendar = await loadCalendar(db);
  return open.map((p, i) => {
    const { dueDate } = dueOf(p, calendar);
    const labels = Object.fromEntries(
      LANGS.map((lang) => [lang, t(lang, 'reports.period.choice', { label: periodLabel(p, lang), due: dueDate })]),
    ) as Record<Lang, string>;
    return { value: p.id, label: labels['zh-CN'], labels, ...(i === 0 ? { initial: true } : {}) };
  });
}
