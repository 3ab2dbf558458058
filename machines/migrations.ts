import type { AnyStateMachine } from 'xstate';
import { COACHING_MACHINE_VERSION, coachingMachine } from './coaching/machine.ts';
import { PILOT_MACHINE_VERSION, pilotMachine } from './pilot/machine.ts';

export type MachineName = 'pilot' | 'coaching';
export type Migration = (snapshot: Record<string, unknown>) => Record<string, unknown>;

const MACHINES: Record<MachineName, { version: number; machine: AnyStateMachine; steps: Record<number, Migration> }> = {
  // steps[n] turns a version-n snapshot into a version-(n+1) one; none yet, version 1 is current.
  pilot: { version: PILOT_MACHINE_VERSION, machine: pilotMachine, steps: {} },
  coaching: { version: COACHING_MACHINE_VERSION, machine: coachingMachine, steps: {} },
};

/** Brings a persisted snapshot of any known version to the current version; a broken or errored snapshot throws. */
export function migrateSnapshot(machineName: string, version: number, persisted: unknown): Record<string, unknown> {
  const entry = MACHINES[machineName as MachineName];
  if (entry === undefined) throw new Error(`unknown machine: ${machineName}`);
  if (!Number.isInteger(version) || version < 1 || version > entry.version) {
    throw new Error(`${machineName} snapshot version ${version} is not between 1 and ${entry.version}`);
  }
  if (typeof persisted !== 'object' || persisted === null) throw new Error(`${machineName} snapshot is not an object`);
  const snapshot = applyMigrations(entry.steps, version, entry.version, persisted as Record<string, unknown>);
  if (snapshot.status === 'error') {
    throw new Error(`${machineName} snapshot is in status 'error': ${JSON.stringify(snapshot.error ?? null)}`);
  }
  if (snapshot.status !== 'active' && snapshot.status !== 'done') {
    throw new Error(`${machineName} snapshot has unknown status ${JSON.stringify(snapshot.status)}`);
  }
  // Throws when the state value names a state the machine does not have.
  entry.machine.resolveState({ value: snapshot.value as never, context: snapshot.context as never });
  return snapshot;
}

/** Applies steps[from], steps[from + 1], … up to the target version; a missing step throws. */
export function applyMigrations(
  steps: Record<number, Migration>,
  from: number,
  to: number,
  persisted: Record<string, unknown>,
): Record<string, unknown> {
  let snapshot = persisted;
  for (let v = from; v < to; v++) {
    const step = steps[v];
    if (step === undefined) throw new Error(`no migration from version ${v}`);
    snapshot = step(snapshot);
  }
  return snapshot;
}

/** The current version of a machine, to store with each persisted snapshot. */
export function currentVersion(machineName: MachineName): number {
  return MACHINES[machineName].version;
}
