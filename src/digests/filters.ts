import { z } from 'zod';

/** Optional filters of a digest subscription: one track and/or one stage (`/pilot digest subscribe [track] [stage]`). */
export const DigestFiltersSchema = z
  .object({
    track: z.enum(['pilot', 'coaching']).optional(),
    stage: z.string().trim().min(1).max(60).optional(),
  })
  .strict();
export type DigestFilters = z.infer<typeof DigestFiltersSchema>;

/** The stored filters of a subscription; anything unreadable counts as no filter rather than no digest. */
export function readFilters(value: unknown): DigestFilters {
  const parsed = DigestFiltersSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

/** The Prisma `where` on Project for the filters. */
export function projectWhere(filters: DigestFilters): { track?: string; stage?: string } {
  return { ...(filters.track ? { track: filters.track } : {}), ...(filters.stage ? { stage: filters.stage } : {}) };
}
