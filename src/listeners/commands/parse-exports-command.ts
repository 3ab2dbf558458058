import { InputError } from '../../errors.ts';
import { normaliseRef } from '../../projects/next-ref.ts';
import { date } from './parse-date.ts';

/** `/pilot export …`, `/pilot search …` and `/pilot history …`, parsed. */
export type ExportsCommand =
  | {
      sub: 'export';
      kind: 'projects' | 'deadlines' | 'audit';
      from: string | null;
      to: string | null;
      format: 'xlsx' | 'csv';
      personal: boolean;
    }
  | { sub: 'export'; kind: 'batch'; name: string; format: 'xlsx' | 'csv' }
  | { sub: 'search'; text: string }
  | { sub: 'history'; ref: string; kind: string | null; page: number };

const KINDS: Record<string, 'projects' | 'deadlines' | 'audit' | 'batch'> = {
  projects: 'projects',
  项目: 'projects',
  deadlines: 'deadlines',
  期限: 'deadlines',
  audit: 'audit',
  审计: 'audit',
  batch: 'batch',
  批次: 'batch',
};
const PERSONAL = new Set(['with-personal-data', 'personal', '含个人信息']);
const DATE_LIKE = /^\d{4}[-/.年]/;

/** `export <kind> [from] [to] [csv] [with-personal-data]` in any order after the kind; `export batch <name> [csv]`. */
export function parseExport(rest: string[]): ExportsCommand {
  const raw = rest[0];
  if (raw === undefined) throw new InputError('export.usage');
  const kind = KINDS[raw.toLowerCase()];
  if (!kind) throw new InputError('export.unknownKind', { kind: raw });
  const words = rest.slice(1);
  const csv = words.some((w) => w.toLowerCase() === 'csv');
  const format = csv ? 'csv' : 'xlsx';
  if (kind === 'batch') {
    const name = words.filter((w) => w.toLowerCase() !== 'csv').join(' ');
    if (name === '') throw new InputError('export.usage');
    return { sub: 'export', kind, name, format };
  }
  const dates: string[] = [];
  let personal = false;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (lower === 'csv' || lower === 'xlsx') continue;
    if (PERSONAL.has(lower)) personal = true;
    else if (DATE_LIKE.test(word)) {
      if (dates.length === 2) throw new InputError('export.tooManyDates', { word });
      dates.push(date(word)!);
    } else throw new InputError('export.unknownOption', { word });
  }
  return { sub: 'export', kind, from: dates[0] ?? null, to: dates[1] ?? null, format, personal };
}

/** `search <text>`: the whole rest of the line is the text. */
export function parseSearch(rest: string[]): ExportsCommand {
  const text = rest.join(' ').trim();
  if (text === '') throw new InputError('search.usage');
  return { sub: 'search', text };
}

/** `history <ref> [kind] [page]`. */
export function parseHistory(rest: string[]): ExportsCommand {
  if (rest[0] === undefined) throw new InputError('history.usage');
  const ref = normaliseRef(rest[0]);
  if (!ref) throw new InputError('command.badRef', { ref: rest[0] });
  let page = 1;
  let kind: string | null = null;
  for (const word of rest.slice(1)) {
    if (/^\d+$/.test(word)) {
      page = Number(word);
      if (page < 1) throw new InputError('command.badPage', { page: word });
    } else if (/^[a-z][a-zA-Z.]{0,39}$/.test(word) && kind === null) kind = word;
    else throw new InputError('history.usage');
  }
  return { sub: 'history', ref, kind, page };
}
