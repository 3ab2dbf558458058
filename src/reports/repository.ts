import type { Db, Prisma, PrismaClient } from '../db/client.ts';

export type { Db, PrismaClient };

/** A reporting period with the report received against it, as the report calendar reads it. */
export interface PeriodRow {
  id: string;
  projectId: string;
  seq: number;
  startsOn: string;
  endsOn: string;
  dueDate: string;
  deadlineKey: string;
  state: string;
  unknownYears: number[];
  /** Whether its deadline row exists (created once the period has begun). */
  scheduled: boolean;
  report: ReportRow | null;
}

/** A received report (periodic or ad hoc) and its review. */
export interface ReportRow {
  id: string;
  periodId: string | null;
  kind: string;
  receivedOn: string;
  summary: string;
  recordedBy: string | null;
  reviewStatus: string | null;
  reviewNote: string | null;
  reviewedBy: string | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const dbDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

type ReportRecord = Prisma.SupervisionReportGetPayload<object>;
function reportOf(r: ReportRecord): ReportRow {
  return {
    id: r.id,
    periodId: r.periodId,
    kind: r.kind,
    receivedOn: day(r.receivedOn),
    summary: r.summary,
    recordedBy: r.recordedBy,
    reviewStatus: r.reviewStatus,
    reviewNote: r.reviewNote,
    reviewedBy: r.reviewedBy,
  };
}

/** A project's report plan, or null before launch. */
export async function reportPlan(db: Db, projectId: string) {
  const row = await db.reportPlan.findUnique({ where: { projectId } });
  return row && { intervalMonths: row.intervalMonths, anchorOn: day(row.anchorOn), anchorSeq: row.anchorSeq };
}

/** Creates or replaces a project's report plan. */
export async function savePlan(
  tx: Db,
  projectId: string,
  plan: { intervalMonths: number; anchorOn: string; anchorSeq: number },
  userId: string | null,
): Promise<void> {
  const data = { ...plan, anchorOn: dbDay(plan.anchorOn), updatedById: userId };
  await tx.reportPlan.upsert({ where: { projectId }, create: { projectId, ...data }, update: data });
}

/** Every period of a project in order, superseded ones included, each with its report. */
export async function periodsOf(db: Db, projectId: string): Promise<PeriodRow[]> {
  const [periods, reports] = await Promise.all([
    db.reportPeriod.findMany({ where: { projectId }, orderBy: { seq: 'asc' } }),
    db.supervisionReport.findMany({ where: { projectId, periodId: { not: null } } }),
  ]);
  const byPeriod = new Map(reports.map((r) => [r.periodId, reportOf(r)]));
  return periods.map((p) => ({
    id: p.id,
    projectId: p.projectId,
    seq: p.seq,
    startsOn: day(p.startsOn),
    endsOn: day(p.endsOn),
    dueDate: day(p.dueDate),
    deadlineKey: p.deadlineKey,
    state: p.state,
    unknownYears: p.unknownYears,
    scheduled: p.scheduledAt !== null,
    report: byPeriod.get(p.id) ?? null,
  }));
}

/** Ad-hoc reports of a project, oldest first. */
export async function adHocReportsOf(db: Db, projectId: string): Promise<ReportRow[]> {
  const rows = await db.supervisionReport.findMany({
    where: { projectId, periodId: null },
    orderBy: [{ receivedOn: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map(reportOf);
}

/** A new period row. */
export async function insertPeriod(
  tx: Db,
  row: {
    projectId: string;
    seq: number;
    startsOn: string;
    endsOn: string;
    dueDate: string;
    deadlineKey: string;
    unknownYears: number[];
    scheduledAt: Date | null;
  },
): Promise<string> {
  const created = await tx.reportPeriod.create({
    data: {
      ...row,
      startsOn: dbDay(row.startsOn),
      endsOn: dbDay(row.endsOn),
      dueDate: dbDay(row.dueDate),
    },
    select: { id: true },
  });
  return created.id;
}

/** Planned periods that have begun (by `today`) and have no deadline row yet, with their project's owner. */
export async function periodsToSchedule(db: Db, today: string) {
  const rows = await db.reportPeriod.findMany({
    where: { state: 'planned', scheduledAt: null, startsOn: { lte: dbDay(today) } },
    orderBy: [{ projectId: 'asc' }, { seq: 'asc' }],
  });
  if (rows.length === 0) return [];
  const owners = await db.project.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.projectId))] } },
    select: { id: true, ownerId: true },
  });
  const ownerOf = new Map(owners.map((o) => [o.id, o.ownerId]));
  return rows.map((p) => ({
    id: p.id,
    projectId: p.projectId,
    ownerId: ownerOf.get(p.projectId) ?? '',
    seq: p.seq,
    endsOn: day(p.endsOn),
    deadlineKey: p.deadlineKey,
  }));
}

