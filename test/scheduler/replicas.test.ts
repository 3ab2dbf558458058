import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/index.ts';
import type { Prisma } from '../../src/db/client.ts';
import { subscribeDigest } from '../../src/digests/subscribe-digest.ts';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/db.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { manager, pilotInput } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';
import { schedule, sh } from '../support/scheduler.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const calendar = createWorkingCalendar();
const N = 1_000;
let db: TestDatabase;
let fake: FakeSlack;

beforeAll(async () => {
  if (TEST_ENGINE !== 'postgres') return;
  db = await createTestDatabase();
  fake = await startFakeSlack({ defaultTimeoutMs: 60_000 });
  // The managers' digest channel, with the bot invited (the fake refuses channels the bot is not in, as Slack does).
  fake.createChannel('C0MANAGERS', { name: 'managers', botMember: true });
});
afterAll(async () => {
  await fake?.close();
  await db?.close();
});

/** Runs `npm run tick`'s script in its own process; resolves with its exit code and output (bounded by a timeout). */
function tickProcess(
  at: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/tick.ts', '--at', at], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tick process timed out: ${stderr}`));
    }, 120_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('several scheduler processes on one database', () => {
  it.skipIf(TEST_ENGINE !== 'postgres')(
    'four tick processes started together share 1,000 due reminders: exactly 1,000 messages, 1,000 distinct keys, one digest (PostgreSQL only: PGlite serves one process)',
    async () => {
      // 1,000 projects, each with a deadline whose first reminder fell due this morning at 09:00.
      const first = await insertProject(db.prisma, { ...pilotInput({ ref: 'P-2026-0000' }), track: 'pilot' });
      const template = await db.prisma.project.findUniqueOrThrow({ where: { id: first.id } });
      const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = template;
      await db.prisma.project.createMany({
        data: Array.from({ length: N - 1 }, (_, i) => ({
          ...fields,
          ref: `P-2026-${String(i + 1).padStart(4, '0')}`,
          intake: fields.intake as Prisma.InputJsonValue,
          snapshot: fields.snapshot as Prisma.InputJsonValue,
        })),
      });
      const [row] = await schedule(db.prisma, first, {
        kind: 'infoDue',
        key: 'info',
        rule: 'R-APP-2',
        basis: calendar.addWorkingDays('2026-03-12', -10),
      });
      const { id: _d, projectId: _p, createdAt: _dc, updatedAt: _du, ...deadline } = row!;
      const others = await db.prisma.project.findMany({ where: { id: { not: first.id } }, select: { id: true } });
      await db.prisma.deadline.createMany({
        data: others.map((p) => ({
          ...deadline,
          projectId: p.id,
          spec: deadline.spec as Prisma.InputJsonValue,
          explanation: deadline.explanation as Prisma.InputJsonValue,
        })),
      });
      expect(await db.prisma.deadline.count({ where: { nextStep: 'reminder:3' } })).toBe(N);
      await subscribeDigest(db.prisma, 'C0MANAGERS', {}, manager);

      const env = {
        DATABASE_URL: db.url!,
        SLACK_BOT_TOKEN: 'xoxb-replica',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_API_URL: fake.apiUrl,
      };
      const at = sh('2026-03-09', 10).toISOString();
      const results = await Promise.all([1, 2, 3, 4].map(() => tickProcess(at, env)));
      for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });

      const posts = fake.callsTo('chat.postMessage');
      const reminders = posts.filter((c) => c.args.channel === 'U0OWNER01');
      expect(reminders).toHaveLength(N);
      const refs = reminders.map((c) => /\*(P-2026-\d{4})\*/.exec(String(c.args.text))?.[1]);
      expect(new Set(refs).size).toBe(N);
      expect(posts.filter((c) => c.args.channel === 'C0MANAGERS')).toHaveLength(1);
      const outbox = await db.prisma.outboxMessage.findMany({ select: { key: true, status: true, attempts: true } });
      expect(outbox.filter((o) => o.key.startsWith('reminder:'))).toHaveLength(N);
      expect(new Set(outbox.map((o) => o.key)).size).toBe(N + 1);
      expect(outbox.every((o) => o.status === 'sent' && o.attempts === 1)).toBe(true);
      // The work was shared: each process reports what it did, and the reports add up.
      const reports = results.map(
        (r) =>
          JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
            deadlines: { messages: number };
            outbox: { sent: number };
            digests: number;
          },
      );
      expect(reports.reduce((s, r) => s + r.deadlines.messages, 0)).toBe(N);
      expect(reports.reduce((s, r) => s + r.outbox.sent, 0)).toBe(N + 1);
      expect(reports.reduce((s, r) => s + r.digests, 0)).toBeLessThanOrEqual(4);
    },
    240_000,
  );
});
