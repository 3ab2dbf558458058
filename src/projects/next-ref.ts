import type { Prisma } from '../db/client.ts';

/** The track's letter in human references: P-2026-001 for pilots, C-2026-004 for coaching. */
export const REF_PREFIX = { pilot: 'P', coaching: 'C' } as const;

/**
 * Takes the next human reference for a track and year inside the caller's transaction. The upsert locks the
 * counter row, so concurrent creations (on any replica) get distinct numbers and a rolled-back one frees its number.
 */
export async function nextRef(tx: Prisma.TransactionClient, prefix: string, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "RefCounter" (prefix, year, last) VALUES (${prefix}, ${year}, 1)
    ON CONFLICT (prefix, year) DO UPDATE SET last = "RefCounter".last + 1
    RETURNING last`;
  const seq = rows[0]?.last;
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
