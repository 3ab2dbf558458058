import { type Clock, shanghaiDate } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import { loadCalendar } from '../deadlines/load-calendar.ts';
import { InputError, NotFoundError } from '../errors.ts';
import { enqueueMessages } from '../outbox/enqueue-messages.ts';
import { CARD_METHOD } from '../projects/ids.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { assertMayManageReports } from './change-report-interval.ts';
import { periodViews } from './list-reports.ts';
import { adHocReportsOf, type PrismaClient, periodsOf, projectForReports, saveReview } from './repository.ts';

/** What was reviewed, for the answer: the period (its dates) or the ad-hoc report's id. */
export interface ReportReviewed {
  ref: string;
  period: { startsOn: string; endsOn: string } | null;
  adHocId: string | null;
  status: 'accepted' | 'followUp';
}

/**
 * `/pilot reports <ref> review <n|A1> accepted|followup [note]` (R-SUP-1): staff record their review of a received
 * report, against the period number `/pilot reports` shows (or an ad-hoc report's id); "needs follow-up" needs a note.
 * Audited with the card's refresh; a later review replaces the shown one, and the trail keeps both.
 */
export async function reviewReport(
  deps: { prisma: PrismaClient; clock: Clock; afterCommit(keys: string[]): void },
  actor: UserActor,
  command: { ref: string; which: string; status: 'accepted' | 'followUp'; note: string | null },
): Promise<ReportReviewed> {
  assertMayManageReports(actor);
  if (command.status === 'followUp' && !command.note) throw new InputError('reports.followUpNote');
  const project = await projectForReports(deps.prisma, command.ref);
  if (!project) throw new NotFoundError('error.projectNotFound', { ref: command.ref });
  const now = deps.clock.now();
  const target = await findReport(deps.prisma, project, command.which, shanghaiDate(now));
  const result = await deps.prisma.$transaction(async (tx) => {
    await saveReview(tx, target.reportId, { status: command.status, note: command.note, by: actor.userId, at: now });
    await recordAudit(tx, {
      projectId: project.id,
      actorKind: 'user',
      actorId: actor.userId,
      actorRoles: actor.roles,
      eventType: 'report.reviewed',
      payload: {
        rule: 'R-SUP-1',
        reportId: target.reportId,
        periodSeq: target.seq,
        status: command.status,
        note: command.note,
      },
      recordedAt: now,
    });
    const key = `card:${project.id}:report-review:${now.getTime()}`;
    await enqueueMessages(tx, [
      { key, method: CARD_METHOD, projectId: project.id, args: { projectId: project.id }, notBefore: now },
    ]);
    return [key];
  });
  deps.afterCommit(result);
  return { ref: project.ref, period: target.period, adHocId: target.adHocId, status: command.status };
}

async function findReport(
  prisma: PrismaClient,
  project: { id: string; ref: string },
  which: string,
  today: string,
): Promise<{ reportId: string; seq: number | null; period: ReportReviewed['period']; adHocId: string | null }> {
  const unknown = () => new InputError('reports.reportUnknown', { ref: project.ref, which });
  const adHoc = /^A(\d+)$/i.exec(which);
  if (adHoc) {
    const reports = await adHocReportsOf(prisma, project.id);
    const report = reports[Number(adHoc[1]) - 1];
    if (!report) throw unknown();
    return { reportId: report.id, seq: null, period: null, adHocId: `A${adHoc[1]}` };
  }
  if (!/^\d+$/.test(which)) throw unknown();
  const rows = await periodsOf(prisma, project.id);
  const views = periodViews(rows, today, await loadCalendar(prisma));
  const index = views.findIndex((v) => v.n === Number(which));
  const row = rows[index];
  if (index < 0 || !row) throw unknown();
  if (!row.report) throw new InputError('reports.notReceived', { ref: project.ref });
  return {
    reportId: row.report.id,
    seq: row.seq,
    period: { startsOn: row.startsOn, endsOn: row.endsOn },
    adHocId: null,
  };
}
