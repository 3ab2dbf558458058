import type { Db, PrismaClient } from '../db/client.ts';

export type { Db, PrismaClient };

/** Experts in the pool (or some of them) with their affiliations and the projects they declared a conflict on. */
export async function expertRows(db: Db, only?: readonly string[]) {
  return db.expert.findMany({
    where: only ? { userId: { in: [...only] } } : {},
    include: { affiliations: true, conflicts: { select: { projectId: true } } },
    orderBy: { userId: 'asc' },
  });
}

/** The snapshots of the pilot projects in screening, where reviewers' open invitations and reviews live. */
export async function screeningSnapshots(db: Db) {
  return db.project.findMany({
    where: { machine: 'pilot', stage: { startsWith: 'screening' } },
    select: { machine: true, machineVersion: true, snapshot: true },
  });
}

/** Every reviewer invitation in the audit trail, oldest first (who was invited when). */
export async function invitationRows(db: Db) {
  return db.auditEvent.findMany({
    where: { eventType: 'review.assigned' },
    select: { payload: true, recordedAt: true },
    orderBy: { recordedAt: 'asc' },
  });
}

/** Whether a person is in the expert pool. */
export async function isExpert(db: Db, userId: string): Promise<boolean> {
  return (await db.expert.findUnique({ where: { userId }, select: { userId: true } })) !== null;
}

/** An expert's conflict of interest on a project, kept so no path invites them to it again (idempotent). */
export async function declareConflict(tx: Db, expertId: string, projectId: string, at: Date): Promise<void> {
  await tx.declaredConflict.upsert({
    where: { expertId_projectId: { expertId, projectId } },
    create: { expertId, projectId, declaredAt: at },
    update: {},
  });
}

/** Adds or updates an expert's pool entry; says whether they were in the pool before. */
export async function upsertExpert(
  tx: Db,
  expert: { userId: string; tags: string[]; maxLoad: number; awayFrom: Date | null; awayUntil: Date | null },
  createdById: string,
): Promise<{ existed: boolean }> {
  const existed = (await tx.expert.findUnique({ where: { userId: expert.userId } })) !== null;
  const { userId, ...data } = expert;
  await tx.expert.upsert({ where: { userId }, create: { userId, createdById, ...data }, update: data });
  return { existed };
}

/** Replaces an expert's affiliations with the ones given. */
export async function replaceAffiliations(
  tx: Db,
  expertId: string,
  affiliations: ReadonlyArray<{ name: string; uscc: string | null; endedOn: Date | null }>,
): Promise<void> {
  await tx.expertAffiliation.deleteMany({ where: { expertId } });
  await tx.expertAffiliation.createMany({ data: affiliations.map((a) => ({ expertId, ...a })) });
}

/** A reviewer's saved draft of the review form on a project, or null. */
export async function reviewDraft(
  db: Db,
  projectId: string,
  reviewerId: string,
): Promise<Record<string, unknown> | null> {
  const row = await db.reviewDraft.findUnique({ where: { projectId_reviewerId: { projectId, reviewerId } } });
  return row ? ((row.values ?? {}) as Record<string, unknown>) : null;
}

/** Keeps a reviewer's draft (replacing an older one). */
export async function saveDraft(
  db: Db,
  projectId: string,
  reviewerId: string,
  values: Record<string, string | number>,
): Promise<void> {
  await db.reviewDraft.upsert({
    where: { projectId_reviewerId: { projectId, reviewerId } },
    create: { projectId, reviewerId, values },
    update: { values },
  });
}

/** Drops a reviewer's draft once the review is submitted. */
export async function deleteDraft(tx: Db, projectId: string, reviewerId: string): Promise<void> {
  await tx.reviewDraft.deleteMany({ where: { projectId, reviewerId } });
}
