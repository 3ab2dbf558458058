import { type Db, takeRefNumber } from './repository.ts';

/** The track's letter in human references: P-2026-001 for pilots, C-2026-004 for coaching. */
export const REF_PREFIX = { pilot: 'P', coaching: 'C' } as const;

/** Takes the next human reference for a track and year inside the caller's transaction (distinct on any replica). */
export async function nextRef(tx: Db, prefix: string, year: number): Promise<string> {
  const seq = await takeRefNumber(tx, prefix, year);
  if (seq === undefined) throw new Error('reference counter returned no row');
  return `${prefix}-${year}-${String(seq).padStart(3, '0')}`;
}

/**
 * Normalises what people type for a reference: case-insensitive, full-width characters (Ｐ－２０２６－００１) and
 * spaces accepted. Returns null when it cannot be a reference.
 */
export function normaliseRef(raw: string): string | null {
  const halfWidth = raw.normalize('NFKC').replace(/[\s\u2010-\u2015\u2212]/g, (c) => (/\s/.test(c) ? '' : '-'));
  const match = /^([PC])-?(\d{4})-?(\d{1,6})$/i.exec(halfWidth);
  if (!match) return null;
  const [, letter, year, seq] = match;
  return `${letter!.toUpperCase()}-${year}-${seq!.padStart(3, '0')}`;
}
