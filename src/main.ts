import { existsSync } from 'node:fs';
import { parseConfig } from './config.ts';
import { startServer } from './server.ts';

// The entry point reads .env (if present) and the environment once; everything else gets the parsed config.
if (existsSync('.env')) process.loadEnvFile('.env');
const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(
    parsed.missingSlackCredentials
      ? 'Pilot Desk needs Slack credentials to start.\n'
      : 'Pilot Desk cannot start: the configuration has problems.\n',
  );
  for (const problem of parsed.problems) console.error(`  - ${problem}`);
  console.error(
    '\nCopy .env.example to .env and fill it in; README.md, "Create the Slack app", says where each value comes from.',
  );
  process.exit(2);
}
const config = parsed.config;
try {
  const server = await startServer(config);
  const where = config.database.engine === 'pglite' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL';
  console.log(
    `Pilot Desk is running (${config.slack.mode === 'socket' ? 'Socket Mode' : 'HTTP'} mode, port ${server.port}, ${where}).`,
  );
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Pilot Desk could not start: ${message}`);
  if (config.database.engine === 'pglite' && /lock|busy|already/i.test(message))
    console.error('The embedded database serves one process at a time; stop the other Pilot Desk or set DATABASE_URL.');
  process.exit(1);
}
