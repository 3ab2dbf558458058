import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coachingMachine } from '../../machines/coaching/machine.ts';
import { toMermaid } from '../../machines/docs/mermaid.ts';
import { pilotMachine } from '../../machines/pilot/machine.ts';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const read = (path: string) => readFileSync(repo(path), 'utf8');

// CI has shared/ beside the clone; without it, our own restatement gives the IDs.
const rulesSource = existsSync(repo('../shared/domain/RULES.md'))
  ? read('../shared/domain/RULES.md')
  : read('docs/rules.md');
const ids = [...new Set([...rulesSource.matchAll(/\*\*(R-[A-Z]+-\d+)\*\*/g)].map((m) => m[1] as string))];
const testSources = readdirSync(repo('test/machines'))
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => read(`test/machines/${f}`));
const testedIds = new Set(
  testSources.flatMap((src) => [...src.matchAll(/(?:\bit|\btest|\))\(\s*['"`](R-[A-Z]+-\d+)[:\s]/g)].map((m) => m[1])),
);
const traceRows = new Set([...read('docs/traceability.md').matchAll(/^\|\s*(R-[A-Z]+-\d+)\s*\|/gm)].map((m) => m[1]));

describe('traceability', () => {
  it('finds the 36 rules', () => {
    expect(ids).toHaveLength(36);
  });
  it.each(ids)('%s has a test named after it and a row in docs/traceability.md', (id) => {
    expect(testedIds.has(id), `no test name starts with ${id}`).toBe(true);
    expect(traceRows.has(id), `no row for ${id} in docs/traceability.md`).toBe(true);
  });
  it('docs/rules.md restates every rule with the same ID', () => {
    const own = read('docs/rules.md');
    for (const id of ids) expect(own).toContain(`**${id}**`);
  });
});

describe('diagrams', () => {
  it.each([pilotMachine, coachingMachine])('docs/machines/$id.mmd is up to date (npm run docs:machines)', (machine) => {
    expect(read(`docs/machines/${machine.id}.mmd`)).toBe(toMermaid(machine));
  });
  it('diagrams show nesting, initial, final states and guarded transitions', () => {
    const text = toMermaid(pilotMachine);
    expect(text.startsWith('stateDiagram-v2\n  [*] --> pilot_intake\n')).toBe(true);
    expect(text).toContain('  state pilot_screening {\n    [*] --> pilot_screening_review\n  }');
    expect(text).toContain('  pilot_exited --> [*]');
    expect(text).toContain(
      'pilot_piloting_active --> pilot_piloting_suspended : decision.confirm [canConfirm(sanction, suspend)]',
    );
    expect(text).toContain(
      'pilot_screening_review --> pilot_csrcEvaluation : decision.confirm [canConfirm(screeningPass)]',
    );
    expect(text).toContain('pilot_intake --> pilot_withdrawn : application.withdraw [authorised]');
    expect(text).toContain(
      'pilot_piloting_goalsMet --> pilot_regularOperation : decision.confirm [canConfirm(conversion)]',
    );
    expect(text).not.toContain('undefined');
  });
});
