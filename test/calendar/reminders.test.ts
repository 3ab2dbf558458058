import { describe, expect, it } from 'vitest';
import {
  coachingExpiryWarnings,
  computeDue,
  createWorkingCalendar,
  escalationInstants,
  nextDeliveryInstant,
  reminderInstants,
  shanghaiWallClock,
} from '../../src/calendar/index.ts';

const calendar = createWorkingCalendar();
const at9 = (date: string) => `${date}T01:00:00.000Z`;

describe('reminders before a due date', () => {
  it('R-APP-5: reminds 3 and 1 working days before and on the due day, at 09:00 Shanghai', () => {
    expect(reminderInstants('2026-10-15', [3, 1, 0], calendar)).toEqual([
      { offsetWorkingDays: 3, date: '2026-10-12', at: at9('2026-10-12') },
      { offsetWorkingDays: 1, date: '2026-10-14', at: at9('2026-10-14') },
      { offsetWorkingDays: 0, date: '2026-10-15', at: at9('2026-10-15') },
    ]);
  });

  it('counts back over the Spring Festival onto the 调休 Saturday 2026-02-14', () => {
    const dates = reminderInstants('2026-02-25', undefined, calendar).map((r) => r.date);
    expect(dates).toEqual(['2026-02-13', '2026-02-24', '2026-02-25']);
    expect(reminderInstants('2026-02-25', [2], calendar)[0]?.date).toBe('2026-02-14');
  });

  it('sends the on-the-day reminder on the last working day before a due day that is not a working day', () => {
    const dates = reminderInstants('2026-10-03', undefined, calendar).map((r) => r.date);
    expect(dates).toEqual(['2026-09-24', '2026-09-29', '2026-09-30']);
  });

  it('honours another hour from settings and sends once when two offsets share a day', () => {
    const reminders = reminderInstants('2026-10-15', [0, 0, 1], calendar, 10);
    expect(reminders.map((r) => r.at)).toEqual(['2026-10-14T02:00:00.000Z', '2026-10-15T02:00:00.000Z']);
  });
});

describe('escalations after a miss', () => {
  it('goes to the owner the next working day and to managers 3 working days after, at 09:00', () => {
    expect(escalationInstants('2026-09-30', calendar)).toEqual([
      { step: 'owner', workingDaysAfter: 1, date: '2026-10-08', at: at9('2026-10-08') },
      { step: 'managers', workingDaysAfter: 3, date: '2026-10-10', at: at9('2026-10-10') },
    ]);
  });
});

describe('coaching expiry warnings', () => {
  it('R-COA-4: warns 90, 30 and 7 calendar days before; one on National Day moves to the next working morning', () => {
    expect(coachingExpiryWarnings('2026-11-03', [90, 30, 7], calendar)).toEqual([
      { daysBefore: 90, nominalDate: '2026-08-05', date: '2026-08-05', at: at9('2026-08-05') },
      { daysBefore: 30, nominalDate: '2026-10-04', date: '2026-10-08', at: at9('2026-10-08') },
      { daysBefore: 7, nominalDate: '2026-10-27', date: '2026-10-27', at: at9('2026-10-27') },
    ]);
  });

  it('drops a warning that would move past the expiry day', () => {
    const warnings = coachingExpiryWarnings('2026-10-05', [7, 3], calendar);
    expect(warnings.map((w) => w.daysBefore)).toEqual([7]);
    expect(warnings[0]?.date).toBe('2026-09-28');
  });
});

describe('quiet hours', () => {
  const deliver = (local: string, urgent = false) => nextDeliveryInstant(`${local}+08:00`, calendar, { urgent });

  it('delivers at once on a working day between 08:00 and 19:59 Shanghai, 调休 Saturdays included', () => {
    expect(deliver('2026-10-09T08:00:00')).toBe('2026-10-09T00:00:00.000Z');
    expect(deliver('2026-10-09T19:59:00')).toBe('2026-10-09T11:59:00.000Z');
    expect(deliver('2026-10-10T10:00:00')).toBe('2026-10-10T02:00:00.000Z');
  });

  it('holds a message from 20:00 until 09:00 of the next working morning', () => {
    expect(deliver('2026-10-09T20:00:00')).toBe(at9('2026-10-10'));
    expect(deliver('2026-10-09T07:00:00')).toBe(at9('2026-10-09'));
    expect(deliver('2026-10-11T10:00:00')).toBe(at9('2026-10-12'));
  });

  it('holds a message sent during the National Day holiday until 2026-10-08 09:00', () => {
    expect(deliver('2026-10-03T12:00:00')).toBe(at9('2026-10-08'));
  });

  it('R-SUP-5: lets an urgent incident message through at any hour, even on a holiday', () => {
    expect(deliver('2026-10-03T23:30:00', true)).toBe('2026-10-03T15:30:00.000Z');
  });

  it('can defer to 08:00 instead when settings ask for it', () => {
    expect(nextDeliveryInstant('2026-10-09T21:00:00+08:00', calendar, { morningHour: 8 })).toBe(
      '2026-10-10T00:00:00.000Z',
    );
  });
});

describe('a simulated coaching year from 2025-11-03', () => {
  it('R-COA-4: every reminder, escalation and warning lands at 09:00 on a working day, never in a 2026 holiday', () => {
    const expiry = computeDue({ amount: 1, unit: 'years', rule: 'R-COA-4' }, '2025-11-03', calendar).dueDate;
    expect(expiry).toBe('2026-11-03');
    // R-SUP-1: quarterly reports due 10 working days after each quarter ends.
    const reportDue = ['2025-12-31', '2026-03-31', '2026-06-30', '2026-09-30'].map(
      (end) => computeDue({ amount: 10, unit: 'workingDays', rule: 'R-SUP-1' }, end, calendar).dueDate,
    );
    expect(reportDue).toEqual(['2026-01-15', '2026-04-15', '2026-07-14', '2026-10-20']);
    const instants = [
      ...coachingExpiryWarnings(expiry, undefined, calendar).map((w) => w.at),
      ...reminderInstants(expiry, undefined, calendar).map((r) => r.at),
      ...reportDue.flatMap((due) => [
        ...reminderInstants(due, undefined, calendar).map((r) => r.at),
        ...escalationInstants(due, calendar).map((e) => e.at),
      ]),
    ];
    expect(new Set(instants).size).toBe(instants.length);
    for (const instant of instants) {
      const local = shanghaiWallClock(instant);
      expect(local.hour, instant).toBe(9);
      expect(local.minute).toBe(0);
      expect(calendar.isWorkingDay(local.date), instant).toBe(true);
      expect(calendar.isHoliday(local.date)).toBe(false);
    }
  });
});
