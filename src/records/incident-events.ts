import { shanghaiDateOf } from '../../machines/shared/events-common.ts';
import { actorOf, factOf, type Handler, load, str } from './event-helpers.ts';
import { qualifiesForFaultTolerance, type RecordData } from './kinds.ts';
import { closeOwn, dueOf, scheduleOwn } from './own-deadlines.ts';
import { insertRecord, updateRecord } from './repository.ts';

const REPORT_DEADLINES = {
  first: 'incidentFirstReport',
  handling: 'incidentHandlingReport',
  final: 'incidentFinalReport',
} as const;

/** R-SUP-5, R-TOL-1: an incident's row, its three reports against their clocks, and its fault-tolerance facts. */
export const INCIDENT_HANDLERS: Record<string, Handler> = {
  'incident.occurred': async (tx, scope, e) => {
    const key = str(e, 'incidentId');
    const occurredAt = str(e, 'occurredAt');
    const day = shanghaiDateOf(occurredAt);
    const rule = 'R-SUP-5';
    if (scope.ownClocks)
      await scheduleOwn(tx, scope.project, scope.now, {
        ...{ kind: 'incidentFirstReport', key: `incidentFirstReport:${key}`, rule, basis: occurredAt },
      });
    // The handling and final reports count in working days from the day it occurred (settings, RULES defaults).
    for (const kind of ['incidentHandlingReport', 'incidentFinalReport'] as const)
      await scheduleOwn(tx, scope.project, scope.now, { kind, key: `${kind}:${key}`, rule, basis: day });
    const first = await dueOf(tx, scope.project.id, `incidentFirstReport:${key}`, day, scope.now);
    const data: RecordData<'incident'> = {
      incidentKind: str(e, 'incidentKind'),
      occurredAt,
      summary: str(e, 'summary'),
      reports: {},
      faultTolerance: null,
      qualifies: null,
    };
    return [
      await insertRecord(tx, {
        ...{ projectId: scope.project.id, kind: 'incident', key, status: 'occurred', data },
        ...{ openedOn: day, dueDate: first.dueDate, createdBy: actorOf(e) },
      }),
    ];
  },
  'incident.reportReceived': async (tx, scope, e) => {
    const key = str(e, 'incidentId');
    const found = await load(tx, scope.project.id, 'incident', key);
    if (!found) return [];
    const stage = str(e, 'stage') as 'first' | 'handling' | 'final';
    const on = factOf(e);
    const kind = REPORT_DEADLINES[stage];
    // The machine closes the first report's clock itself while it runs; the records close the others.
    if (scope.ownClocks || stage !== 'first') await closeOwn(tx, scope.project, scope.now, kind, `${kind}:${key}`);
    const { late } = await dueOf(tx, scope.project.id, `${kind}:${key}`, on, scope.now);
    const reports = { ...found.data.reports, [stage]: { on, summary: str(e, 'summary'), late } };
    const next = (['first', 'handling', 'final'] as const).find((s) => !reports[s]);
    const nextDue = next
      ? (await dueOf(tx, scope.project.id, `${REPORT_DEADLINES[next]}:${key}`, on, scope.now)).dueDate
      : null;
    return [
      await updateRecord(tx, found.row.id, {
        status: reports.final ? 'closed' : `${stage}Reported`,
        data: { ...found.data, reports },
        dueDate: reports.final ? null : nextDue,
        ...(reports.final ? { closedOn: on } : {}),
        late: found.row.late || late,
      }),
    ];
  },
  'incident.faultToleranceAssessed': async (tx, { project }, e) => {
    const found = await load(tx, project.id, 'incident', str(e, 'incidentId'));
    if (!found) return [];
    const faultTolerance = {
      actualInvestorLoss: e.actualInvestorLoss === true,
      lossesCompensated: e.lossesCompensated === true,
      marketStabilityAffected: e.marketStabilityAffected === true,
    };
    const data = { ...found.data, faultTolerance, qualifies: qualifiesForFaultTolerance(faultTolerance) };
    return [await updateRecord(tx, found.row.id, { data })];
  },
};
