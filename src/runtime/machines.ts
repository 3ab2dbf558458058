import { type AnyMachineSnapshot, type AnyStateMachine, createActor, type Snapshot } from 'xstate';
import type { z } from 'zod';
import { COACHING_EVENTS, type EventInfo, PILOT_EVENTS } from '../../machines/catalog.ts';
import { type CoachingInput, coachingEventSchemas } from '../../machines/coaching/events.ts';
import { COACHING_MACHINE_VERSION, coachingMachine } from '../../machines/coaching/machine.ts';
import { migrateSnapshot } from '../../machines/migrations.ts';
import type { PilotInput } from '../../machines/pilot/context.ts';
import { pilotEventSchemas } from '../../machines/pilot/events.ts';
import { PILOT_MACHINE_VERSION, pilotMachine } from '../../machines/pilot/machine.ts';

/** A machine the runtime can run: the statechart, its version, its event schemas and catalog. */
export interface MachineEntry {
  machine: AnyStateMachine;
  version: number;
  eventSchemas: Record<string, z.ZodType>;
  events: Record<string, EventInfo>;
}

/** The machines projects run on, by the name stored in Project.machine. */
export const MACHINES = {
  pilot: {
    machine: pilotMachine,
    version: PILOT_MACHINE_VERSION,
    eventSchemas: pilotEventSchemas,
    events: PILOT_EVENTS,
  },
  coaching: {
    machine: coachingMachine,
    version: COACHING_MACHINE_VERSION,
    eventSchemas: coachingEventSchemas,
    events: COACHING_EVENTS,
  },
} as const satisfies Record<string, MachineEntry>;
export type MachineName = keyof typeof MACHINES;

/** The entry for a stored machine name; an unknown name is a data error, not a user's. */
export function machineEntry(name: string): MachineEntry {
  const entry = (MACHINES as Record<string, MachineEntry>)[name];
  if (!entry) throw new Error(`unknown machine ${name}`);
  return entry;
}

/** The first snapshot of a new project and the columns derived from it. */
export function startSnapshot(
  name: 'pilot',
  input: PilotInput,
): { snapshot: unknown; stage: string; status: string; version: number };
export function startSnapshot(
  name: 'coaching',
  input: CoachingInput,
): { snapshot: unknown; stage: string; status: string; version: number };
export function startSnapshot(name: MachineName, input: PilotInput | CoachingInput) {
  const entry = MACHINES[name];
  const actor = createActor(entry.machine as AnyStateMachine, { input });
  return { snapshot: actor.getPersistedSnapshot(), version: entry.version, ...derivedColumns(actor.getSnapshot()) };
}

/**
 * Restores a stored snapshot for a pure transition: migrated to the machine's current version, then restored with
 * createActor (not resolveState, which loses history and children) without starting the actor.
 */
export function restoreSnapshot(name: string, version: number, persisted: unknown): AnyMachineSnapshot {
  const entry = machineEntry(name);
  const migrated = migrateSnapshot(name, version, persisted);
  return createActor(entry.machine, { snapshot: migrated as never }).getSnapshot() as AnyMachineSnapshot;
}

/** The queryable columns of a snapshot: its top-level state (the stage) and the machine status. */
export function derivedColumns(snapshot: Snapshot<unknown> & { value?: unknown }): { stage: string; status: string } {
  const value = snapshot.value;
  const stage = typeof value === 'string' ? value : (Object.keys((value ?? {}) as object)[0] ?? 'unknown');
  return { stage, status: snapshot.status };
}

/** A state value as dot paths (parallel regions joined with commas), for the audit trail. */
export function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => {
      const inner = statePath(v);
      return inner
        ? inner
            .split(',')
            .map((p) => `${k}.${p}`)
            .join(',')
        : k;
    })
    .join(',');
}
