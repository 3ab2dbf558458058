// Profiles the transitions figure's app side: `node --cpu-prof --cpu-prof-dir=<dir> --import tsx
// bench/profile-transitions.ts [count]` runs `count` (default 300) `intake.update` events through applyEvent on an
// embedded database and prints the rate; open the .cpuprofile in Chrome DevTools or speedscope.
import { performance } from 'node:perf_hooks';
import { systemClock } from '../src/clock.ts';
import { openDatabase } from '../src/db/client.ts';
import { applyEvent, type EventInput } from '../src/runtime/apply-event.ts';
import { runtimeHooks } from '../src/wiring/runtime-hooks.ts';
import { seedProjects } from './seed.ts';

const count = Number(process.argv[2] ?? 300);
const db = await openDatabase({ engine: 'pglite' });
try {
  await db.migrate();
  await seedProjects(db.prisma, 0, 100);
  const ids = (await db.prisma.project.findMany({ select: { id: true } })).map((p) => p.id);
  const deps = { prisma: db.prisma, clock: systemClock, afterCommit: () => {}, hooks: runtimeHooks };
  const actor = { kind: 'user', userId: 'U0STAFF01', roles: ['staff'] };
  const t0 = performance.now();
  for (let i = 0; i < count; i++)
    await applyEvent(deps, ids[i % ids.length]!, {
      type: 'intake.update',
      actor,
      recordedAt: new Date().toISOString(),
      title: `Profile ${i}`,
    } as EventInput);
  console.log(`${count} transitions, ${(count / ((performance.now() - t0) / 1000)).toFixed(1)}/s`);
} finally {
  await db.close();
}
