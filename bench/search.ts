// `node --import tsx bench/search.ts [--postgres <url>]`: /pilot search on 10,000 projects (decision 026). Builds the
// projects with Chinese titles, applicants and credit codes, then times the first index build (every project) and
// searches on a warm index: a title word, a company name in another form, a credit code, and a miss.
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../src/clock.ts';
import { openDatabase } from '../src/db/client.ts';
import { refreshSearchIndex, searchProjects } from '../src/search/search-projects.ts';

const N = 10_000;
const pgIndex = process.argv.indexOf('--postgres');
const db = await openDatabase(
  pgIndex > 0 ? { engine: 'postgres', url: process.argv[pgIndex + 1]!, poolSize: 2 } : { engine: 'pglite' },
);
await db.migrate();
const prisma = db.prisma;
const clock = fixedClock('2026-12-01T02:00:00Z');
const actor = { kind: 'user' as const, userId: 'U0BENCH', roles: ['staff' as const] };
const words = ['数据', '链上', '智能', '投顾', '风控', '托管', '清算', '跨境', '绿色', '普惠', '量化', '存证'];

await prisma.$executeRawUnsafe(`DELETE FROM "ProjectSearch"`);
const t0 = performance.now();
for (let start = 0; start < N; start += 1000) {
  await prisma.project.createMany({
    data: Array.from({ length: 1000 }, (_, k) => {
      const i = start + k;
      const word = (j: number) => words[(i * 7 + j) % words.length]!;
      return {
        ref: `P-2030-${String(i + 1).padStart(5, '0')}`,
        track: 'pilot',
        title: `${word(0)}${word(1)}创新试点项目 ${i}`,
        intake: {},
        machine: 'pilot',
        machineVersion: 1,
        snapshot: {
          context: {
            applicants: [
              {
                name: `上海${word(2)}${word(3)}科技${i}股份有限公司`,
                uscc: `91310000MA${String(i).padStart(7, '0')}X`,
                lead: true,
              },
              { name: `${word(4)}证券有限公司`, uscc: `91310000MB${String(i).padStart(7, '0')}Y`, lead: false },
            ],
            comments: { c1: { summary: `公众意见：关于${word(5)}的风险提示`, disposition: null } },
          },
        },
        stage: 'screening',
        status: 'active',
        ownerId: 'U0BENCH',
        createdById: 'U0BENCH',
      };
    }),
  });
}
const seeded = performance.now() - t0;
const deps = { prisma, clock };
const t1 = performance.now();
const indexed = await refreshSearchIndex(deps);
const build = performance.now() - t1;
const queries = ['智能投顾', '投顾风控科技4711有限公司', '91310000MA0004711X', 'ｚｚｚ不存在'];
const figures: Record<string, { ms: number; total: number }> = {};
for (const q of queries) {
  await searchProjects(deps, actor, q);
  const runs: number[] = [];
  let total = 0;
  for (let r = 0; r < 5; r++) {
    const s = performance.now();
    total = (await searchProjects(deps, actor, q)).total;
    runs.push(performance.now() - s);
  }
  runs.sort((a, b) => a - b);
  figures[q] = { ms: Math.round(runs[2]! * 10) / 10, total };
}
console.log(
  JSON.stringify(
    {
      engine: db.engine,
      projects: N,
      seededMs: Math.round(seeded),
      indexed,
      firstIndexMs: Math.round(build),
      medianSearchMs: figures,
    },
    null,
    2,
  ),
);
await prisma.project.deleteMany({ where: { ref: { startsWith: 'P-2030-' } } });
await db.close();
