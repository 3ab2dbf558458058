import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import type { ScheduleDeadlineParams } from '../../machines/shared/settings.ts';
import { fixedClock } from '../../src/clock.ts';
import { type Database, openDatabase, type PrismaClient } from '../../src/db/client.ts';
import { loadCalendar } from '../../src/deadlines/load-calendar.ts';
import { syncDeadlines } from '../../src/deadlines/sync-deadlines.ts';
import { applyEvent, type EventInput } from '../../src/runtime/apply-event.ts';
import { runTick, type TickDeps, type TickReport } from '../../src/scheduler/tick.ts';
import { createSlackCaller, type SlackCaller } from '../../src/slack/web-api.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import {
  createPostgresDatabase,
  createTestDatabase,
  dropPostgresDatabase,
  TEST_ENGINE,
  type TestDatabase,
} from './db.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';
import { cev, coachingInput, staffA, staffB } from './machines.ts';
import { insertProject } from './projects.ts';

/** A database that can be closed and opened again on the same data, as a restarted process would. */
export interface RestartableDatabase {
  db: Database;
  url: string | null;
  restart(): Promise<Database>;
  dispose(): Promise<void>;
}

/** A fresh migrated database on this run's engine that survives a restart (PGlite on disk, or a PostgreSQL db). */
export async function restartableDatabase(): Promise<RestartableDatabase> {
  if (TEST_ENGINE === 'postgres') {
    const url = await createPostgresDatabase();
    const handle: RestartableDatabase = {
      db: await openDatabase({ engine: 'postgres', url, poolSize: 4 }),
      url,
      async restart() {
        await handle.db.close();
        handle.db = await openDatabase({ engine: 'postgres', url, poolSize: 4 });
        return handle.db;
      },
      async dispose() {
        await handle.db.close();
        await dropPostgresDatabase(url);
      },
    };
    return handle;
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-restart-'));
  const dump = new Blob([readFileSync(inject('pgliteTemplate'))]);
  const handle: RestartableDatabase = {
    db: await openDatabase({ engine: 'pglite', dataDir, loadDataDir: dump }),
    url: null,
    async restart() {
      await handle.db.close();
      handle.db = await openDatabase({ engine: 'pglite', dataDir });
      return handle.db;
    },
    async dispose() {
      await handle.db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** Applies events through the runtime as of `at`; each must be accepted. */
export async function drive(prisma: PrismaClient, projectId: string, at: string, ...events: unknown[]) {
  const deps = { prisma, clock: fixedClock(at), afterCommit: () => {}, hooks: runtimeHooks };
  for (const e of events) await applyEvent(deps, projectId, { ...(e as EventInput), recordedAt: at });
}

/** A coaching project driven through selection and the CSRC to its coaching period, notice published `publishedOn`. */
export async function coachingInCoaching(prisma: PrismaClient, ref: string, publishedOn: string, at: string) {
  const p = await insertProject(prisma, { ...coachingInput({ ref }), track: 'coaching' });
  const before = new Date(Date.parse(`${publishedOn}T00:00:00Z`) - 20 * 86_400_000).toISOString().slice(0, 10);
  await drive(
    prisma,
    p.id,
    at,
    cev('coaching.submit', staffA, { factDate: before }),
    cev('decision.propose', staffA, { decisionKind: 'selectionPass' }),
    cev('decision.confirm', staffB),
    cev('csrc.forwarded', staffA, { factDate: before }),
    cev('csrc.evaluationRecorded', staffA, { factDate: before, outcome: 'passed', letterRef: 'L-1' }),
    cev('notice.published', staffA, { factDate: publishedOn }),
  );
  return p;
}

/** Schedules deadlines on a project exactly as the runtime does for a machine's scheduleDeadline effect. */
export async function schedule(
  prisma: PrismaClient,
  project: { id: string; ownerId?: string },
  ...params: ScheduleDeadlineParams[]
) {
  await prisma.$transaction(async (tx) => {
    const calendar = await loadCalendar(tx);
    await syncDeadlines(
      tx,
      { id: project.id, ownerId: project.ownerId ?? 'U0OWNER01' },
      params.map((p) => ({ type: 'scheduleDeadline' as const, params: p })),
      calendar,
      new Date(),
    );
  });
  return prisma.deadline.findMany({ where: { projectId: project.id, key: { in: params.map((p) => p.key) } } });
}

/** Shanghai 09:00 etc. as a UTC Date. */
export function sh(date: string, hour = 9, minute = 0): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
}

/** The Shanghai date and hour of an instant. */
export function local(at: Date): { date: string; hour: number } {
  const shifted = new Date(at.getTime() + 8 * 3_600_000);
  return { date: shifted.toISOString().slice(0, 10), hour: shifted.getUTCHours() };
}

/** How a test file's scheduler set-up differs from the next one's. */
export interface TickBenchOptions {
  /** The bot token the scheduler's Slack caller sends. */
  token: string;
  /** Channels the bot is invited to, as the README's set-up says (fake Slack refuses the others). */
  channels?: readonly string[];
  /** Each recipient's language, as the server resolves it; left to the scheduler's default when absent. */
  langFor?: TickDeps['langFor'];
}

/** A test file's migrated database, fake Slack and scheduler tick; `db` and `fake` exist once beforeAll has run. */
export interface TickBench {
  readonly db: TestDatabase;
  readonly fake: FakeSlack;
  /** One scheduler tick at `at` with the runtime's hooks; any error it reports fails the test. */
  tick(at: Date): Promise<TickReport>;
}

/**
 * Registers the scheduler tests' set-up: the database and fake Slack opened once for the file and closed after it,
 * and before each test no outbox row, deadline or digest subscription left and fake Slack's record cleared.
 */
export function useTickBench(options: TickBenchOptions): TickBench {
  let db: TestDatabase | undefined;
  let fake: FakeSlack | undefined;
  let slack: SlackCaller | undefined;
  // Read before beforeAll ran, the set-up is broken: say so instead of failing later on undefined.
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useTickBench: ${name} is read before beforeAll ran`);
    return value;
  };
  beforeAll(async () => {
    db = await createTestDatabase();
    fake = await startFakeSlack();
    for (const channel of options.channels ?? []) fake.inviteBot(channel);
    slack = createSlackCaller(options.token, fake.apiUrl);
  });
  afterAll(async () => {
    await fake?.close();
    await db?.close();
  });
  beforeEach(async () => {
    const { prisma } = ready(db, 'the database');
    await prisma.outboxMessage.deleteMany();
    await prisma.deadline.deleteMany();
    await prisma.digestSubscription.deleteMany();
    ready(fake, 'fake Slack').reset();
  });
  return {
    get db() {
      return ready(db, 'the database');
    },
    get fake() {
      return ready(fake, 'fake Slack');
    },
    tick: (at) =>
      runTick(
        {
          prisma: ready(db, 'the database').prisma,
          slack: ready(slack, 'the Slack caller'),
          hooks: runtimeHooks,
          ...(options.langFor ? { langFor: options.langFor } : {}),
          onError: (e) => {
            throw e;
          },
        },
        at,
      ),
  };
}
