// `node --expose-gc --import tsx bench/timers-and-memory.ts` (or `npx tsx --expose-gc bench/timers-and-memory.ts`):
// creates 100, 1,000 and 10,000 projects with open deadlines in an in-memory PGlite database, runs scheduler ticks,
// and prints the process's active handles and timers and its heap after GC for each N. Nothing in the process holds
// a timer or an object per project, so the figures should not grow with N (issue 4, "Done when").

import { createWorkingCalendar } from '../src/calendar/index.ts';
import { openDatabase, type Prisma } from '../src/db/client.ts';
import { computeDeadline } from '../src/deadlines/compute-deadline.ts';
import { planSteps } from '../src/deadlines/steps.ts';
import { startSnapshot } from '../src/runtime/machines.ts';
import { runTick } from '../src/scheduler/tick.ts';
import type { SlackCaller } from '../src/slack/web-api.ts';
import { runtimeHooks } from '../src/wiring/runtime-hooks.ts';

const SIZES = [100, 1_000, 10_000];
const TICKS = 5;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('run with --expose-gc for heap figures after GC');

// Slack answers ok at once: the bench measures the scheduler, not the network.
let sent = 0;
const slack: SlackCaller = async () => {
  sent++;
  return { kind: 'ok', result: { ok: true, ts: `${sent}.000` } };
};

const calendar = createWorkingCalendar();
const db = await openDatabase({ engine: 'pglite' });
await db.migrate();
const prisma = db.prisma;
const start = startSnapshot('pilot', { ref: 'P-0', track: 'pilot', title: 'bench', applicants: [], materials: [] });
// Round r ticks on 9 + r March 2026 (working days) from 10:00 Shanghai, an hour apart.
const T0 = Date.parse('2026-03-09T02:00:00Z');

async function addProjects(from: number, to: number): Promise<void> {
  for (let i = from; i < to; i += 1_000) {
    const refs = Array.from({ length: Math.min(1_000, to - i) }, (_, k) => `P-B-${String(i + k).padStart(6, '0')}`);
    await prisma.project.createMany({
      data: refs.map((ref) => ({
        ref,
        track: 'pilot',
        title: ref,
        intake: {},
        machine: 'pilot',
        machineVersion: start.version,
        snapshot: start.snapshot as Prisma.InputJsonValue,
        stage: start.stage,
        status: start.status,
        ownerId: 'U0OWNER01',
        createdById: 'U0STAFF01',
        channelId: 'C0PROJECTS',
      })),
    });
    const projects = await prisma.project.findMany({ where: { ref: { in: refs } }, select: { id: true, ref: true } });
    await prisma.deadline.createMany({
      data: projects.map((p, k) => {
        // One project in a hundred has a reminder due during the ticks; the rest fall due months later.
        const dueDate = (i + k) % 100 === 0 ? '2026-03-12' : '2026-09-30';
        const computed = computeDeadline(
          { kind: 'infoDue', key: 'info', rule: 'R-APP-2', basis: calendar.addWorkingDays(dueDate, -10) },
          calendar,
        );
        const [first] = planSteps(
          { kind: 'infoDue', clock: 'institution', dueDate: computed.dueDate, dueAt: computed.dueAt, hourly: false },
          calendar,
        );
        return {
          projectId: p.id,
          key: 'info',
          kind: 'infoDue',
          rule: 'R-APP-2',
          clock: 'institution',
          responsible: 'owner',
          responsibleUserId: 'U0OWNER01',
          basis: calendar.addWorkingDays(dueDate, -10),
          spec: {
            periods: computed.periods,
            explicitDueDate: null,
            occurrence: null,
          } as unknown as Prisma.InputJsonValue,
          dueDate: new Date(`${computed.dueDate}T00:00:00Z`),
          dueAt: new Date(computed.dueAt),
          explanation: computed.explanations as unknown as Prisma.InputJsonValue,
          unknownYears: [],
          nextStep: first!.step,
          nextStepAt: new Date(first!.at),
          stepsDone: [],
        };
      }),
    });
  }
}

function measure() {
  gc?.();
  gc?.();
  const resources = process.getActiveResourcesInfo();
  return {
    handles: resources.length,
    timers: resources.filter((r) => r === 'Timeout' || r === 'Immediate').length,
    heapUsedMB: Math.round((process.memoryUsage().heapUsed / 1_048_576) * 10) / 10,
  };
}

const rows: Record<string, unknown>[] = [];
let created = 0;
for (const [round, n] of SIZES.entries()) {
  await addProjects(created, n);
  created = n;
  // Each round ticks hourly from 10:00 on the next working morning, so the 1 % due get their reminder step.
  const before = sent;
  for (let t = 0; t < TICKS; t++)
    await runTick({ prisma, slack, hooks: runtimeHooks }, new Date(T0 + round * 86_400_000 + t * 3_600_000));
  rows.push({
    projects: n,
    openDeadlines: await prisma.deadline.count({ where: { status: { in: ['open', 'missed'] } } }),
    messagesThisRound: sent - before,
    ...measure(),
  });
}
console.table(rows);
console.log('active resources at the end:', process.getActiveResourcesInfo().join(', ') || '(none)');
await db.close();
