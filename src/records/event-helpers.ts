import { shanghaiDateOf } from '../../machines/shared/events-common.ts';
import type { EventInput } from '../runtime/types.ts';
import { RECORD_DATA, type RecordData, type RecordKind } from './kinds.ts';
import type { DeadlineProject } from './own-deadlines.ts';
import { type Db, recordByKey, type SupervisionRecord } from './repository.ts';

/** An event as the records read it: the machine's own event, already validated by its schema. */
export type Ev = EventInput & Record<string, unknown>;

/** Where the change happens: the project, the instant, and whether the machine is final (after conversion). */
export interface RecordScope {
  project: DeadlineProject;
  now: Date;
  /** After conversion the machine schedules nothing: the records keep the complaint and first-report clocks. */
  ownClocks: boolean;
}

/** A field of the event as text (the schema already checked it). */
export const str = (e: Ev, f: string) => String(e[f] ?? '');
/** Who sent the event, when a person did. */
export const actorOf = (e: Ev) => (e.actor.kind === 'user' ? e.actor.userId : null);
/** The fact's date of the event, else the Shanghai day it was recorded. */
export const factOf = (e: Ev) => e.factDate ?? shanghaiDateOf(e.recordedAt);

/** A record row with its data parsed by its kind's schema, or null. */
export async function load<K extends RecordKind>(tx: Db, projectId: string, kind: K, key: string) {
  const row = await recordByKey(tx, projectId, kind, key);
  return row ? { row, data: RECORD_DATA[kind].parse(row.data) as RecordData<K> } : null;
}

/** Writes one machine event's records in the change's transaction; returns the rows it touched. */
export type Handler = (tx: Db, scope: RecordScope, e: Ev) => Promise<SupervisionRecord[]>;
