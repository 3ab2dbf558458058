import { type ExportRequest, type ExportSummary, exportData } from '../exports/export-data.ts';
import { type HistoryPageData, listHistory } from '../history/list-history.ts';
import type { Lang } from '../i18n/index.ts';
import { type SearchResult, searchProjects } from '../search/search-projects.ts';
import type { WiringContext } from './context.ts';

/** What the regulator takes away (issue 14): exports to the requester's DM, search, a project's full history. */
export interface ExportsWiring {
  exports: {
    /** Generates the file and queues it for the requester's DM; answers with the summary to show at once. */
    run(userId: string, lang: Lang, request: ExportRequest): Promise<ExportSummary>;
  };
  search: { projects(userId: string, text: string): Promise<SearchResult> };
  history: {
    page(userId: string, query: { ref: string; kind: string | null; page: number }): Promise<HistoryPageData>;
  };
}

/** Binds the export, search and history use cases. */
export function exportsWiring(ctx: WiringContext): ExportsWiring {
  const { actorOf } = ctx;
  return {
    exports: { run: async (userId, lang, request) => exportData(ctx, await actorOf(userId), lang, request) },
    search: { projects: async (userId, text) => searchProjects(ctx, await actorOf(userId), text) },
    history: { page: async (userId, query) => listHistory(ctx, await actorOf(userId), query) },
  };
}
