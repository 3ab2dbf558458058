import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../src/i18n/index.ts';
import type { PeriodView, ReportCalendarView } from '../../../src/reports/list-reports.ts';
import { calendarUpkeepMessage } from '../../../src/views/reports/calendar-upkeep-message.ts';
import { reportsCardBlocks } from '../../../src/views/reports/card-reports.ts';
import { reportsMessage } from '../../../src/views/reports/reports-message.ts';

const STATUSES: PeriodView['status'][] = ['onTime', 'late', 'missed', 'open', 'upcoming', 'superseded', 'closed'];
const long = '很长的审阅说明'.repeat(60);

function calendar(n: number): ReportCalendarView {
  return {
    projectId: 'p',
    ref: 'P-2026-001',
    title: '*标题* <b>',
    intervalMonths: 3,
    periods: Array.from({ length: n }, (_, i) => ({
      n: i + 1,
      seq: i + 1,
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
      dueDate: '2027-01-14',
      status: STATUSES[i % STATUSES.length]!,
      receivedOn: i % 2 ? '2026-04-10' : null,
      reviewStatus: i % 3 ? 'followUp' : null,
      reviewNote: long,
      unknownYears: [2027],
    })),
    adHoc: [{ id: 'A1', receivedOn: '2026-02-01', summary: long, reviewStatus: 'accepted', reviewNote: null }],
  };
}

describe('report calendar views (src/views/reports)', () => {
  it.each(LANGS)(
    'R-SUP-1: the list stays within Block Kit limits however many periods (%s), with ※ and its note',
    (lang) => {
      const message = reportsMessage(calendar(200), lang);
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      for (const b of message.blocks)
        if (b.type === 'section') expect([...(b.text?.text ?? '')].length).toBeLessThanOrEqual(3000);
      const text = JSON.stringify(message.blocks);
      expect(text).toContain('2027-01-14 ※');
      expect(text).toContain('※ 2027');
      expect(text).not.toContain('<b>');
      expect(JSON.stringify(reportsMessage({ ...calendar(0), intervalMonths: null }, lang).blocks)).toContain(
        'P-2026-001',
      );
    },
  );

  it.each(LANGS)(
    'R-SUP-1: the card lines name the next and the overdue periods (%s); nothing when there is nothing',
    (lang) => {
      const period = { startsOn: '2026-07-01', endsOn: '2026-09-30', dueDate: '2026-10-20', unknownYears: [] };
      const blocks = reportsCardBlocks(
        { next: { ...period, status: 'open' }, overdue: [{ ...period, status: 'missed' }] },
        'P-2026-001',
        lang,
      );
      expect(blocks).toHaveLength(2);
      expect(JSON.stringify(blocks)).toContain(lang === 'en' ? 'Q3 2026' : '2026年第三季度');
      expect(JSON.stringify(blocks)).not.toContain('※');
      expect(reportsCardBlocks({ next: null, overdue: [] }, 'P-2026-001', lang)).toEqual([]);
      expect(calendarUpkeepMessage(2027, lang).text).toContain('/pilot calendar');
    },
  );
});
