import type { AvailableAction } from '../../machines/available-actions.ts';
import { PILOT_EVENTS } from '../../machines/catalog.ts';
import { pilotEventSchemas } from '../../machines/pilot/events.ts';
import { shanghaiDateOf } from '../../machines/shared/events-common.ts';
import { InputError } from '../errors.ts';
import { stageParam } from '../i18n/render-error.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { restoreSnapshot } from '../runtime/machines.ts';
import type { LoadedProject } from '../runtime/types.ts';
import { assertWorkingGroup } from './access.ts';
import { RECORD_DATA } from './kinds.ts';
import { inRecordChange, type RecordsDeps } from './record-change.ts';
import { AFTER_CONVERSION_EVENTS, writeRecordEvent } from './record-events.ts';
import { type Db, recordsOf } from './repository.ts';

/** Regular operation is the pilot machine's final state: complaints and incidents are kept beside it from then on. */
export const CONVERTED_STAGE = 'regularOperation';
type AfterEvent = (typeof AFTER_CONVERSION_EVENTS)[number];
const ID_FIELD: Record<AfterEvent, 'complaintId' | 'incidentId'> = {
  'complaint.logged': 'complaintId',
  'complaint.acknowledged': 'complaintId',
  'complaint.resolved': 'complaintId',
  'incident.occurred': 'incidentId',
  'incident.reportReceived': 'incidentId',
  'incident.faultToleranceAssessed': 'incidentId',
};

/** True when the event is a complaint or incident event a converted project still takes as a record. */
export function isAfterConversionEvent(project: { machine: string; stage: string }, type: string): type is AfterEvent {
  return (
    project.machine === 'pilot' &&
    project.stage === CONVERTED_STAGE &&
    (AFTER_CONVERSION_EVENTS as readonly string[]).includes(type)
  );
}

/** The buttons a converted project offers the working group for its complaints and incidents. */
export function afterConversionRecordActions(roles: UserActor['roles']): AvailableAction[] {
  if (!roles.some((r) => r === 'staff' || r === 'manager')) return [];
  return AFTER_CONVERSION_EVENTS.map((type) => ({
    type,
    labelKey: `event.${type}`,
    fact: true,
    // A new complaint or incident gets the next id itself; the others choose which one they are about.
    fields: PILOT_EVENTS[type]!.fields.filter((f) => isChoice(type) || f.name !== ID_FIELD[type]),
  }));
}

const isChoice = (type: AfterEvent) => type !== 'complaint.logged' && type !== 'incident.occurred';

/** The choices of a form on a converted project: its complaints or incidents still open for that event. */
export async function afterConversionChoices(
  db: Db,
  projectId: string,
  type: AfterEvent,
): Promise<Record<string, Array<{ value: string; label: string }>>> {
  if (!isChoice(type)) return {};
  const kind = type.startsWith('complaint') ? 'complaint' : 'incident';
  const rows = await recordsOf(db, projectId, kind);
  const open = rows.filter((r) =>
    type === 'complaint.acknowledged'
      ? r.status === 'received'
      : type === 'complaint.resolved'
        ? r.status !== 'resolved'
        : type === 'incident.reportReceived'
          ? r.status !== 'closed'
          : true,
  );
  return { [ID_FIELD[type]]: open.map((r) => ({ value: r.key, label: r.key })) };
}

/**
 * A complaint or incident on a converted project (issue 13): validated with the machine's own event schema and the
 * same rules its guards apply, then written as a record with its deadlines (the records keep every clock now),
 * audited, and the card refreshed — in one transaction.
 */
