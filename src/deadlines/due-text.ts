import { shanghaiWallClock } from '../calendar/index.ts';

/** "2026-10-15 09:00" in Shanghai, for an instant. */
export function formatInstant(at: string | Date): string {
  const w = shanghaiWallClock(at);
  return `${w.date} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

/** "2026-10-15" for day deadlines, "2026-10-15 14:00" (Shanghai) for hour-counted ones. */
export function formatDue(d: { dueDate: string; dueAt: string; hourly: boolean }): string {
  return d.hourly ? formatInstant(d.dueAt) : d.dueDate;
}
