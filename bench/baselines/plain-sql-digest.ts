// Baseline: the digest's figures as two plain SQL statements (projects per stage; the open or missed deadlines due
// within 30 days with their project's ref and title), with no ORM in between.
import type { PrismaClient } from '../../src/db/client.ts';

/** Returns the rows a digest is built from, straight from SQL. */
export async function plainDigest(prisma: PrismaClient, now: Date): Promise<number> {
  const stages = await prisma.$queryRawUnsafe<unknown[]>(
    `SELECT track, stage, count(*)::int AS n FROM "Project" GROUP BY track, stage ORDER BY track, stage`,
  );
  const rows = await prisma.$queryRawUnsafe<unknown[]>(
    `SELECT d.id::text, p.ref, p.title, d.kind, d."dueDate", d."responsibleUserId", d.status, d.clock
       FROM "Deadline" d JOIN "Project" p ON p.id = d."projectId"
      WHERE d.status IN ('open', 'missed') AND (d."dueAt" <= $1 OR d.status = 'missed')
      ORDER BY d."dueAt", d.id`,
    new Date(now.getTime() + 30 * 86_400_000),
  );
  return stages.length + rows.length;
}