export async function recordAfterConversion(
  deps: RecordsDeps,
  actor: UserActor,
  project: LoadedProject,
  type: AfterEvent,
  values: Record<string, unknown>,
): Promise<{ key: string }> {
  assertWorkingGroup(actor.roles);
  if (!isAfterConversionEvent(project, type))
    throw new InputError('error.eventNotAllowedNow', {
      event: `@event.${type}`,
      ref: project.ref,
      stage: stageParam(project.machine, project.stage),
    });
  const now = deps.clock.now();
  const idField = ID_FIELD[type];
  const kind = type.startsWith('complaint') ? 'complaint' : 'incident';
  const rows = await recordsOf(deps.prisma, project.id, kind);
  const key = isChoice(type)
    ? String(values[idField] ?? '')
    : await nextKey(
        project,
        rows.map((r) => r.key),
        kind,
      );
  const parsed = pilotEventSchemas[type].safeParse({
    ...values,
    [idField]: key,
    type,
    actor,
    recordedAt: now.toISOString(),
  });
  if (!parsed.success) {
    const fields = Object.fromEntries(
      parsed.error.issues.map((i) => [String(i.path[0] ?? 'factDate'), { key: 'field.invalid' as const }]),
    );
    throw new InputError('action.invalid', {}, fields);
  }
  const event = parsed.data as unknown as Parameters<typeof writeRecordEvent>[2];
  refuseLikeTheMachine(type, event, rows.find((r) => r.key === key) ?? null, project.ref);
  await inRecordChange(
    deps,
    actor,
    project,
    { eventType: type, refreshCard: true, ...(event.factDate ? { factDate: event.factDate } : {}) },
    async (tx) => {
      const written = await writeRecordEvent(tx, { project, now, ownClocks: true }, event);
      const { actor: _a, recordedAt: _r, factDate: _f, type: _t, ...payload } = event;
      // The audit holds what the machine's audit would: the event's fields, never a complainant's personal data.
      return {
        payload: { ...payload, recordIds: written.map((r) => r.id) },
        suffix: `${type}:${key}:${now.getTime()}`,
      };
    },
  );
  return { key };
}

/** The next id of a kind: after every id the machine's context knew and every row kept since (q3, i2 …). */
async function nextKey(project: LoadedProject, rowKeys: string[], kind: 'complaint' | 'incident'): Promise<string> {
  const context = restoreSnapshot(project.machine, project.machineVersion, project.snapshot).context as {
    complaints?: Record<string, unknown>;
    incidents?: Record<string, unknown>;
  };
  const known = new Set([
    ...Object.keys((kind === 'complaint' ? context.complaints : context.incidents) ?? {}),
    ...rowKeys,
  ]);
  const prefix = kind === 'complaint' ? 'q' : 'i';
  let n = known.size + 1;
  while (known.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** The machine's guards for these events (R-SUP-4, R-SUP-5, R-TOL-1), applied to the rows. */
function refuseLikeTheMachine(
  type: AfterEvent,
  e: Record<string, unknown>,
  row: { status: string; data: unknown } | null,
  ref: string,
): void {
  const refuse = (): never => {
    throw new InputError('records.notAllowed', { event: `@event.${type}`, ref });
  };
  if (type === 'complaint.logged' || type === 'incident.occurred') {
    if (type === 'incident.occurred' && shanghaiDateOf(String(e.occurredAt)) !== e.factDate)
      throw new InputError('action.invalid', {}, { factDate: { key: 'records.occurredDateMismatch' } });
    return;
  }
  if (!row) throw new InputError('records.notAllowed', { event: `@event.${type}`, ref });
  if (type === 'complaint.acknowledged' && row.status !== 'received') refuse();
  if (type === 'complaint.resolved' && row.status === 'resolved') refuse();
  if (type === 'incident.reportReceived' && row.status === 'closed') refuse();
  if (type === 'incident.reportReceived') {
    const reports = RECORD_DATA.incident.parse(row.data).reports;
    if (reports[e.stage as 'first' | 'handling' | 'final']) refuse();
  }
  if (type === 'incident.faultToleranceAssessed' && !e.actualInvestorLoss && e.lossesCompensated)
    throw new InputError('action.invalid', {}, { lossesCompensated: { key: 'records.compensatedWithoutLoss' } });
}
