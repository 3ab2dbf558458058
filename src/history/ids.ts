import { z } from 'zod';

/** Slack IDs of the history pages. */
export const HISTORY = {
  pageAction: 'history.page',
} as const;

/** What a history pager button carries: the project, the kind filter and the page to show. */
export const HistoryPageSchema = z.object({
  ref: z.string().regex(/^[PC]-\d{4}-\d{3,}$/),
  kind: z.string().max(40).nullable(),
  page: z.number().int().min(1),
});
export type HistoryPage = z.infer<typeof HistoryPageSchema>;
