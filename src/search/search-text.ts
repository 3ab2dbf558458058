import { normaliseCompanyName, normaliseUscc } from '../review/conflicts.ts';

/** Where a search text was found: the project's reference, title, an applicant's name or credit code, a comment. */
export type MatchField = 'ref' | 'title' | 'institution' | 'uscc' | 'comment';

const FIELD_TAGS: Record<MatchField, string> = { ref: 'r', title: 't', institution: 'i', uscc: 'u', comment: 'c' };

/** Text as search compares it: full-width folded to half-width (NFKC), case folded, every space dropped. */
export function normaliseSearch(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

/**
 * The forms of a query: as typed (normalised), looked for in every value; and as the conflict check reduces a company
 * name (上海 / 上海市 prefix and 有限公司 suffixes off), looked for in the applicants' reduced names only, so
 * 上海某某股份有限公司 finds 某某有限公司 without 上海数据 finding every title with 数据 in it.
 */
export function queryForms(raw: string): { plain: string; company: string } {
  return { plain: normaliseSearch(raw), company: normaliseCompanyName(raw) };
}

/** What a project is searched by, as its machine context and row hold it. */
export interface SearchSource {
  ref: string;
  title: string;
  snapshot: unknown;
}

interface SourceContext {
  applicants?: Array<{ name?: string; uscc?: string }>;
  comments?: Record<string, { summary?: string; disposition?: string | null }>;
  reviews?: Array<{ comments?: Record<string, string> }>;
}

/**
 * A project's search text: one line per value, tagged with its field (r:, t:, i:, u:, c:), each value normalised;
 * a company name is kept both whole and reduced as the conflict check reduces it. A normalised query holds no line
 * break, so a match never spans two values.
 */
export function searchText(source: SearchSource): { text: string; names: string } {
  const ctx = ((source.snapshot as { context?: SourceContext } | null)?.context ?? {}) as SourceContext;
  const lines: Array<[MatchField, string]> = [
    ['ref', source.ref],
    ['ref', source.ref.replaceAll('-', '')],
    ['title', source.title],
  ];
  const names = new Set<string>();
  for (const a of ctx.applicants ?? []) {
    if (a.name) lines.push(['institution', a.name]);
    if (a.name && normaliseCompanyName(a.name) !== '') names.add(normaliseCompanyName(a.name));
    if (a.uscc) lines.push(['uscc', normaliseUscc(a.uscc)]);
  }
  for (const c of Object.values(ctx.comments ?? {})) {
    if (c.summary) lines.push(['comment', c.summary]);
    if (c.disposition) lines.push(['comment', c.disposition]);
  }
  for (const r of ctx.reviews ?? []) for (const text of Object.values(r.comments ?? {})) lines.push(['comment', text]);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const [field, value] of lines) {
    const line = `${FIELD_TAGS[field]}:${normaliseSearch(value)}`;
    if (line.length > 2 && !seen.has(line)) {
      seen.add(line);
      out.push(line);
    }
  }
  return { text: out.join('\n'), names: [...names].join('\n') };
}

/** The fields of a project's search text in which the query occurs (its reduced company form: applicants). */
export function matchedFields(
  indexed: { text: string; names: string },
  forms: { plain: string; company: string },
): MatchField[] {
  const found = new Set<MatchField>();
  if (forms.company !== '' && indexed.names.includes(forms.company)) found.add('institution');
  const text = indexed.text;
  const byTag = Object.fromEntries(Object.entries(FIELD_TAGS).map(([f, tag]) => [tag, f as MatchField]));
  for (const line of text.split('\n')) {
    const field = byTag[line.slice(0, 1)];
    if (field && forms.plain !== '' && line.slice(2).includes(forms.plain)) found.add(field);
  }
  return (Object.keys(FIELD_TAGS) as MatchField[]).filter((f) => found.has(f));
}
