// `npm run bench` (full) or `npm run bench -- --quick` (a smoke run under two minutes, smaller sizes): measures Pilot
// Desk against the baselines in bench/baselines/, interleaving A/B rounds in one run because the machine is shared,
// and writes bench/results/<date>-<machine>.json and bench/results/latest.md (a quick run: latest-quick.md, so a smoke
// run never replaces the full table the README quotes). Figures are printed, never asserted.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { systemClock } from '../src/clock.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { buildDigest } from '../src/digests/build-digest.ts';
import { applyEvent, type EventInput } from '../src/runtime/apply-event.ts';
import { CLAIM_AND_LEASE_SQL, CLAIM_DEADLINES_SQL } from '../src/scheduler/claim-deadlines.ts';
import { runTick } from '../src/scheduler/tick.ts';
import type { SlackCaller } from '../src/slack/web-api.ts';
import { runtimeHooks } from '../src/wiring/runtime-hooks.ts';
import { ADMIN, SIGNING_SECRET } from '../test/support/app.ts';
import { type BotProcess, botEnv, startProcess } from '../test/support/bot-process.ts';
import { type FakeSlack, startFakeSlack } from '../test/support/fake-slack.ts';
import { createSlackClient } from '../test/support/slack-client.ts';
import { bareClaimAndSend } from './baselines/bare-claim-loop.ts';
import { plainDigest } from './baselines/plain-sql-digest.ts';
import { rawTransition } from './baselines/raw-prisma-writes.ts';
import { refOf, resetBacklog, seedBacklog, seedProjects } from './seed.ts';

const QUICK = process.argv.includes('--quick');
const PG_ADMIN = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
// Quick mode is a smoke run for CI (under two minutes on an idle 2-core machine): every figure and its baseline are
// still measured and printed, on sizes small enough that seeding and process starts do not dominate.
const S = QUICK
  ? {
      ackProjects: 300,
      ackRequests: 100,
      ackRounds: 2,
      ackWarm: 30,
      concurrency: 50,
      transitions: 30,
      transitionRounds: 2,
      backlogProjects: 300,
      backlogExtra: 2_000,
      backlogDue: 100,
      backlogRounds: 1,
      backlogAckWindowMs: 10_000,
      backlogAckChunk: 50,
      explainRows: 20_000,
      digestProjects: 500,
      digestRounds: 3,
      memory: [100, 1_000],
      idleSettleMs: 1_000,
      firstStartRounds: 1,
      startRounds: 0,
    }
  : {
      ackProjects: 1_000,
      ackRequests: 500,
      ackRounds: 4,
      ackWarm: 100,
      concurrency: 50,
      transitions: 200,
      transitionRounds: 3,
      backlogProjects: 1_000,
      backlogExtra: 100_000,
      backlogDue: 1_000,
      backlogRounds: 2,
      backlogAckWindowMs: 90_000,
      backlogAckChunk: 100,
      explainRows: 1_000_000,
      digestProjects: 10_000,
      digestRounds: 5,
      memory: [100, 10_000, 100_000],
      idleSettleMs: 3_000,
      firstStartRounds: 2,
      startRounds: 2,
    };
// `--variant=NAME=VALUE[,NAME=VALUE]`: the ack rounds also run the app with these settings, interleaved with the
// others, e.g. `--variant=PILOTDESK_HANDLERS_IN_FLIGHT=1000` for the app without decision 021's bound.
const VARIANT = Object.fromEntries(
  (process.argv.find((a) => a.startsWith('--variant='))?.slice(10) ?? '')
    .split(',')
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
) as Record<string, string>;
const VARIANT_LABEL = Object.entries(VARIANT)
  .map(([k, v]) => `${k}=${v}`)
  .join(', ');

/** One line of the results table: a figure for the app, its baseline, and the goal on their ratio. */
interface Row {
  figure: string;
  engine: string;
  app: string;
  baseline: string;
  ratio: number | null;
  goal: string;
  met: boolean | null;
}
const rows: Row[] = [];
const raw: Record<string, unknown> = {};

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const median = (xs: number[]) => percentile(xs, 50);
/** "median (min–max)" of per-round figures. */
const mmm = (xs: number[], digits = 0) =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
const round2 = (x: number) => Math.round(x * 100) / 100;

