import { InputError } from '../../errors.ts';

/** A typed date (2026-03-02, 2026/3/2, 2026年3月2日) as ISO, or null when absent; an impossible one is an InputError. */
export function date(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '';
  const d = new Date(`${iso}T00:00:00Z`);
  if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso)
    throw new InputError('command.badDate', { date: raw });
  return iso;
}
