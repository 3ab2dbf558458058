// `npm run demo:seed`: fills the sandbox with a demonstration programme (an open batch, projects at every stage of
// both tracks, experts reviewing, deadlines due soon and overdue) through the app's own commands and forms, then exits. The sandbox's page offers the same
// when it is empty; this is for filling it before a demonstration without clicking.

import { existsSync } from 'node:fs';
import { parseConfig } from '../src/config.ts';
import { DataDirLockedError } from '../src/db/data-dir-lock.ts';
import { seedDemo } from '../src/sandbox/demo-seed.ts';
import { startSandbox } from '../src/sandbox/start.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
// Always the sandbox, whatever credentials .env holds: the demo data never goes to a real workspace.
const parsed = parseConfig({ ...process.env, PILOTDESK_SANDBOX: '1', PORT: '0', LOG_LEVEL: 'error' });
if (!parsed.ok) {
  console.error(`The configuration has problems:\n  - ${parsed.problems.join('\n  - ')}`);
  process.exit(2);
}
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
try {
  sandbox = await startSandbox(parsed.config);
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(
      `The sandbox is running (pid ${error.holder.pid}); press “填充示范数据 · Fill with demo data” on its page instead, or stop it first.`,
    );
    process.exit(1);
  }
  throw error;
}
let code = 0;
try {
  const report = await seedDemo(sandbox);
  if (report.projects.length === 0)
    console.log('The sandbox has the demonstration projects already; nothing was added.');
  else {
    if (report.advancedTo)
      console.log(`It was outside working hours on the sandbox's clock, so it was advanced to ${report.advancedTo}.`);
    console.log(`Opened ${report.batches.join(', ') || 'no new batch'}; added ${report.projects.length} projects:`);
    for (const p of report.projects) console.log(`  ${p.ref}  ${p.state.padEnd(34)} ${p.title}`);
    console.log('Start the sandbox with npm start to see it.');
  }
} catch (error) {
  console.error(`demo:seed failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await sandbox.stop();
}
process.exit(code);