/** Records that a period's deadline row was created. */
export async function markScheduled(tx: Db, id: string, at: Date): Promise<void> {
  await tx.reportPeriod.update({ where: { id }, data: { scheduledAt: at } });
}

/** Marks periods superseded or closed (never deleted: the calendar keeps what it once said). */
export async function setPeriodsState(
  tx: Db,
  ids: readonly string[],
  state: 'superseded' | 'closed',
  at: Date,
): Promise<void> {
  await tx.reportPeriod.updateMany({ where: { id: { in: [...ids] } }, data: { state, closedAt: at } });
}

/** Stores a received report. */
export async function insertReport(
  tx: Db,
  row: {
    projectId: string;
    periodId: string | null;
    kind: string;
    receivedOn: string;
    summary: string;
    recordedBy: string | null;
  },
): Promise<string> {
  const created = await tx.supervisionReport.create({
    data: { ...row, receivedOn: dbDay(row.receivedOn) },
    select: { id: true },
  });
  return created.id;
}

/** Records a report's review. */
export async function saveReview(
  tx: Db,
  id: string,
  review: { status: 'accepted' | 'followUp'; note: string | null; by: string; at: Date },
): Promise<void> {
  await tx.supervisionReport.update({
    where: { id },
    data: { reviewStatus: review.status, reviewNote: review.note, reviewedBy: review.by, reviewedAt: review.at },
  });
}

/** Every pilot project in the piloting stage, with what planning its report calendar needs. */
export async function piloting(db: Db) {
  return db.project.findMany({
    where: { machine: 'pilot', stage: 'piloting' },
    select: { id: true, ref: true, ownerId: true, snapshot: true, machineVersion: true, machine: true },
    orderBy: { id: 'asc' },
  });
}

/** The plans and highest period numbers of several projects, read in two queries (the scheduler's pass). */
export async function calendarsOf(db: Db, projectIds: readonly string[]) {
  const [plans, seqs] = await Promise.all([
    db.reportPlan.findMany({ where: { projectId: { in: [...projectIds] } } }),
    db.reportPeriod.groupBy({ by: ['projectId'], where: { projectId: { in: [...projectIds] } }, _max: { seq: true } }),
  ]);
  const maxSeq = new Map(seqs.map((s) => [s.projectId, s._max.seq ?? 0]));
  return new Map(
    plans.map((p) => [
      p.projectId,
      {
        plan: { intervalMonths: p.intervalMonths, anchorOn: day(p.anchorOn), anchorSeq: p.anchorSeq },
        maxSeq: maxSeq.get(p.projectId) ?? 0,
      },
    ]),
  );
}

/** The project a report calendar belongs to, by id or reference, with what the answers name. */
export async function projectForReports(db: Db, ref: string) {
  return db.project.findFirst({
    where: { OR: [{ ref }, ...(/^[0-9a-f-]{36}$/i.test(ref) ? [{ id: ref }] : [])] },
    select: { id: true, ref: true, title: true, ownerId: true, stage: true, machine: true, channelId: true },
  });
}
