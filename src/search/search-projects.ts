import type { Clock } from '../clock.ts';
import { InputError, PermissionError } from '../errors.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { holdsAny } from '../roles/roles.ts';
import { searchProjects as findProjects, type PrismaClient, saveSearchRows, staleSearchSources } from './repository.ts';
import { type MatchField, matchedFields, normaliseSearch, queryForms, searchText } from './search-text.ts';

/** Who may search: the roles that read whole projects (staff, managers, admins); reviewers see only their own. */
export const SEARCH_ROLES = ['staff', 'manager', 'admin'] as const;

/** How many results a search shows. */
export const SEARCH_LIMIT = 15;

const REFRESH_BATCH = 500;

export interface SearchDeps {
  prisma: PrismaClient;
  clock: Clock;
}

/** One project a search found, with the stage it is in and where the text matched. */
export interface SearchHit {
  ref: string;
  title: string;
  machine: string;
  stage: string;
  track: string;
  matched: MatchField[];
}

export interface SearchResult {
  text: string;
  total: number;
  hits: SearchHit[];
}

/**
 * Brings the search rows up to date: every project whose version moved since its row was written (or that has none)
 * is indexed again. Every change to a project goes through applyEvent, which moves its version, so nothing is missed.
 */
export async function refreshSearchIndex(deps: SearchDeps): Promise<number> {
  let done = 0;
  for (;;) {
    const stale = await staleSearchSources(deps.prisma, REFRESH_BATCH);
    if (stale.length === 0) return done;
    await saveSearchRows(
      deps.prisma,
      stale.map((p) => ({ projectId: p.id, version: p.version, ...searchText(p) })),
      deps.clock.now(),
    );
    done += stale.length;
    if (stale.length < REFRESH_BATCH) return done;
  }
}

/** `/pilot search <text>`: projects by reference, title, applicant name or credit code, or comment. */
export async function searchProjects(deps: SearchDeps, actor: UserActor, text: string): Promise<SearchResult> {
  if (!holdsAny(actor.roles, SEARCH_ROLES)) throw new PermissionError('search.permission');
  const normalised = normaliseSearch(text);
  // One Chinese character already narrows a search; one Latin letter or digit would match nearly everything.
  if (normalised.length < 2 && !/\p{Script=Han}/u.test(normalised)) throw new InputError('search.tooShort', { text });
  await refreshSearchIndex(deps);
  const forms = queryForms(text);
  const { total, rows } = await findProjects(deps.prisma, forms, SEARCH_LIMIT);
  return {
    text,
    total,
    hits: rows.map(({ text: indexedText, names, ...row }) => ({
      ...row,
      matched: matchedFields({ text: indexedText, names }, forms),
    })),
  };
}
