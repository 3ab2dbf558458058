import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, eachDay } from '../../src/calendar/dates.ts';
import {
  coachingExpiryWarnings,
  computeDue,
  createWorkingCalendar,
  nextDeliveryInstant,
  reminderInstants,
  shanghaiWallClock,
} from '../../src/calendar/index.ts';
import { schedule2027 } from './fixtures.ts';

// Both calendars: the package alone (2027 unknown) and with a loaded 2027, so properties hold across the boundary.
const calendars = [createWorkingCalendar(), createWorkingCalendar([schedule2027])];
const calendarArb = fc.constantFrom(...calendars);
// 2024-01-01 … 2028-12-31: known years, the loaded year and a still-unknown one.
const dateArb = fc.integer({ min: 0, max: 1826 }).map((i) => addDays('2024-01-01', i));

describe('properties of working-day arithmetic', () => {
  it('addWorkingDays(a, n ≥ 1) is a working day strictly after a, and workingDaysBetween gives n back', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 1, max: 60 }), (calendar, a, n) => {
        const b = calendar.addWorkingDays(a, n);
        expect(b > a).toBe(true);
        expect(calendar.isWorkingDay(b)).toBe(true);
        expect(calendar.workingDaysBetween(a, b)).toBe(n);
        expect(calendar.workingDaysBetween(b, a)).toBe(-n);
      }),
    );
  });

  it('nextWorkingDay skips only non-working days', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, (calendar, a) => {
        const next = calendar.nextWorkingDay(a);
        expect(eachDay(addDays(a, 1), addDays(next, -1)).every((d) => !calendar.isWorkingDay(d))).toBe(true);
        expect(calendar.previousWorkingDay(next) <= a || !calendar.isWorkingDay(a)).toBe(true);
      }),
    );
  });

  it('adding working days in two steps equals adding them at once', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.nat(20), fc.nat(20), (calendar, a, m, n) => {
        expect(calendar.addWorkingDays(calendar.addWorkingDays(a, m), n)).toBe(calendar.addWorkingDays(a, m + n));
      }),
    );
  });
});

describe('properties of period counting', () => {
  const unitArb = fc.constantFrom('workingDays' as const, 'calendarDays' as const, 'months' as const, 'years' as const);

  it('a day period ends on a working day after the fact date, at 00:00 Shanghai of the next day', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, unitArb, fc.integer({ min: 1, max: 24 }), (calendar, fact, unit, amount) => {
        const e = computeDue({ amount, unit }, fact, calendar);
        expect(e.dueDate > fact).toBe(true);
        expect(calendar.isWorkingDay(e.dueDate)).toBe(true);
        expect(shanghaiWallClock(e.dueAt)).toEqual({ date: addDays(e.dueDate, 1), hour: 0, minute: 0 });
      }),
    );
  });

  it('a roll-forward only ever passes over non-working days', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 1, max: 40 }), (calendar, fact, amount) => {
        const e = computeDue({ amount, unit: 'calendarDays' }, fact, calendar);
        const nominal = addDays(fact, amount);
        expect(e.rolledForward?.from ?? nominal).toBe(nominal);
        expect(eachDay(nominal, addDays(e.dueDate, -1)).every((d) => !calendar.isWorkingDay(d))).toBe(true);
        expect(e.rolledForward === undefined).toBe(e.dueDate === nominal);
      }),
    );
  });

  it('unknownYears lists exactly the unknown years among the days a working-day count walked', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 1, max: 30 }), (calendar, fact, amount) => {
        const e = computeDue({ amount, unit: 'workingDays' }, fact, calendar);
        const walked = new Set(eachDay(addDays(fact, 1), e.dueDate).map((d) => Number(d.slice(0, 4))));
        expect(e.unknownYears).toEqual([...walked].filter((y) => !calendar.isKnownYear(y)).sort());
      }),
    );
  });
});

describe('properties of reminders and quiet hours', () => {
  it('reminders and expiry warnings are at 09:00 on working days, never after the due day', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, (calendar, due) => {
        const all = [
          ...reminderInstants(due, undefined, calendar),
          ...coachingExpiryWarnings(due, undefined, calendar),
        ];
        for (const { date, at } of all) {
          expect(calendar.isWorkingDay(date)).toBe(true);
          expect(date <= due).toBe(true);
          expect(shanghaiWallClock(at)).toEqual({ date, hour: 9, minute: 0 });
        }
      }),
    );
  });

  it('a non-urgent message is never delivered earlier than asked nor in quiet hours or on a non-working day', () => {
    const instantArb = fc
      .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) })
      .map((ms) => new Date(ms - (ms % 60_000)).toISOString());
    fc.assert(
      fc.property(calendarArb, instantArb, (calendar, instant) => {
        const at = nextDeliveryInstant(instant, calendar);
        expect(at >= instant).toBe(true);
        const local = shanghaiWallClock(at);
        expect(calendar.isWorkingDay(local.date)).toBe(true);
        expect(local.hour >= 8 && local.hour < 20).toBe(true);
        expect(nextDeliveryInstant(instant, calendar, { urgent: true })).toBe(instant);
      }),
    );
  });
});
