// Seeds bench databases in bulk with SQL (generate_series), so 100,000 projects take seconds, not minutes.
import { createWorkingCalendar } from '../src/calendar/index.ts';
import type { PrismaClient } from '../src/db/client.ts';
import { computeDeadline } from '../src/deadlines/compute-deadline.ts';
import { startSnapshot } from '../src/runtime/machines.ts';

/** The ref of the i-th seeded project. */
export const refOf = (i: number) => `P-B-${String(i).padStart(6, '0')}`;

/** Inserts projects refOf(from)…refOf(to-1) at the pilot machine's start, each with one open deadline. */
export async function seedProjects(prisma: PrismaClient, from: number, to: number): Promise<void> {
  const start = startSnapshot('pilot', { ref: 'P-0', track: 'pilot', title: 'bench', applicants: [], materials: [] });
  const calendar = createWorkingCalendar();
  const computed = computeDeadline({ kind: 'infoDue', key: 'info', rule: 'R-APP-2', basis: '2026-09-16' }, calendar);
  for (let i = from; i < to; i += 10_000) {
    const end = Math.min(to, i + 10_000);
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Project" (id, ref, track, title, intake, machine, "machineVersion", snapshot, stage, status,
         "ownerId", "createdById", "channelId", "updatedAt")
       SELECT gen_random_uuid(), 'P-B-' || lpad(g::text, 6, '0'), 'pilot', 'Bench project ' || g, '{}'::jsonb, 'pilot',
         $3, $4::jsonb, $5, $6, 'U0OWNER' || (g % 50), 'U0STAFF01', 'C0PROJECTS', now()
       FROM generate_series($1::int, $2::int) g`,
      i,
      end - 1,
      start.version,
      JSON.stringify(start.snapshot),
      start.stage,
      start.status,
    );
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Deadline" (id, "projectId", key, kind, rule, clock, responsible, "responsibleUserId", basis, spec,
         "dueDate", "dueAt", explanation, "unknownYears", status, "nextStep", "nextStepAt", "stepsDone", "updatedAt")
       SELECT gen_random_uuid(), p.id, 'info', 'infoDue', 'R-APP-2', 'institution', 'owner', p."ownerId", '2026-09-16',
         $3::jsonb, $4::date, $5::timestamptz + (random() * interval '20 days'), '[]'::jsonb, '{}', 'open',
         'reminder:3', $5::timestamptz + (random() * interval '20 days'), '{}', now()
       FROM "Project" p WHERE p.ref BETWEEN $1 AND $2`,
      refOf(i),
      refOf(end - 1),
      JSON.stringify({ periods: computed.periods, explicitDueDate: null, occurrence: null }),
      computed.dueDate,
      '2026-12-20T00:00:00Z',
    );
  }
}

/**
 * Adds `extra` far-future deadline rows spread over the first projects and marks one deadline of each of `due`
 * projects as an owner escalation that fell due `lateMs` before `now` (what a restart after downtime finds).
 */
export async function seedBacklog(
  prisma: PrismaClient,
  opts: { projects: number; extra: number; due: number; now: Date; lateMs: number },
): Promise<void> {
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Deadline" (id, "projectId", key, kind, rule, clock, responsible, "responsibleUserId", basis, spec,
       "dueDate", "dueAt", explanation, "unknownYears", status, "nextStep", "nextStepAt", "stepsDone", "updatedAt")
     SELECT gen_random_uuid(), d."projectId", 'x' || g, d.kind, d.rule, d.clock, d.responsible, d."responsibleUserId",
       d.basis, d.spec, d."dueDate", d."dueAt", d.explanation, d."unknownYears", 'open', 'reminder:3',
       timestamptz '2027-06-01' + g * interval '1 second', '{}', now()
     FROM generate_series(1, $1::int) g
     JOIN (SELECT *, (row_number() OVER (ORDER BY id) - 1)::int AS rn FROM "Deadline" WHERE key = 'info') d
       ON d.rn = g % $2::int`,
    opts.extra,
    opts.projects,
  );
  await resetBacklog(prisma, opts);
}

/**
 * Puts the `due` backlog rows back to "owner escalation due", so A/B rounds start from the same state: the ladder
 * walked up to the due step (reminders dropped after downtime, the due step taken) two days ago, so each row holds
 * exactly one due step and one message, as each of the bare loop's rows does; the managers' step is still ahead.
 */
export async function resetBacklog(prisma: PrismaClient, opts: { due: number; now: Date; lateMs: number }) {
  await prisma.$executeRawUnsafe(`DELETE FROM "OutboxMessage"`);
  await prisma.$executeRawUnsafe(
    `UPDATE "Deadline" SET status = 'missed', "nextStep" = 'escalation:owner',
       "stepsDone" = '{reminder:3,dropped:reminder:3,reminder:1,dropped:reminder:1,reminder:0,dropped:reminder:0,due}',
       "nextStepAt" = $2::timestamptz - (random() * $3::int) * interval '1 millisecond',
       "dueAt" = $2::timestamptz - interval '2 days', "dueDate" = ($2::timestamptz - interval '2 days')::date
     WHERE key = 'info' AND "projectId" IN (SELECT id FROM "Project" ORDER BY ref LIMIT $1)`,
    opts.due,
    opts.now,
    opts.lateMs,
  );
}
