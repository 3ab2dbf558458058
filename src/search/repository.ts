import type { Db, PrismaClient } from '../db/client.ts';

export type { Db, PrismaClient };

/** Projects whose search row is missing or older than the project (its version moved), at most `limit`. */
export async function staleSearchSources(
  db: Db,
  limit: number,
): Promise<Array<{ id: string; ref: string; title: string; version: number; snapshot: unknown }>> {
  return db.$queryRaw`
    SELECT p.id::text AS id, p.ref, p.title, p.version, p.snapshot
      FROM "Project" p LEFT JOIN "ProjectSearch" s ON s."projectId" = p.id
     WHERE s."projectId" IS NULL OR s.version <> p.version
     ORDER BY p.id
     LIMIT ${limit}`;
}

/** Writes (or rewrites) search rows in one statement. */
export async function saveSearchRows(
  db: Db,
  rows: ReadonlyArray<{ projectId: string; version: number; text: string; names: string }>,
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "ProjectSearch" ("projectId", version, text, names, "updatedAt")
    SELECT x."projectId"::uuid, x.version, x.text, x.names, ${now}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x("projectId" text, version int, text text, names text)
    ON CONFLICT ("projectId") DO UPDATE
      SET version = EXCLUDED.version, text = EXCLUDED.text, names = EXCLUDED.names, "updatedAt" = EXCLUDED."updatedAt"`;
}

type Hit = { ref: string; title: string; machine: string; stage: string; track: string; text: string; names: string };

/**
 * Projects whose search text holds the query (a substring, position() > 0, so Chinese and codes match as typed) or
 * whose applicants' reduced names hold its reduced company form; newest first, at most `limit`; and how many in all.
 * An empty form matches nothing (NULLIF), so a query that reduces to nothing never matches everything.
 */
export async function searchProjects(
  db: Db,
  forms: { plain: string; company: string },
  limit: number,
): Promise<{ total: number; rows: Hit[] }> {
  const [rows, count] = await Promise.all([
    db.$queryRaw<Hit[]>`
      SELECT p.ref, p.title, p.machine, p.stage, p.track, s.text, s.names
        FROM "ProjectSearch" s JOIN "Project" p ON p.id = s."projectId"
       WHERE position(NULLIF(${forms.plain}, '') IN s.text) > 0 OR position(NULLIF(${forms.company}, '') IN s.names) > 0
       ORDER BY p."createdAt" DESC, p.ref DESC
       LIMIT ${limit}`,
    db.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM "ProjectSearch" s
       WHERE position(NULLIF(${forms.plain}, '') IN s.text) > 0 OR position(NULLIF(${forms.company}, '') IN s.names) > 0`,
  ]);
  return { total: Number(count[0]?.n ?? 0), rows };
}