function record(r: Omit<Row, 'met'> & { limit?: number; atLeast?: boolean }) {
  const met = r.ratio === null || r.limit === undefined ? null : r.atLeast ? r.ratio >= r.limit : r.ratio <= r.limit;
  const row: Row = {
    figure: r.figure,
    engine: r.engine,
    app: r.app,
    baseline: r.baseline,
    ratio: r.ratio,
    goal: r.goal,
    met,
  };
  rows.push(row);
  console.log(
    `  ${r.figure} [${r.engine}]: app ${r.app} | baseline ${r.baseline} | ratio ${r.ratio ?? '-'} (goal ${r.goal})`,
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A process under test on a known port, and how long it took from spawn to its first /healthz 200. */
interface Started {
  proc: BotProcess;
  port: number;
  startMs: number;
}

// The app starts the way `npm start` runs it: the bundle through scripts/start.mjs where the checkout has one, else
// tsx on src/main.ts (older checkouts, for "before" figures). Baselines always run under tsx.
const REPO = path.resolve(import.meta.dirname, '..');
const NPM_START = existsSync(path.join(REPO, 'scripts/start.mjs'))
  ? ['--enable-source-maps', path.join(REPO, 'scripts/start.mjs')]
  : ['--import', import.meta.resolve('tsx'), path.join(REPO, 'src/main.ts')];

async function spawnAndWait(script: string, env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const t0 = performance.now();
  const proc =
    script === 'src/main.ts'
      ? startProcess({ ...env, PORT: String(port) }, [], { node: NPM_START })
      : startProcess({ ...env, PORT: String(port) }, [script]);
  let exited = false;
  void proc.exited(600_000).then(
    () => {
      exited = true;
    },
    () => {},
  );
  for (;;) {
    if (exited) throw new Error(`${script} exited before /healthz answered: ${proc.stderr}${proc.stdout}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return { proc, port, startMs: performance.now() - t0 };
    } catch {
      // Not listening yet.
    }
    if (performance.now() - t0 > 120_000) throw new Error(`${script} did not answer /healthz within 120 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function stopProc(s: Started): Promise<void> {
  s.proc.child.kill('SIGTERM');
  await s.proc.exited(60_000).catch(() => s.proc.child.kill('SIGKILL'));
}

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** Sends `count` `/pilot show` and `/pilot list` commands, `concurrency` in flight; ack and first-reply latencies. */
async function load(fake: FakeSlack, port: number, count: number, concurrency: number, projects: number) {
  const client = createSlackClient({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: SIGNING_SECRET });
  const sentAt = new Map<string, number>();
  const acks: number[] = [];
  let next = 0;
  let failures = 0;
  const epoch = Date.now() - performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const responseUrl = fake.responseUrl();
      const text = i % 2 === 0 ? `show ${refOf((i * 7919) % projects)}` : 'list';
      const t0 = performance.now();
      sentAt.set(responseUrl, t0);
      const res = await client.command({ text, userId: ADMIN, channelId: 'C0PROJECTS', responseUrl });
      if (res.status !== 200) failures++;
      acks.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  // Every command answers through its response_url; wait (bounded) for the last of them.
  const deadline = Date.now() + 30_000;
  const replies = () => fake.responses.filter((r) => sentAt.has(r.url));
  while (new Set(replies().map((r) => r.url)).size < count && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const first = new Map<string, number>();
  for (const r of replies()) {
    const ms = r.at.getTime() - epoch - sentAt.get(r.url)!;
    if (!first.has(r.url) || first.get(r.url)! > ms) first.set(r.url, ms);
  }
  fake.reset();
  return { acks, replies: [...first.values()], missing: count - first.size, failures };
}

async function withPgDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `pilotdesk_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  try {
    return await fn(u.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function pgAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2_000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

// Creating an embedded database and applying the migrations takes seconds of WebAssembly; every embedded figure starts
// from a copy of one folder made so at the start of the run (the first-start figure alone starts from nothing).
let template: string | undefined;
async function migratedFolder(): Promise<string> {
  if (!template) {
    template = mkdtempSync(path.join(os.tmpdir(), 'pilotdesk-bench-template-'));
    const db = await openDatabase({ engine: 'pglite', dataDir: template, role: 'the bench' });
    await db.migrate();
    await db.close();
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pilotdesk-bench-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** An embedded database on a copy of the migrated folder, removed when `fn` is done. */
async function withEmbedded<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const dir = await migratedFolder();
  const db = await openDatabase({ engine: 'pglite', dataDir: dir, role: 'the bench' });
  try {
    return await fn(db);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Creates, migrates and seeds a database on an engine; `storage` is the environment that points the app at it. */
async function prepared<T>(
  engine: 'pglite' | 'postgres',
  seed: (db: Database) => Promise<void>,
  fn: (storage: Record<string, string>) => Promise<T>,
): Promise<T> {
  if (engine === 'postgres')
    return withPgDatabase(async (url) => {
      const db = await openDatabase({ engine: 'postgres', url });
      await db.migrate();
      await seed(db);
      await db.close();
      return fn({ DATABASE_URL: url });
    });
  const dir = await migratedFolder();
  try {
    const db = await openDatabase({ engine: 'pglite', dataDir: dir, role: 'the bench' });
    await seed(db);
    await db.close();
    return await fn({ PILOTDESK_DATA_DIR: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Per-round ack and first-reply figures of one side of the ack rounds. */
interface AckSide {
  p50: number[];
  p99: number[];
  max: number[];
  r50: number[];
  r95: number[];
  missing: number;
}

async function benchAck(fake: FakeSlack, engine: 'pglite' | 'postgres') {
  console.log(`ack and first reply, ${engine}, ${S.ackProjects} projects, concurrency ${S.concurrency}`);
  await prepared(
    engine,
    (db) => seedProjects(db.prisma, 0, S.ackProjects),
    async (storage) => {
      const env = botEnv(fake, storage, { LOG_LEVEL: 'error' });
      const app = await spawnAndWait('src/main.ts', env);
      const bolt = await spawnAndWait('bench/baselines/minimal-bolt.ts', env);
      const sides: [AckSide, Started][] = [];
      const fresh = (): AckSide => ({ p50: [], p99: [], max: [], r50: [], r95: [], missing: 0 });
      const a = fresh();
      const b = fresh();
      const v = fresh();
      // The baseline's rounds interleaved with the variant's (the same as b's unless the variant runs apart).
      const bv = engine === 'pglite' ? fresh() : b;
      sides.push([a, app], [b, bolt]);
      // The variant shares the app's database, so it runs only while the app is stopped (the embedded folder has one
      // owner): each round starts it, measures it and stops it, after the app and the baseline.
      const variant = VARIANT_LABEL ? { ...env, ...VARIANT } : null;
      try {
        // Warm both (JIT, connection pools, caches) before measuring.
        await load(fake, app.port, S.ackWarm, 10, S.ackProjects);
        await load(fake, bolt.port, S.ackWarm, 10, S.ackProjects);
        const measure = async (side: AckSide, port: number) => {
          const out = await load(fake, port, S.ackRequests, S.concurrency, S.ackProjects);
          side.p50.push(percentile(out.acks, 50));
          side.p99.push(percentile(out.acks, 99));
          side.max.push(Math.max(...out.acks));
          side.r50.push(percentile(out.replies, 50));
          side.r95.push(percentile(out.replies, 95));
          side.missing += out.missing + out.failures;
        };
        for (let r = 0; r < S.ackRounds; r++) {
          for (const [side, target] of sides) await measure(side, target.port);
          if (variant && engine === 'postgres') {
            const other = await spawnAndWait('src/main.ts', variant);
            await load(fake, other.port, S.ackWarm, 10, S.ackProjects);
            await measure(v, other.port);
            await stopProc(other);
          }
        }
        if (variant && engine === 'pglite') {
          // One owner per embedded folder: the app stops, then the variant runs its rounds on the same data.
          await stopProc(app);
          const other = await spawnAndWait('src/main.ts', variant);
          try {
            await load(fake, other.port, S.ackWarm, 10, S.ackProjects);
            for (let r = 0; r < S.ackRounds; r++) {
              await measure(v, other.port);
              await measure(bv, bolt.port);
            }
          } finally {
            await stopProc(other);
          }
        }
        raw[`ack-${engine}`] = { app: a, bolt: b, ...(variant ? { variant: v, variantEnv: VARIANT } : {}) };
        const figures: [string, keyof Omit<AckSide, 'missing'>, string, number | undefined][] = [
          ['ack p50 (ms)', 'p50', '≤ 2×', 2],
          ['ack p99 (ms)', 'p99', '≤ 1.5×', 1.5],
          ['ack max (ms)', 'max', '—', undefined],
          ['first reply p50 (ms)', 'r50', '—', undefined],
          ['first reply p95 (ms)', 'r95', '≤ 2×', 2],
        ];
        for (const [figure, key, goal, limit] of figures) {
          record({
            figure,
            engine,
            app: mmm(a[key]),
            baseline: mmm(b[key]),
            ratio: round2(median(a[key]) / median(b[key])),
            goal,
            ...(limit ? { limit } : {}),
          });
          if (variant)
            record({
              figure: `${figure}, app with ${VARIANT_LABEL}`,
              engine,
              app: mmm(v[key]),
              baseline: mmm(bv[key]),
              ratio: round2(median(v[key]) / median(bv[key])),
              goal,
              ...(limit ? { limit } : {}),
            });
        }
        if (a.missing + b.missing + v.missing > 0)
          console.log(
            `  (unanswered: app ${a.missing}, minimal ${b.missing}${variant ? `, variant ${v.missing}` : ''})`,
          );
      } finally {
        if (app.proc.child.exitCode === null) await stopProc(app);
        await stopProc(bolt);
      }
    },
  );
}

async function benchTransitions(engine: 'pglite' | 'postgres') {
  console.log(`transitions through applyEvent vs raw Prisma, ${engine}`);
  await prepared(
    engine,
    (db) => seedProjects(db.prisma, 0, 200),
    async (storage) => {
      const db =
        engine === 'postgres'
          ? await openDatabase({ engine, url: storage.DATABASE_URL! })
          : await openDatabase({ engine, dataDir: storage.PILOTDESK_DATA_DIR!, role: 'the bench' });
      try {
        const ids = (await db.prisma.project.findMany({ select: { id: true }, orderBy: { ref: 'asc' } })).map(
          (p) => p.id,
        );
        const actor = { kind: 'user', userId: 'U0STAFF01', roles: ['staff'] };
        const deps = { prisma: db.prisma, clock: systemClock, afterCommit: () => {}, hooks: runtimeHooks };
        let n = 0;
        const A: number[] = [];
        const B: number[] = [];
        // Separate projects for each side: the raw writes do not keep a machine snapshot the app could restore.
        const rate = async (one: (id: string, k: number) => Promise<unknown>, half: 0 | 1) => {
          const t0 = performance.now();
          for (let i = 0; i < S.transitions; i++) await one(ids[half * 100 + (i % 100)]!, n++);
          return S.transitions / ((performance.now() - t0) / 1000);
        };
        const viaApp = (id: string, k: number) =>
          applyEvent(deps, id, {
            type: 'intake.update',
            actor,
            recordedAt: new Date().toISOString(),
            title: `Bench ${k}`,
          } as EventInput);
        const viaRaw = (id: string, k: number) => rawTransition(db.prisma, id, k);
        await rate(viaApp, 0);
        await rate(viaRaw, 1);
        for (let r = 0; r < S.transitionRounds; r++) {
          A.push(await rate(viaApp, 0));
          B.push(await rate(viaRaw, 1));
        }
        raw[`transitions-${engine}`] = { app: A, raw: B };
        record({
          figure: 'transitions/s',
          engine,
          app: mmm(A, 1),
          baseline: mmm(B, 1),
          ratio: round2(median(A) / median(B)),
          goal: '≥ 0.7×',
          limit: 0.7,
          atLeast: true,
        });
      } finally {
        await db.close();
      }
    },
  );
}

async function benchBacklog(engine: 'pglite' | 'postgres') {
  console.log(`scheduler backlog: ${S.backlogDue} due among ${S.backlogExtra + S.backlogProjects} rows, ${engine}`);
  const now = new Date('2026-03-10T02:00:00Z');
  const opts = { projects: S.backlogProjects, extra: S.backlogExtra, due: S.backlogDue, now, lateMs: 3 * 3_600_000 };
  await prepared(
    engine,
    async (db) => {
      await seedProjects(db.prisma, 0, S.backlogProjects);
      await seedBacklog(db.prisma, opts);
    },
    async (storage) => {
      const db =
        engine === 'postgres'
          ? await openDatabase({ engine, url: storage.DATABASE_URL! })
          : await openDatabase({ engine, dataDir: storage.PILOTDESK_DATA_DIR!, role: 'the bench' });
      let sent = 0;
      const slack: SlackCaller = async () => ({ kind: 'ok', result: { ok: true, ts: `${++sent}.000` } });
      try {
        const A: number[] = [];
        const B: number[] = [];
        for (let r = 0; r < S.backlogRounds; r++) {
          await resetBacklog(db.prisma, opts);
          sent = 0;
          let t0 = performance.now();
          await runTick({ prisma: db.prisma, slack, hooks: runtimeHooks }, now);
          A.push(sent / ((performance.now() - t0) / 1000));
          if (sent < S.backlogDue) console.log(`  (the tick sent ${sent} of ${S.backlogDue})`);
          await resetBacklog(db.prisma, opts);
          sent = 0;
          t0 = performance.now();
          await bareClaimAndSend(db.prisma, slack, now);
          B.push(sent / ((performance.now() - t0) / 1000));
        }
        raw[`backlog-${engine}`] = { app: A, bare: B };
        record({
          figure: 'due steps delivered/s',
          engine,
          app: mmm(A, 1),
          baseline: mmm(B, 1),
          ratio: round2(median(A) / median(B)),
          goal: '≥ 0.5×',
          limit: 0.5,
          atLeast: true,
        });
      } finally {
        await db.close();
      }
    },
  );
}

async function benchAckDuringBacklog(fake: FakeSlack) {
  // PostgreSQL only: the bench must watch the backlog drain while the app process holds the database.
  console.log(`ack during a ${S.backlogDue}-step backlog (PostgreSQL, app process)`);
  const now = new Date();
  const opts = { projects: S.backlogProjects, extra: S.backlogExtra, due: S.backlogDue, now, lateMs: 3 * 3_600_000 };
  await prepared(
    'postgres',
    async (db) => {
      await seedProjects(db.prisma, 0, S.backlogProjects);
      await seedBacklog(db.prisma, opts);
    },
    async (storage) => {
      const watch = new pg.Client({ connectionString: storage.DATABASE_URL! });
      await watch.connect();
      const left = async () =>
        Number(
          (
            await watch.query(
              `SELECT count(*) AS n FROM "Deadline" WHERE key = 'info' AND "nextStep" = 'escalation:owner'`,
            )
          ).rows[0].n,
        );
      const app = await spawnAndWait('src/main.ts', botEnv(fake, storage, { LOG_LEVEL: 'error' }));
      try {
        const during: number[] = [];
        const t0 = performance.now();
        // Bounded: a backlog that does not drain within the window is reported as such, not waited for.
        while ((await left()) > 0 && performance.now() - t0 < S.backlogAckWindowMs)
          during.push(...(await load(fake, app.port, S.backlogAckChunk, S.concurrency, S.backlogProjects)).acks);
        const remaining = await left();
        const drainMs = performance.now() - t0;
        const idle: number[] = [];
        for (let r = 0; r < 3; r++)
          idle.push(...(await load(fake, app.port, S.backlogAckChunk, S.concurrency, S.backlogProjects)).acks);
        raw.ackDuringBacklog = { during, idle, drainMs, remaining };
        record({
          figure: `ack p99 during backlog (ms; ${remaining === 0 ? `drained in ${(drainMs / 1000).toFixed(1)} s` : `${remaining} of ${S.backlogDue} left after ${(drainMs / 1000).toFixed(0)} s`})`,
          engine: 'postgres',
          app: `${percentile(during, 99).toFixed(0)} (n=${during.length})`,
          baseline: `${percentile(idle, 99).toFixed(0)} idle`,
          ratio: during.length ? round2(percentile(during, 99) / percentile(idle, 99)) : null,
          goal: '≤ 1.5× idle',
          limit: 1.5,
        });
      } finally {
        await stopProc(app);
        await watch.end();
      }
    },
  );
}

async function benchExplain() {
  console.log(`claim query plan on ${S.explainRows.toLocaleString('en')} deadline rows (embedded)`);
  await withEmbedded(async (db) => {
    await seedProjects(db.prisma, 0, S.backlogProjects);
    const now = new Date('2026-03-10T02:00:00Z');
    await seedBacklog(db.prisma, {
      projects: S.backlogProjects,
      extra: S.explainRows - S.backlogProjects,
      due: S.backlogDue,
      now,
      lateMs: 3_600_000,
    });
    await db.prisma.$executeRawUnsafe('ANALYZE');
    const plan = (
      await db.prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ANALYZE ${CLAIM_DEADLINES_SQL}`, now, 50)
    ).map((r) => r['QUERY PLAN']);
    // The statement that runs wraps that SELECT in its lease UPDATE; its plan (not executed) must not sort either.
    const leasePlan = (
      await db.prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${CLAIM_AND_LEASE_SQL}`, now, 50, now)
    ).map((r) => r['QUERY PLAN']);
    raw.claimAndLeasePlan = leasePlan;
    const sort = [...plan, ...leasePlan].some((l) => /\bSort\b/.test(l) && !/Sort Key/.test(l));
    const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? Number.NaN);
    raw.claimPlan = plan;
    console.log(plan.map((l) => `    ${l}`).join('\n'));
    record({
      figure: `claim query (${S.explainRows.toLocaleString('en')} rows)`,
      engine: 'pglite',
      app: `${sort ? 'Sort node' : 'no Sort node'}, ${ms.toFixed(1)} ms`,
      baseline: '—',
      ratio: null,
      goal: 'no Sort node',
    });
    rows.at(-1)!.met = !sort;
  });
}

async function benchDigest() {
  console.log(`digest over ${S.digestProjects.toLocaleString('en')} active projects (embedded)`);
  await withEmbedded(async (db) => {
    await seedProjects(db.prisma, 0, S.digestProjects);
    const now = new Date('2026-12-15T01:00:00Z');
    const A: number[] = [];
    const B: number[] = [];
    const time = async (fn: () => Promise<unknown>) => {
      const t0 = performance.now();
      await fn();
      return performance.now() - t0;
    };
    await time(() => buildDigest(db.prisma, now, {}));
    await time(() => plainDigest(db.prisma, now));
    for (let r = 0; r < S.digestRounds; r++) {
      A.push(await time(() => buildDigest(db.prisma, now, {})));
      B.push(await time(() => plainDigest(db.prisma, now)));
    }
    raw.digest = { app: A, sql: B };
    record({
      figure: 'digest build (ms)',
      engine: 'pglite',
      app: mmm(A),
      baseline: mmm(B),
      ratio: round2(median(A) / median(B)),
      goal: '≤ 2×',
      limit: 2,
    });
  });
}

async function benchMemoryAndStart(fake: FakeSlack) {
  console.log(`idle RSS at ${S.memory.join(' / ')} projects and start-up (embedded)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pilotdesk-bench-mem-'));
  const env = botEnv(fake, { PILOTDESK_DATA_DIR: dir }, { LOG_LEVEL: 'error' });
  const idleRss = async (script: string, extra: Record<string, string> = {}) => {
    const s = await spawnAndWait(script, { ...env, ...extra });
    try {
      await load(fake, s.port, 20, 5, 100);
      await new Promise((r) => setTimeout(r, S.idleSettleMs));
      return { rss: rssMB(s.proc.pid), startMs: s.startMs };
    } finally {
      await stopProc(s);
    }
  };
  try {
    // First start: an empty folder, the database created and migrations applied from nothing, beside a bare PGlite
    // creating its folder + minimal Bolt. The first round's folder is the one the memory figures then fill.
    const firstA: number[] = [];
    const firstB: number[] = [];
    for (let r = 0; r < S.firstStartRounds; r++) {
      const appDir = r === 0 ? dir : mkdtempSync(path.join(os.tmpdir(), 'pilotdesk-bench-first-'));
      const bareDir = mkdtempSync(path.join(os.tmpdir(), 'pilotdesk-bench-bare-'));
      try {
        const a = await spawnAndWait('src/main.ts', { ...env, PILOTDESK_DATA_DIR: appDir });
        firstA.push(a.startMs);
        await stopProc(a);
        const b = await spawnAndWait('bench/baselines/minimal-bolt.ts', { ...env, BENCH_PGLITE_DIR: bareDir });
        firstB.push(b.startMs);
        await stopProc(b);
      } finally {
        if (appDir !== dir) rmSync(appDir, { recursive: true, force: true });
        rmSync(bareDir, { recursive: true, force: true });
      }
    }
    raw.firstStart = { app: firstA, bare: firstB };
    raw.firstStartMs = median(firstA);
    let created = 0;
    const laterA: number[] = [];
    const laterB: number[] = [];
    const app: number[] = [];
    const bare: number[] = [];
    for (const n of S.memory) {
      const db = await openDatabase({ engine: 'pglite', dataDir: dir, role: 'the bench' });
      await seedProjects(db.prisma, created, n);
      await db.close();
      created = n;
      const a = await idleRss('src/main.ts');
      const b = await idleRss('bench/baselines/minimal-bolt.ts', { BENCH_PGLITE_DIR: dir });
      app.push(a.rss);
      bare.push(b.rss);
      // These are later starts too (the folder exists and is migrated), side by side: they count with the rounds below.
      laterA.push(a.startMs);
      laterB.push(b.startMs);
      console.log(`  ${n} projects: app ${a.rss.toFixed(0)} MB, bare PGlite + minimal Bolt ${b.rss.toFixed(0)} MB`);
    }
    raw.memory = { sizes: S.memory, app, bare };
    const last = S.memory.length - 1;
    record({
      figure: `idle RSS growth ${S.memory[0]} → ${S.memory[last]!.toLocaleString('en')} projects`,
      engine: 'pglite',
      app: `${app[0]!.toFixed(0)} → ${app[last]!.toFixed(0)} MB`,
      baseline: `${bare[0]!.toFixed(0)} → ${bare[last]!.toFixed(0)} MB`,
      ratio: round2(app[last]! / app[0]!),
      goal: '≤ 1.1×',
      limit: 1.1,
    });
    for (const [i, n] of S.memory.entries())
      record({
        figure: `idle RSS, ${n.toLocaleString('en')} projects (MB)`,
        engine: 'pglite',
        app: app[i]!.toFixed(0),
        baseline: bare[i]!.toFixed(0),
        ratio: round2(app[i]! / bare[i]!),
        goal: '≤ 1.5×',
        limit: 1.5,
      });
    // Later start-up on the folder as it is now, interleaved with a bare PGlite open + minimal Bolt start.
    const A = laterA;
    const B = laterB;
    for (let r = 0; r < S.startRounds; r++) {
      const a = await spawnAndWait('src/main.ts', env);
      A.push(a.startMs);
      await stopProc(a);
      const b = await spawnAndWait('bench/baselines/minimal-bolt.ts', { ...env, BENCH_PGLITE_DIR: dir });
      B.push(b.startMs);
      await stopProc(b);
    }
    raw.start = { app: A, bare: B, firstStartMs: raw.firstStartMs };
    record({
      figure: 'start → /healthz 200, first start on an empty folder (ms)',
      engine: 'pglite',
      app: mmm(firstA),
      baseline: mmm(firstB),
      ratio: round2(median(firstA) / median(firstB)),
      goal: 'reported',
    });
    record({
      figure: 'start → /healthz 200, later start (ms)',
      engine: 'pglite',
      app: mmm(A),
      baseline: mmm(B),
      ratio: round2(median(A) / median(B)),
      goal: '≤ 1.5×',
      limit: 1.5,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${os.hostname()}: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`;
}

function markdown(started: Date, label: string): string {
  const out = [
    `Pilot Desk bench (${QUICK ? 'quick: smaller sizes, a smoke run' : 'full'}), ${started.toISOString()}, ${label}`,
    '',
    `Machine: ${machine()}`,
    '',
    'Each figure: median of interleaved A/B rounds, (min–max) across rounds.',
    '',
    '| figure | engine | app | baseline | ratio | goal | met |',
    '| --- | --- | --: | --: | --: | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.figure} | ${r.engine} | ${r.app} | ${r.baseline} | ${r.ratio ?? '—'} | ${r.goal} | ${r.met === null ? '—' : r.met ? 'yes' : 'no'} |`,
    ),
  ];
  return `${out.join('\n')}\n`;
}

const started = new Date();
let label = 'working tree';
try {
  label = `commit ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()}`;
} catch {
  // Not a git checkout: the label says so.
}
const fake = await startFakeSlack({ defaultTimeoutMs: 30_000 });
const hasPg = await pgAvailable();
if (!hasPg) console.log(`PostgreSQL is not reachable at ${PG_ADMIN}: its figures are skipped.`);
const engines: ('pglite' | 'postgres')[] = hasPg ? ['pglite', 'postgres'] : ['pglite'];
const want = (name: string) => !ONLY || ONLY.includes(name);
const timings: Record<string, number> = {};
const section = async (name: string, fn: () => Promise<void>) => {
  if (!want(name.split(':')[0]!)) return;
  const t0 = performance.now();
  await fn();
  timings[name] = Math.round((performance.now() - t0) / 1000);
  console.log(`  (${name}: ${timings[name]} s)`);
};
try {
  for (const e of engines) await section(`ack:${e}`, () => benchAck(fake, e));
  for (const e of engines) await section(`transitions:${e}`, () => benchTransitions(e));
  for (const e of engines) await section(`backlog:${e}`, () => benchBacklog(e));
  if (hasPg) await section('backlog:ack', () => benchAckDuringBacklog(fake));
  await section('explain', benchExplain);
  await section('digest', benchDigest);
  await section('memory', () => benchMemoryAndStart(fake));
} finally {
  await fake.close();
  if (template) rmSync(template, { recursive: true, force: true });
}
const outDir = path.join(import.meta.dirname, 'results');
mkdirSync(outDir, { recursive: true });
const stamp = started.toISOString().slice(0, 16).replace(/[:T]/g, '-');
const base = `${stamp}-${os.hostname()}${QUICK ? '-quick' : ''}${process.env.BENCH_LABEL ? `-${process.env.BENCH_LABEL}` : ''}`;
const md = markdown(started, process.env.BENCH_LABEL ? `${label} (${process.env.BENCH_LABEL})` : label);
writeFileSync(
  path.join(outDir, `${base}.json`),
  `${JSON.stringify({ started, quick: QUICK, label, machine: machine(), sizes: S, timings, rows, raw }, null, 2)}\n`,
);
const latest = QUICK ? 'latest-quick.md' : 'latest.md';
writeFileSync(path.join(outDir, latest), md);
console.log(`\n${md}`);
console.log(
  `written: bench/results/${base}.json and bench/results/${latest} (${((Date.now() - started.getTime()) / 1000).toFixed(0)} s)`,
);
