// `npm run tick -- --at <ISO-8601> [--allow-future]`: runs the scheduler and the outbox once as of that instant and
// exits (cron-style deployments, tests, demonstrations). It refuses an instant more than a minute in the future
// unless --allow-future is given, so nobody expires a real coaching period by mistake.

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseConfig, parseDatabaseConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { DatabaseUnreachableError } from '../src/db/connect-errors.ts';
import { DataDirLockedError } from '../src/db/data-dir-lock.ts';
import { DEFAULT_TICK_MS, runTick } from '../src/scheduler/tick.ts';
import { createSlackCaller } from '../src/slack/web-api.ts';
import { runtimeHooks } from '../src/wiring/runtime-hooks.ts';

const FUTURE_TOLERANCE_MS = 60_000;
const TICK_ROLE = 'npm run tick';
const USAGE = 'Usage: npm run tick -- --at <ISO-8601 instant, e.g. 2026-03-02T09:00:00+08:00> [--allow-future]';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

let values: { at?: string; 'allow-future'?: boolean };
try {
  ({ values } = parseArgs({ options: { at: { type: 'string' }, 'allow-future': { type: 'boolean' } }, strict: true }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
// An instant needs its offset: "09:00" alone would mean the server's zone, which is not the programme's.
if (!values.at || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(values.at))
  fail(`--at needs an ISO-8601 instant with its offset.\n${USAGE}`);
const at = new Date(values.at);
if (Number.isNaN(at.getTime())) fail(`--at ${values.at} is not a valid instant.\n${USAGE}`);
const ahead = at.getTime() - Date.now();
if (ahead > FUTURE_TOLERANCE_MS && !values['allow-future'])
  fail(
    `Refusing to tick at ${at.toISOString()}: that is ${Math.round(ahead / 60_000)} minutes in the future, and a tick ` +
      'would fire real reminders and expiries early. Pass --allow-future if you really mean it (e.g. in a demo database).',
  );

if (existsSync('.env')) process.loadEnvFile('.env');
const database = parseDatabaseConfig(process.env);
if (!database.ok) fail(`The database configuration has problems:\n  - ${database.problems.join('\n  - ')}`);
const config = parseConfig(process.env);
if (!config.ok) fail(`The configuration has problems:\n  - ${config.problems.join('\n  - ')}`);

let db: Database;
try {
  db = await openDatabase(
    database.database.engine === 'postgres'
      ? { engine: 'postgres', url: database.database.url, poolSize: 3 }
      : { engine: 'pglite', dataDir: database.database.dataDir, role: TICK_ROLE },
  );
} catch (error) {
  if (error instanceof DataDirLockedError && error.holder.role === 'the bot')
    fail(
      `The bot (pid ${error.holder.pid}, since ${error.holder.since}) is running on the embedded database in ` +
        `${error.dataDir} and already runs the scheduler every ${DEFAULT_TICK_MS / 1000} seconds, so npm run tick is ` +
        'not needed; to tick by hand at another instant, stop the bot first.',
      1,
    );
  if (error instanceof DataDirLockedError || error instanceof DatabaseUnreachableError) fail(error.message, 1);
  throw error;
}
let exitCode = 0;
try {
  const slack = createSlackCaller(config.config.slack.botToken, config.config.slack.apiUrl);
  const report = await runTick(
    {
      prisma: db.prisma,
      slack,
      hooks: runtimeHooks,
      onError: (e) => {
        exitCode = 1;
        console.error('tick:', e);
      },
    },
    at,
  );
  console.log(JSON.stringify(report));
} catch (error) {
  console.error(`tick failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await db.close();
}
process.exit(exitCode);
