import type { PilotContext } from '../../machines/pilot/context.ts';
import type { ChangeWrite } from '../runtime/types.ts';
import { allowedMeasures, type RecordData } from './kinds.ts';
import { writeRecordEvent } from './record-events.ts';
import { type Db, insertRecord, recordByKey } from './repository.ts';

/**
 * The runtime's `changeWrites` hook for the supervision records: when the pilot machine took a supervision event,
 * what people wrote goes into its record row in the same transaction (the machine decided it was allowed).
 */
export async function writeSupervisionRecords(tx: Db, change: ChangeWrite): Promise<void> {
  if (!change.to.startsWith('piloting') && !change.to.startsWith('exiting') && !change.from.startsWith('piloting'))
    return;
  const scope = { project: change.project, now: change.now, ownClocks: false };
  await writeRecordEvent(tx, scope, change.event);
  if (change.event.type === 'decision.confirm') await writeSanction(tx, change);
}

/** R-EXIT-5 with R-TOL-1: a confirmed sanction as a row, with what the rules allowed and the incidents' facts. */
async function writeSanction(tx: Db, change: ChangeWrite): Promise<void> {
  const ctx = change.context as PilotContext;
  const sanction = ctx.sanctions.at(-1);
  const decision = ctx.decisions.at(-1);
  if (!sanction || !decision || decision.kind !== 'sanction') return;
  const key = `s${ctx.sanctions.length}`;
  if (await recordByKey(tx, change.project.id, 'sanction', key)) return;
  const data: RecordData<'sanction'> = {
    measure: sanction.measure,
    severity: sanction.severity,
    violation: ctx.sanctionCase?.violation ?? null,
    summary: decision.details.summary ?? '',
    reportedOn: sanction.reportedOn,
    bureauDecisionDate: sanction.bureauDecisionDate,
    // The first measure follows the severity; later ones (after a suspension or follow-up) resume or stop.
    allowedMeasures: ctx.sanctions.length === 1 ? allowedMeasures(sanction.severity) : ['resume', 'stop', 'suspend'],
    faultTolerance: sanction.faultTolerance,
    proposedBy: decision.proposedBy,
    confirmedBy: decision.confirmedBy,
    legalBasis: sanction.faultTolerance.length > 0 ? ['R-EXIT-5', 'R-TOL-1'] : ['R-EXIT-5'],
  };
  await insertRecord(tx, {
    projectId: change.project.id,
    kind: 'sanction',
    key,
    status: sanction.measure,
    data,
    openedOn: sanction.bureauDecisionDate,
    closedOn: sanction.bureauDecisionDate,
    createdBy: decision.confirmedBy,
  });
}
