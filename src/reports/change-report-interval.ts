import { addDays } from '../calendar/index.ts';
import { type Clock, shanghaiDate } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import { loadCalendar } from '../deadlines/load-calendar.ts';
import { InputError, NotFoundError, PermissionError } from '../errors.ts';
import { enqueueMessages } from '../outbox/enqueue-messages.ts';
import { CARD_METHOD } from '../projects/ids.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { holdsAny } from '../roles/roles.ts';
import { cancelPeriodDeadline, planPeriodRows } from './period-rows.ts';
import { INTERVAL_MONTHS } from './periods.ts';
import {
  type PrismaClient,
  periodsOf,
  projectForReports,
  reportPlan,
  savePlan,
  setPeriodsState,
} from './repository.ts';

/** Who may change a report calendar or review reports: the working group's staff and managers. */
export function assertMayManageReports(actor: UserActor): void {
  if (!holdsAny(actor.roles, ['staff', 'manager'])) throw new PermissionError('reports.permission');
}

/** What an interval change did, for the answer. */
export interface IntervalChanged {
  ref: string;
  from: number;
  to: number;
  superseded: number;
  planned: number;
}

/**
 * `/pilot reports <ref> interval <months>` (R-SUP-1, per-project setting with a trail): replans only the periods that
 * have not begun and have no report — they are kept as superseded, their deadlines cancelled — and plans new ones
 * from the end of the last period kept; begun, past and received periods stay as they were. One transaction with
 * its audit row and the card's refresh.
 */
export async function changeReportInterval(
  deps: { prisma: PrismaClient; clock: Clock; afterCommit(keys: string[]): void },
  actor: UserActor,
  command: { ref: string; months: number },
): Promise<IntervalChanged> {
  assertMayManageReports(actor);
  if (!Number.isInteger(command.months) || command.months < INTERVAL_MONTHS.min || command.months > INTERVAL_MONTHS.max)
    throw new InputError('reports.badInterval', { value: String(command.months) });
  const project = await projectForReports(deps.prisma, command.ref);
  if (!project) throw new NotFoundError('error.projectNotFound', { ref: command.ref });
  const plan = await reportPlan(deps.prisma, project.id);
  if (!plan) throw new InputError('reports.noCalendar', { ref: project.ref });
  if (project.stage !== 'piloting') throw new InputError('reports.notPiloting', { ref: project.ref });
  if (plan.intervalMonths === command.months)
    throw new InputError('reports.intervalUnchanged', { ref: project.ref, months: plan.intervalMonths });
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const result = await deps.prisma.$transaction(async (tx) => {
    const calendar = await loadCalendar(tx);
    const rows = await periodsOf(tx, project.id);
    const future = rows.filter((p) => p.state === 'planned' && p.report === null && p.startsOn > today);
    const kept = rows.filter((p) => p.state === 'planned' && !future.includes(p));
    for (const p of future) await cancelPeriodDeadline(tx, project.id, p.deadlineKey, now);
    await setPeriodsState(
      tx,
      future.map((p) => p.id),
      'superseded',
      now,
    );
    const lastKept = kept.at(-1);
    const anchorOn = lastKept ? addDays(lastKept.endsOn, 1) : (future[0]?.startsOn ?? plan.anchorOn);
    const anchorSeq = rows.reduce((max, p) => Math.max(max, p.seq), 0) + 1;
    const next = { intervalMonths: command.months, anchorOn, anchorSeq };
    await savePlan(tx, project.id, next, actor.userId);
    const planned = await planPeriodRows(tx, project, next, anchorSeq, today, { calendar, now });
    await recordAudit(tx, {
      projectId: project.id,
      actorKind: 'user',
      actorId: actor.userId,
      actorRoles: actor.roles,
      eventType: 'reports.intervalChanged',
      payload: {
        rule: 'R-SUP-1',
        from: plan.intervalMonths,
        to: command.months,
        superseded: future.map((p) => p.seq),
        planned,
      },
      recordedAt: now,
    });
    const key = `card:${project.id}:reports:${now.getTime()}`;
    await enqueueMessages(tx, [
      { key, method: CARD_METHOD, projectId: project.id, args: { projectId: project.id }, notBefore: now },
    ]);
    return { superseded: future.length, planned: planned.length, keys: [key] };
  });
  deps.afterCommit(result.keys);
  return {
    ref: project.ref,
    from: plan.intervalMonths,
    to: command.months,
    superseded: result.superseded,
    planned: result.planned,
  };
}
