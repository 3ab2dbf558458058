import { DEFAULT_SETTINGS } from '../../machines/catalog.ts';
import { shanghaiDate } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import type { ChangeWrite } from '../runtime/types.ts';
import { cancelPeriodDeadline, closePeriodDeadline, planPeriodRows } from './period-rows.ts';
import { type Db, insertReport, periodsOf, savePlan, setPeriodsState } from './repository.ts';

const PILOTING = /^piloting(\.|$)/;
/** The default interval (RULES.md R-SUP-1: every 3 months), in months. */
export const DEFAULT_INTERVAL_MONTHS = DEFAULT_SETTINGS.periodicReportInterval.amount;

/**
 * The report calendar's rows, written in the change's own transaction (decision 023): the launch creates the plan
 * and the first year of periods; a received report is stored against its period (or as ad hoc) and closes that
 * period's deadline; leaving piloting closes the periods not yet due. The machine decides whether the change is
 * allowed at all; these rows hold the schedule and what was received.
 */
export async function keepReportCalendar(tx: Db, change: ChangeWrite): Promise<void> {
  const { project, event, now } = change;
  const entering = PILOTING.test(change.to) && !PILOTING.test(change.from);
  const leaving = PILOTING.test(change.from) && !PILOTING.test(change.to);
  if (!entering && !leaving && event.type !== 'report.received') return;
  const today = shanghaiDate(now);
  const calendar = await change.calendar();
  const actor = event.actor.kind === 'user' ? event.actor.userId : null;
  const audit = (eventType: string, payload: unknown) =>
    recordAudit(tx, {
      projectId: project.id,
      actorKind: event.actor.kind,
      actorId: actor,
      eventType,
      payload,
      recordedAt: now,
    });

  if (entering) {
    const launchDate = (change.context as { launchDate?: string | null }).launchDate ?? today;
    const plan = { intervalMonths: DEFAULT_INTERVAL_MONTHS, anchorOn: launchDate, anchorSeq: 1 };
    await savePlan(tx, project.id, plan, actor);
    const periods = await planPeriodRows(tx, project, plan, 1, today, { calendar, now });
    await audit('reports.planned', { rule: 'R-SUP-1', intervalMonths: plan.intervalMonths, periods });
    return;
  }
  if (event.type === 'report.received') {
    const periodId = typeof event.periodId === 'string' ? event.periodId : null;
    await insertReport(tx, {
      projectId: project.id,
      periodId,
      kind: String(event.reportKind),
      receivedOn: event.factDate ?? today,
      summary: String(event.summary ?? ''),
      recordedBy: actor,
    });
    const period = periodId ? (await periodsOf(tx, project.id)).find((p) => p.id === periodId) : undefined;
    if (period) await closePeriodDeadline(tx, project, period.deadlineKey, { calendar, now });
  }
  if (leaving) {
    // Periods not yet due are no longer asked for; a missed one stays missed, but nobody is chased after the exit.
    const open = (await periodsOf(tx, project.id)).filter((p) => p.state === 'planned' && p.report === null);
    for (const p of open) await cancelPeriodDeadline(tx, project.id, p.deadlineKey, now);
    const notDue = open.filter((p) => p.dueDate >= today);
    await setPeriodsState(
      tx,
      notDue.map((p) => p.id),
      'closed',
      now,
    );
    if (open.length > 0)
      await audit('reports.closed', { rule: 'R-SUP-1', to: change.to, closed: notDue.map((p) => p.seq) });
  }
}
