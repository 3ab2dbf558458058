import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock.ts';

/** The sandbox's clock: real time moved forward by what demonstrations advanced it, kept across restarts. */
export interface SandboxClock extends Clock {
  /** How far ahead of real time the sandbox is, in milliseconds. */
  readonly offsetMs: number;
  /**
   * Moves the clock to `to`, from where it runs on. Refuses an instant before the sandbox's now: deadlines that
   * fired and reminders that went out cannot be taken back.
   */
  advance(to: Date): void;
}

/** Thrown when asked to move the sandbox's clock backwards. */
export class ClockBackwardsError extends Error {}

/** Opens the clock kept in `file` (none kept when no file is given). */
export function openSandboxClock(file?: string, realNow: () => number = Date.now): SandboxClock {
  let offsetMs = 0;
  if (file) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown };
      if (typeof saved.offsetMs === 'number' && Number.isFinite(saved.offsetMs)) offsetMs = saved.offsetMs;
    } catch {
      // No clock file yet: the sandbox starts on real time.
    }
  }
  return {
    get offsetMs() {
      return offsetMs;
    },
    now: () => new Date(realNow() + offsetMs),
    advance(to) {
      const now = realNow() + offsetMs;
      if (Number.isNaN(to.getTime())) throw new ClockBackwardsError('not a valid instant');
      // A minute of slack: the page's picker has minutes only, and "advance to now" should just work.
      if (to.getTime() < now - 60_000) throw new ClockBackwardsError(new Date(now).toISOString());
      offsetMs = Math.max(offsetMs, to.getTime() - realNow());
      if (file) {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify({ offsetMs }));
      }
    },
  };
}
