import { findProjectByRef } from '../projects/find-project.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { isWorkingGroup } from './access.ts';
import { PersonalSchema, RECORD_DATA, RECORD_KINDS, type RecordKind } from './kinds.ts';
import { type Db, recordsOf, type SupervisionRecord } from './repository.ts';

/** One record as the list and the card show it; `personal` only for the working group. */
export interface RecordItem {
  id: string;
  kind: RecordKind;
  key: string;
  parentKey: string | null;
  status: string;
  data: Record<string, unknown>;
  personal: { complainantName: string | null; complainantContact: string | null } | null;
  openedOn: string;
  dueDate: string | null;
  closedOn: string | null;
  late: boolean;
  /** Open and past its due date on the programme's today. */
  overdue: boolean;
}

/** What `/pilot records <ref> [kind]` lists, for one reader. */
export interface RecordsList {
  projectId: string;
  ref: string;
  title: string;
  kind: RecordKind | null;
  items: RecordItem[];
  /** The reader may edit (and sees personal data). */
  editor: boolean;
}

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** A stored row as an item; personal data is dropped unless the reader is working-group staff. */
export function toItem(row: SupervisionRecord, today: string, staff: boolean): RecordItem {
  const kind = row.kind as RecordKind;
  const dueDate = iso(row.dueDate);
  return {
    id: row.id,
    kind,
    key: row.key,
    parentKey: row.parentKey,
    status: row.status,
    data: RECORD_DATA[kind].parse(row.data) as Record<string, unknown>,
    personal: staff && row.personal ? PersonalSchema.parse(row.personal) : null,
    openedOn: iso(row.openedOn)!,
    dueDate,
    closedOn: iso(row.closedOn),
    late: row.late,
    overdue: row.closedOn === null && dueDate !== null && dueDate < today,
  };
}

/** A project's supervision records (one kind or all) for one reader. */
export async function listRecords(
  db: Db,
  actor: UserActor,
  ref: string,
  kind: RecordKind | null,
  today: string,
): Promise<RecordsList> {
  const project = await findProjectByRef(db, ref);
  const staff = isWorkingGroup(actor.roles);
  const rows = await recordsOf(db, project.id, kind ?? undefined);
  const order = (r: SupervisionRecord) => RECORD_KINDS.indexOf(r.kind as RecordKind);
  const items = [...rows].sort((a, b) => order(a) - order(b)).map((r) => toItem(r, today, staff));
  return { projectId: project.id, ref: project.ref, title: project.title, kind, items, editor: staff };
}

/** The card's line of counts per kind: how many, how many open, how many late or overdue. */
export interface RecordsSummary {
  kinds: Array<{ kind: RecordKind; total: number; open: number; late: number }>;
}

/**
 * Counts a project's records for the card (no text, no personal data: the card goes to channels). Late: done after
 * its due date, or still open with one of its deadlines missed (`missedKeys`, e.g. complaintResolve:q1).
 */
export async function summariseRecords(
  db: Db,
  projectId: string,
  missedKeys: readonly string[],
): Promise<RecordsSummary> {
  const rows = await recordsOf(db, projectId);
  // An item from the stage evaluation runs on the machine's own clock (rectificationDue, one at a time).
  const overdue = (r: SupervisionRecord) =>
    missedKeys.some((k) => k.endsWith(`:${r.key}`)) ||
    (r.kind === 'rectification' &&
      r.closedOn === null &&
      RECORD_DATA.rectification.parse(r.data).source === 'evaluation' &&
      missedKeys.includes('rectificationDue'));
  const kinds = RECORD_KINDS.map((kind) => {
    const of = rows.filter((r) => r.kind === kind);
    const open = of.filter((r) => r.closedOn === null && kind !== 'finding' && kind !== 'guidance');
    return { kind, total: of.length, open: open.length, late: of.filter((r) => r.late || overdue(r)).length };
  }).filter((k) => k.total > 0);
  return { kinds };
}
