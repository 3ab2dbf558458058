import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { coachingMachine } from '../machines/coaching/machine.ts';
import { toMermaid } from '../machines/docs/mermaid.ts';
import { pilotMachine } from '../machines/pilot/machine.ts';

// Writes docs/machines/<machine>.mmd; test/machines/docs.test.ts fails when the committed files are stale.
for (const machine of [pilotMachine, coachingMachine]) {
  const file = fileURLToPath(new URL(`../docs/machines/${machine.id}.mmd`, import.meta.url));
  writeFileSync(file, toMermaid(machine));
  console.log(`wrote ${file}`);
}
