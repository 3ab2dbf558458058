import type { OfficialSchedule } from '../../src/calendar/index.ts';

/**
 * A plausible 2027 schedule for tests only (the State Council had not published 2027 when this was written):
 * 元旦 on 2027-01-01 (Friday) to 01-03, and the Spring Festival block with two 调休 weekend days.
 */
export const schedule2027: OfficialSchedule = {
  year: 2027,
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-03',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
    '2027-02-13',
    '2027-02-14',
    '2027-10-01',
  ],
  adjustedWorkingDays: ['2027-02-20', '2027-01-31'],
  source: 'test fixture',
  names: { '2027-01-01': '元旦', '2027-01-02': '元旦', '2027-01-03': '元旦' },
};
