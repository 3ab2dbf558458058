import type { KnownBlock } from '@slack/types';
import { type Lang, type MessageKey, t } from '../../i18n/index.ts';
import { periodLabel, unofficialMark, unofficialNote } from '../../i18n/period-label.ts';
import type { PeriodView, ReportCalendarView } from '../../reports/list-reports.ts';
import { LIMITS, truncate } from '../shared/blocks.ts';
import { escapeMrkdwn } from '../shared/mrkdwn.ts';

/** A message with its fallback text and typed blocks. */
export interface ReportsMessage {
  text: string;
  blocks: KnownBlock[];
}

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) },
});

/** A period's status as a phrase (received on time, late, missing, open …). */
export function statusText(status: PeriodView['status'], lang: Lang): string {
  return t(lang, `reports.status.${status}` as MessageKey);
}

function reviewText(r: { reviewStatus: string | null; reviewNote: string | null }, lang: Lang): string {
  if (!r.reviewStatus) return '';
  const head = t(lang, r.reviewStatus === 'accepted' ? 'reports.review.accepted' : 'reports.review.followUp');
  return r.reviewNote ? `${head}${lang === 'en' ? ': ' : '：'}${escapeMrkdwn(r.reviewNote)}` : head;
}

function periodLine(p: PeriodView, lang: Lang): string {
  const line = t(lang, 'reports.list.period', {
    n: p.n ?? '–',
    label: periodLabel(p, lang),
    from: p.startsOn,
    to: p.endsOn,
    due: `${p.dueDate}${unofficialMark(p.unknownYears.length > 0)}`,
    status: statusText(p.status, lang),
  });
  const extra = [
    p.receivedOn ? t(lang, 'reports.list.received', { date: p.receivedOn }) : '',
    reviewText(p, lang),
  ].filter(Boolean);
  return extra.length > 0 ? `${line}\n      ${extra.join(' · ')}` : line;
}

/**
 * `/pilot reports <ref>`: every period with its status (received on time / late / missing / open), received date and
 * reviewer's note, then the ad-hoc reports; a due date counted without the official schedule carries ※ and one line why.
 */
export function reportsMessage(view: ReportCalendarView, lang: Lang): ReportsMessage {
  const title = escapeMrkdwn(view.title);
  if (view.intervalMonths === null) {
    const text = t(lang, 'reports.list.none', { ref: view.ref });
    return { text, blocks: [section(text)] };
  }
  const head = t(lang, 'reports.list.title', { ref: view.ref, title, months: view.intervalMonths });
  const blocks: KnownBlock[] = [section(head)];
  // One section per ten periods keeps each under Slack's 3000 characters.
  for (let i = 0; i < view.periods.length; i += 10)
    blocks.push(
      section(
        view.periods
          .slice(i, i + 10)
          .map((p) => periodLine(p, lang))
          .join('\n'),
      ),
    );
  if (view.adHoc.length > 0) {
    const lines = view.adHoc.map((r) => {
      const line = t(lang, 'reports.list.adHoc', {
        id: r.id,
        date: r.receivedOn,
        summary: escapeMrkdwn(truncate(r.summary, 200)),
      });
      const review = reviewText(r, lang);
      return review ? `${line} · ${review}` : line;
    });
    blocks.push(section(`${t(lang, 'reports.list.adHocTitle')}\n${lines.join('\n')}`));
  }
  const unknown = [...new Set(view.periods.flatMap((p) => p.unknownYears))].sort();
  const notes = [
    ...(unknown.length > 0 ? [unofficialNote(unknown, lang)] : []),
    t(lang, 'reports.list.usage', { ref: view.ref }),
  ];
  blocks.push({ type: 'context', elements: notes.map((text) => ({ type: 'mrkdwn', text })) });
  return { text: head, blocks: blocks.slice(0, LIMITS.messageBlocks) };
}
