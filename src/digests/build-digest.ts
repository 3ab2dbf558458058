import { latestVerification } from '../audit/repository.ts';
import { shanghaiDate } from '../clock.ts';
import { dateOf } from '../deadlines/replan.ts';
import { type DigestFilters, projectWhere } from './filters.ts';
import { digestDeadlines, type PrismaClient, stageCounts } from './repository.ts';

/** One deadline line of a digest. */
export interface DigestLine {
  deadlineId: string;
  ref: string;
  title: string;
  kind: string;
  dueDate: string;
  responsibleUserId: string | null;
  /** Years counted without the official schedule: the date carries ※. */
  unknownYears?: number[];
}

/** What a manager's digest shows, as plain data (the Block Kit builder renders it). */
export interface DigestData {
  /** The Shanghai day it is for. */
  date: string;
  filters: DigestFilters;
  stages: { track: string; stage: string; count: number }[];
  upcoming: DigestLine[];
  missed: DigestLine[];
  coachingEnding: DigestLine[];
  lateReviewers: DigestLine[];
  /** The latest check of the audit log (issue 14), null before the first. */
  auditCheck: { ranAt: string; ok: boolean; rows: number } | null;
}

declare module '../outbox/rendered.ts' {
  /** The daily digest, kept as data in the outbox and rendered when sent (decision 020). */
  interface MessageData {
    'digest.daily': DigestData;
  }
}

const DAY = 86_400_000;

/**
 * Gathers a digest as of `now`: projects per stage, deadlines due in the next 7 days, missed deadlines (not the
 * CSRC's clock, which never counts as late, nor reviewers', listed apart), coaching periods ending within 30 days,
 * and late reviewers (open reviewer-clock deadlines past due).
 */
export async function buildDigest(prisma: PrismaClient, now: Date, filters: DigestFilters): Promise<DigestData> {
  const project = projectWhere(filters);
  const stages = await stageCounts(prisma, project);
  const rows = await digestDeadlines(prisma, project, now);
  const line = (r: (typeof rows)[number]): DigestLine => ({
    deadlineId: r.id,
    ref: r.project.ref,
    title: r.project.title,
    kind: r.kind,
    dueDate: dateOf(r.dueDate),
    responsibleUserId: r.responsibleUserId,
    unknownYears: r.unknownYears,
  });
  const t = now.getTime();
  const due = (r: (typeof rows)[number]) => r.dueAt.getTime();
  const check = await latestVerification(prisma);
  return {
    date: shanghaiDate(now),
    filters,
    stages,
    upcoming: rows.filter((r) => r.status === 'open' && due(r) > t && due(r) <= t + 7 * DAY).map(line),
    missed: rows.filter((r) => r.status === 'missed' && r.clock !== 'csrc' && r.clock !== 'reviewer').map(line),
    coachingEnding: rows
      .filter((r) => r.kind === 'coachingExpires' && r.status === 'open' && due(r) > t && due(r) <= t + 30 * DAY)
      .map(line),
    lateReviewers: rows.filter((r) => r.clock === 'reviewer' && due(r) <= t).map(line),
    auditCheck: check ? { ranAt: check.ranAt.toISOString(), ok: check.ok, rows: check.rowsChecked } : null,
  };
}
