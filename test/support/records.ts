import { afterAll, beforeAll } from 'vitest';
import type { Actor } from '../../machines/shared/actor.ts';
import { fixedClock } from '../../src/clock.ts';
import { type ApplyEventDeps, applyEvent, type EventInput } from '../../src/runtime/apply-event.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { staffA, toPiloting } from './machines.ts';
import { insertProjectAt } from './projects.ts';

/**
 * A database of piloting projects for the supervision records' tests (opened before, closed after the file), the
 * change path with the app's own hooks, and readers of the rows and deadlines the records write.
 */
export function recordsBench(prefix: string) {
  let db: TestDatabase;
  const clock = fixedClock('2024-06-03T04:00:00Z');
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });
  const deps = (): ApplyEventDeps => ({ prisma: db.prisma, clock, afterCommit: () => {}, hooks: runtimeHooks });
  let n = 0;
  return {
    clock,
    deps,
    db: () => db,
    /** A new project in its piloting stage (launched 2024-04-15). */
    piloting: () => {
      const s = toPiloting();
      const ref = `${prefix}-${String(++n).padStart(3, '0')}`;
      return insertProjectAt(db.prisma, { ...s, context: { ...s.context, ref } } as never);
    },
    /** Applies one event (as staff A unless told), recorded at the clock's instant (set first when given). */
    act: (projectId: string, type: string, payload: Record<string, unknown>, at?: string, actor: Actor = staffA) => {
      if (at) clock.set(at);
      const event = { type, actor, recordedAt: clock.now().toISOString(), ...payload } as EventInput;
      return applyEvent(deps(), projectId, event);
    },
    rows: (projectId: string, kind: string) =>
      db.prisma.supervisionRecord.findMany({ where: { projectId, kind }, orderBy: { key: 'asc' } }),
    row: (projectId: string, kind: string, key: string) =>
      db.prisma.supervisionRecord.findUniqueOrThrow({ where: { projectId_kind_key: { projectId, kind, key } } }),
    deadline: (projectId: string, key: string) =>
      db.prisma.deadline.findUniqueOrThrow({ where: { projectId_key: { projectId, key } } }),
  };
}

/** A stored date column as YYYY-MM-DD (or null). */
export const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
