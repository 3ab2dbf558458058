import type { PrismaClient } from '../db/client.ts';

export type { PrismaClient };

/** One audit row as the verifier reads it: its place in its chain, what it recorded and what it hashes to now. */
export type ChainRow = {
  id: string;
  chain: string;
  seq: number;
  prevHash: string | null;
  rowHash: string;
  recomputed: string;
  eventType: string;
};

/** Each chain's last position and hash, as a verification run saw them. */
export type ChainHeads = Record<string, { seq: number; hash: string }>;

/**
 * A page of audit rows in chain order after (chain, seq), each with its hash recomputed by the database's own
 * canonical function (the one the insert trigger used), so the app never re-implements the serialisation.
 */
export async function chainRowsAfter(
  prisma: PrismaClient,
  after: { chain: string; seq: number },
  limit: number,
): Promise<ChainRow[]> {
  return prisma.$queryRaw<ChainRow[]>`
    SELECT a.id::text AS id, a.chain, a."chainSeq" AS seq, a."prevHash", a."rowHash",
           audit_row_hash(a) AS recomputed, a."eventType"
      FROM "AuditEvent" a
     WHERE (a.chain, a."chainSeq") > (${after.chain}, ${after.seq})
     ORDER BY a.chain, a."chainSeq"
     LIMIT ${limit}`;
}

/** The row at a chain's position, if it is still there (to check a previous run's heads). */
export async function chainRowAt(
  prisma: PrismaClient,
  chain: string,
  seq: number,
): Promise<{ rowHash: string } | null> {
  const rows = await prisma.$queryRaw<{ rowHash: string }[]>`
    SELECT "rowHash" FROM "AuditEvent" WHERE chain = ${chain} AND "chainSeq" = ${seq}`;
  return rows[0] ?? null;
}

/** Project references for chain names that are project ids, so a problem names P-2026-001 rather than a UUID. */
export async function refsOfChains(prisma: PrismaClient, chains: string[]): Promise<Map<string, string>> {
  const ids = chains.filter((c) => /^[0-9a-f-]{36}$/.test(c));
  if (ids.length === 0) return new Map();
  const rows = await prisma.project.findMany({ where: { id: { in: ids } }, select: { id: true, ref: true } });
  return new Map(rows.map((r) => [r.id, r.ref]));
}

/** The heads the latest run recorded (null before the first run). */
export async function latestHeads(prisma: PrismaClient): Promise<ChainHeads | null> {
  const rows = await prisma.$queryRaw<{ heads: ChainHeads }[]>`
    SELECT heads FROM "AuditVerification" WHERE heads IS NOT NULL ORDER BY id DESC LIMIT 1`;
  return rows[0]?.heads ?? null;
}

/** The latest verification run, for the admins' digest. */
export async function latestVerification(prisma: PrismaClient) {
  return prisma.auditVerification.findFirst({
    orderBy: { id: 'desc' },
    select: { ranAt: true, ok: true, rowsChecked: true, chains: true, problem: true },
  });
}

/**
 * Records a run; only the newest run keeps its heads (older ones would only grow the table). One statement, so it is
 * atomic without an interactive transaction, which a busy database may not start in time (issue 11).
 */
export async function recordVerification(
  prisma: PrismaClient,
  run: { ranAt: Date; ok: boolean; rowsChecked: number; chains: number; problem: string | null; heads: ChainHeads },
): Promise<void> {
  await prisma.$executeRaw`
    WITH cleared AS (UPDATE "AuditVerification" SET heads = NULL WHERE heads IS NOT NULL)
    INSERT INTO "AuditVerification" ("ranAt", ok, "rowsChecked", chains, problem, heads)
    VALUES (${run.ranAt}, ${run.ok}, ${run.rowsChecked}, ${run.chains}, ${run.problem}, ${JSON.stringify(run.heads)}::jsonb)`;
}
