import { type AnyStateMachine, createActor, type Snapshot } from 'xstate';
import type { PilotInput } from '../../machines/pilot.context.ts';
import { PILOT_MACHINE_VERSION, pilotMachine } from '../../machines/pilot.machine.ts';

/** The machines projects run on, by the name stored in Project.machine. */
export const MACHINES = {
  pilot: { machine: pilotMachine, version: PILOT_MACHINE_VERSION },
} as const satisfies Record<string, { machine: AnyStateMachine; version: number }>;
export type MachineName = keyof typeof MACHINES;

/** A new project's first persisted snapshot and the columns derived from it. */
export function startPilotSnapshot(input: PilotInput): {
  snapshot: unknown;
  stage: string;
  status: string;
  version: number;
} {
  const actor = createActor(pilotMachine, { input });
  const snapshot = actor.getSnapshot();
  return { snapshot: actor.getPersistedSnapshot(), version: PILOT_MACHINE_VERSION, ...derivedColumns(snapshot) };
}

/** The queryable columns of a snapshot: its top-level state (the stage) and the machine status. */
export function derivedColumns(snapshot: Snapshot<unknown> & { value?: unknown }): { stage: string; status: string } {
  const value = snapshot.value;
  const stage = typeof value === 'string' ? value : (Object.keys((value ?? {}) as object)[0] ?? 'unknown');
  return { stage, status: snapshot.status };
}
