import { actorOf, type Ev, factOf, type Handler, load, type RecordScope, str } from './event-helpers.ts';
import { INCIDENT_HANDLERS } from './incident-events.ts';
import { RECORD_DATA, type RecordData, splitFindings } from './kinds.ts';
import { closeOwn, dueOf, scheduleOwn } from './own-deadlines.ts';
import { countRecords, type Db, insertRecord, recordsOf, type SupervisionRecord, updateRecord } from './repository.ts';

export type { RecordScope };

/** The record events that also exist after conversion (the machine is final, the records continue). */
export const AFTER_CONVERSION_EVENTS = [
  'complaint.logged',
  'complaint.acknowledged',
  'complaint.resolved',
  'incident.occurred',
  'incident.reportReceived',
  'incident.faultToleranceAssessed',
] as const;

/**
 * Writes what a supervision event says into its record rows, and the records' own deadlines, in the change's
 * transaction. Returns the rows touched (for the audit of a change beside a final machine).
 */
export async function writeRecordEvent(tx: Db, scope: RecordScope, e: Ev): Promise<SupervisionRecord[]> {
  const handler = HANDLERS[e.type];
  return handler ? handler(tx, scope, e) : [];
}

const HANDLERS: Record<string, Handler> = {
  ...INCIDENT_HANDLERS,
  'inspection.scheduled': async (tx, { project }, e) => {
    const data: RecordData<'inspection'> = {
      authority: str(e, 'authority'),
      mode: str(e, 'mode'),
      scheduledFor: str(e, 'scheduledFor'),
      findings: null,
      findingsOn: null,
    };
    const on = data.scheduledFor;
    const key = str(e, 'inspectionId');
    return [
      await insertRecord(tx, {
        ...{ projectId: project.id, kind: 'inspection', key, status: 'scheduled', data, openedOn: on, dueDate: on },
        createdBy: actorOf(e),
      }),
    ];
  },
  'inspection.findingsRecorded': async (tx, { project }, e) => {
    const key = str(e, 'inspectionId');
    const found = await load(tx, project.id, 'inspection', key);
    if (!found) return [];
    const on = factOf(e);
    const findings = str(e, 'findings');
    const data = { ...found.data, findings, findingsOn: on };
    const rows = [
      await updateRecord(tx, found.row.id, { status: 'findingsRecorded', data, dueDate: null, closedOn: on }),
    ];
    // One finding per line, so each can open rectification items of its own.
    const lines = splitFindings(findings);
    for (const [i, line] of lines.entries())
      rows.push(
        await insertRecord(tx, {
          projectId: project.id,
          kind: 'finding',
          key: `${key}-f${i + 1}`,
          parentKey: key,
          status: 'recorded',
          data: { text: line } satisfies RecordData<'finding'>,
          openedOn: on,
          createdBy: actorOf(e),
        }),
      );
    return rows;
  },
  'complaint.logged': async (tx, scope, e) => {
    const key = str(e, 'complaintId');
    const on = factOf(e);
    if (scope.ownClocks) {
      for (const kind of ['complaintAcknowledge', 'complaintResolve'] as const)
        await scheduleOwn(tx, scope.project, scope.now, { kind, key: `${kind}:${key}`, rule: 'R-SUP-4', basis: on });
    }
    const ack = await dueOf(tx, scope.project.id, `complaintAcknowledge:${key}`, on, scope.now);
    const data: RecordData<'complaint'> = {
      summary: str(e, 'summary'),
      outcome: null,
      compensation: null,
      acknowledgedOn: null,
      resolvedOn: null,
      acknowledgedLate: false,
      resolvedLate: false,
    };
    const personal = { complainantName: null, complainantContact: null };
    return [
      await insertRecord(tx, {
        ...{ projectId: scope.project.id, kind: 'complaint', key, status: 'received', data, personal },
        ...{ openedOn: on, dueDate: ack.dueDate, createdBy: actorOf(e) },
      }),
    ];
  },
  'complaint.acknowledged': async (tx, scope, e) => {
    const key = str(e, 'complaintId');
    const found = await load(tx, scope.project.id, 'complaint', key);
    if (!found) return [];
    const on = factOf(e);
    if (scope.ownClocks)
      await closeOwn(tx, scope.project, scope.now, 'complaintAcknowledge', `complaintAcknowledge:${key}`);
    const { late } = await dueOf(tx, scope.project.id, `complaintAcknowledge:${key}`, on, scope.now);
    const resolve = await dueOf(tx, scope.project.id, `complaintResolve:${key}`, on, scope.now);
    const data = { ...found.data, acknowledgedOn: on, acknowledgedLate: late };
    return [
      await updateRecord(tx, found.row.id, {
        ...{ status: 'acknowledged', data, dueDate: resolve.dueDate },
        late: found.row.late || late,
      }),
    ];
  },
  'complaint.resolved': async (tx, scope, e) => {
    const key = str(e, 'complaintId');
    const found = await load(tx, scope.project.id, 'complaint', key);
    if (!found) return [];
    const on = factOf(e);
    if (scope.ownClocks)
      for (const kind of ['complaintAcknowledge', 'complaintResolve'] as const)
        await closeOwn(tx, scope.project, scope.now, kind, `${kind}:${key}`);
    const { late } = await dueOf(tx, scope.project.id, `complaintResolve:${key}`, on, scope.now);
    const data = { ...found.data, outcome: str(e, 'outcome'), resolvedOn: on, resolvedLate: late };
    return [
      await updateRecord(tx, found.row.id, {
        ...{ status: 'resolved', data, dueDate: null, closedOn: on },
        late: found.row.late || late,
      }),
    ];
  },
  'guidance.recorded': (tx, scope, e) => guidance(tx, scope, e, str(e, 'guidanceKind'), null),
  'guidance.relayed': (tx, scope, e) => guidance(tx, scope, e, 'csrcRelayed', str(e, 'noticeRef')),
  'rectification.required': async (tx, { project }, e) => {
    const key = `r${(await countRecords(tx, project.id, 'rectification')) + 1}`;
    // The machine's own clock (rectificationDue) is the item's due date; the row holds what was required.
    const due = await dueOf(tx, project.id, 'rectificationDue', factOf(e), new Date(0));
    const data: RecordData<'rectification'> = {
      requiredChange: str(e, 'requirements'),
      evidence: null,
      source: 'evaluation',
    };
    return [
      await insertRecord(tx, {
        ...{ projectId: project.id, kind: 'rectification', key, status: 'open', data },
        ...{ openedOn: factOf(e), dueDate: due.dueDate, createdBy: actorOf(e) },
      }),
    ];
  },
  'rectification.completed': async (tx, { project }, e) => {
    const open = (await openEvaluationItems(tx, project.id)).at(-1);
    if (!open) return [];
    const on = factOf(e);
    const late = open.row.dueDate !== null && on > open.row.dueDate.toISOString().slice(0, 10);
    const data = { ...open.data, evidence: str(e, 'summary') };
    return [await updateRecord(tx, open.row.id, { status: 'closed', data, closedOn: on, late, dueDate: null })];
  },
};

async function guidance(tx: Db, { project }: RecordScope, e: Ev, guidanceKind: string, noticeRef: string | null) {
  const key = `g${(await countRecords(tx, project.id, 'guidance')) + 1}`;
  const data: RecordData<'guidance'> = { guidanceKind, summary: str(e, 'summary'), noticeRef };
  return [
    await insertRecord(tx, {
      ...{ projectId: project.id, kind: 'guidance', key, status: 'recorded', data },
      ...{ openedOn: factOf(e), createdBy: actorOf(e) },
    }),
  ];
}

async function openEvaluationItems(tx: Db, projectId: string) {
  const rows = await recordsOf(tx, projectId, 'rectification');
  return rows
    .filter((r) => r.status === 'open')
    .map((row) => ({ row, data: RECORD_DATA.rectification.parse(row.data) }))
    .filter((r) => r.data.source === 'evaluation');
}
