/** Characters allowed in a unified social credit code (GB 32100-2015: digits and letters without I, O, Z, S, V). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Uppercases and trims a code as typed, and turns full-width characters into ASCII. */
export function normalizeUscc(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters, or null when one of them is outside the charset. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

export type UsccProblem = 'length' | 'charset' | 'checksum';

/** Why a code is not a valid unified social credit code, or null when it is. */
export function usccProblem(raw: string): UsccProblem | null {
  const code = normalizeUscc(raw);
  if (code.length !== 18) return 'length';
  const check = usccCheckChar(code.slice(0, 17));
  if (check === null || !USCC_CHARSET.includes(code.charAt(17))) return 'charset';
  return check === code.charAt(17) ? null : 'checksum';
}

/** Whether a code passes GB 32100-2015's length, charset and checksum. */
export function isValidUscc(raw: string): boolean {
  return usccProblem(raw) === null;
}
