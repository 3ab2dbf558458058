import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, type AnyStateMachine, createActor, transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { COACHING_STATES, PILOT_STATES } from '../../machines/catalog.ts';
import { COACHING_MACHINE_VERSION } from '../../machines/coaching/machine.ts';
import { migrateSnapshot } from '../../machines/migrations.ts';
import { PILOT_MACHINE_VERSION } from '../../machines/pilot/machine.ts';
import { coachingInput, coachingMachine, pilotInput, pilotMachine } from '../support/machines.ts';
import { coachingEvents, pathToFinal, pilotEvents, serializeCoaching, serializePilot } from './model.ts';

interface Setup {
  name: 'pilot' | 'coaching';
  machine: AnyStateMachine;
  version: number;
  input: unknown;
  events: (s: AnyMachineSnapshot) => Array<{ type: string }>;
  serialize: (s: AnyMachineSnapshot) => string;
  states: Record<string, unknown>;
}

const SETUPS: Setup[] = [
  {
    name: 'pilot',
    machine: pilotMachine,
    version: PILOT_MACHINE_VERSION,
    input: pilotInput(),
    events: pilotEvents,
    serialize: serializePilot,
    states: PILOT_STATES,
  },
  {
    name: 'coaching',
    machine: coachingMachine,
    version: COACHING_MACHINE_VERSION,
    input: coachingInput(),
    events: coachingEvents,
    serialize: serializeCoaching,
    states: COACHING_STATES,
  },
];

/** 'piloting.active' for { piloting: 'active' }. */
const leafId = (value: unknown): string =>
  typeof value === 'string' ? value : (Object.entries(value as object).map(([k, v]) => `${k}.${leafId(v)}`)[0] ?? '');
const step = (s: AnyMachineSnapshot, e: { type: string }) => transition(s.machine, s, e as never)[0];
const roundTrip = (machine: AnyStateMachine, s: AnyMachineSnapshot) => {
  const actor = createActor(machine, { snapshot: s });
  const json = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
  return createActor(machine, { snapshot: json }).getSnapshot() as AnyMachineSnapshot;
};
const leafStates = (states: Record<string, unknown>) =>
  Object.keys(states).filter((id) => !Object.keys(states).some((other) => other.startsWith(`${id}.`)));

for (const setup of SETUPS) {
  const paths = getShortestPaths(setup.machine, {
    input: setup.input,
    events: setup.events as never,
    serializeState: setup.serialize as never,
  });
  const byLeaf = new Map<string, (typeof paths)[number]>();
  for (const path of paths) {
    const id = leafId(path.state.value);
    const known = byLeaf.get(id);
    if (!known || path.steps.length < known.steps.length) byLeaf.set(id, path);
  }
  const fixtureDir = fileURLToPath(new URL(`./fixtures/${setup.name}-v${setup.version}/`, import.meta.url));

  describe(`${setup.name} machine, model-based`, () => {
    it('every state in the catalog is reachable', () => {
      expect([...byLeaf.keys()].sort()).toEqual(leafStates(setup.states).sort());
    });

    it('every final state is reachable and ends the actor', () => {
      const finals = Object.keys(setup.machine.root.states).filter(
        (k) => setup.machine.root.states[k]?.type === 'final',
      );
      expect(finals.length).toBeGreaterThan(0);
      for (const id of finals) expect(byLeaf.get(id)?.state.status).toBe('done');
    });

    it('no non-final state is a dead end', () => {
      for (const path of paths) {
        if (path.state.status !== 'done')
          expect(setup.events(path.state).length, leafId(path.state.value)).toBeGreaterThan(0);
      }
    });

    it('each shortest path replays through a JSON round trip of the persisted snapshot to the same state', () => {
      for (const path of byLeaf.values()) {
        let s = createActor(setup.machine, { input: setup.input }).getSnapshot() as AnyMachineSnapshot;
        for (const { event } of path.steps) {
          if (event.type.startsWith('xstate.')) continue;
          s = step(roundTrip(setup.machine, s), event);
        }
        expect(roundTrip(setup.machine, s).value).toEqual(path.state.value);
        expect(setup.serialize(roundTrip(setup.machine, s))).toBe(setup.serialize(path.state));
      }
    });

    it('committed fixtures exist for every reached state, restore through migrateSnapshot and continue to a final state', () => {
      if (process.env.UPDATE_FIXTURES === '1') {
        mkdirSync(fixtureDir, { recursive: true });
        for (const [id, path] of byLeaf) {
          const snapshot = createActor(setup.machine, { snapshot: path.state }).getPersistedSnapshot();
          const record = { machine: setup.name, version: setup.version, snapshot };
          writeFileSync(`${fixtureDir}${id}.json`, `${JSON.stringify(record, null, 2)}\n`);
        }
      }
      const files = existsSync(fixtureDir) ? readdirSync(fixtureDir).filter((f) => f.endsWith('.json')) : [];
      expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...byLeaf.keys()].sort());
      for (const file of files) {
        const record = JSON.parse(readFileSync(`${fixtureDir}${file}`, 'utf8'));
        const migrated = migrateSnapshot(record.machine, record.version, record.snapshot);
        const restored = createActor(setup.machine, {
          snapshot: migrated as never,
        }).getSnapshot() as AnyMachineSnapshot;
        expect(leafId(restored.value)).toBe(file.replace(/\.json$/, ''));
        const path = pathToFinal(restored, setup.events, setup.serialize, step);
        expect(path, file).not.toBeNull();
        const end = (path ?? []).reduce(step, restored);
        expect(end.status, file).toBe('done');
      }
    });
  });
}

describe('migrateSnapshot', () => {
  const fixture = () =>
    JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/pilot-v1/intake.json', import.meta.url)), 'utf8'));

  it('restores a version-1 snapshot unchanged', () => {
    const record = fixture();
    expect(migrateSnapshot('pilot', 1, record.snapshot)).toEqual(record.snapshot);
  });

  it('fails loudly on a snapshot whose status is error', () => {
    const record = fixture();
    expect(() => migrateSnapshot('pilot', 1, { ...record.snapshot, status: 'error', error: 'boom' })).toThrow(
      /error.*boom/,
    );
  });

  it('refuses unknown machines, versions, statuses, shapes and state values', () => {
    const { snapshot } = fixture();
    expect(() => migrateSnapshot('other', 1, snapshot)).toThrow(/unknown machine/);
    expect(() => migrateSnapshot('pilot', 2, snapshot)).toThrow(/version 2/);
    expect(() => migrateSnapshot('pilot', 0, snapshot)).toThrow(/version 0/);
    expect(() => migrateSnapshot('pilot', 1.5, snapshot)).toThrow(/version 1.5/);
    expect(() => migrateSnapshot('pilot', 1, null)).toThrow(/not an object/);
    expect(() => migrateSnapshot('pilot', 1, { ...snapshot, status: 'stopped' })).toThrow(/unknown status/);
    expect(() => migrateSnapshot('pilot', 1, { ...snapshot, value: 'nowhere' })).toThrow();
    expect(migrateSnapshot('coaching', 1, { ...snapshot, value: 'intake', status: 'done' }).status).toBe('done');
  });
});
