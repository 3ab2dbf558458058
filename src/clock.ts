import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The programme's clock: Asia/Shanghai, whatever the server's or the reader's time zone. */
export const PROGRAMME_TZ = 'Asia/Shanghai';

/** The source of "now"; injected everywhere so tests and `tick --at` control time. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is put; for tests and one-off runs as of an instant. */
export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set(next) {
      current = new Date(next);
    },
  };
}

/** The calendar date (YYYY-MM-DD) of an instant in Shanghai. */
export function shanghaiDate(at: Date): string {
  return dayjs(at).tz(PROGRAMME_TZ).format('YYYY-MM-DD');
}

/** The year of an instant in Shanghai, e.g. for P-2026-001. */
export function shanghaiYear(at: Date): number {
  return dayjs(at).tz(PROGRAMME_TZ).year();
}
