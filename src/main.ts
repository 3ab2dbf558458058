import { existsSync } from 'node:fs';
import { parseConfig } from './config.ts';
import { DatabaseUnreachableError } from './db/connect-errors.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { startSandbox } from './sandbox/start.ts';
import { type RunningServer, startServer } from './server.ts';
import { SlackTokenRejectedError } from './slack/startup-check.ts';

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

// Handlers first: a signal during start-up (migrations) still gets a clean stop once the server is up.
let signalled: string | undefined;
let onSignal: (signal: string) => void = (signal) => {
  signalled ??= signal;
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => onSignal(signal));

let server: RunningServer;
let sandboxUrl: string | undefined;
try {
  if (config.slack.mode === 'sandbox') {
    const sandbox = await startSandbox(config);
    server = { ...sandbox.server, stop: () => sandbox.stop() };
    sandboxUrl = sandbox.url;
  } else server = await startServer(config);
} catch (error) {
  // A refused token is a configuration problem (2, like the others); a busy or unreachable database is 1.
  const known =
    error instanceof SlackTokenRejectedError ||
    error instanceof DataDirLockedError ||
    error instanceof DatabaseUnreachableError;
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Pilot Desk cannot start: ${message}`);
  if (!known && error instanceof Error && config.logLevel === 'debug') console.error(error.stack);
  process.exit(error instanceof SlackTokenRejectedError ? 2 : 1);
}
const where = config.database.engine === 'pglite' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL';
if (sandboxUrl) {
  console.log(`Pilot Desk sandbox: open ${sandboxUrl}`);
  console.log(
    `  No Slack workspace is used: the real bot, its scheduler and its ${where} run behind a local, Slack-like page (this machine only).`,
  );
  if (config.sandbox?.ignored.length)
    console.log(`  Not used by the sandbox: ${config.sandbox.ignored.join(', ')} (PILOTDESK_SANDBOX=1 is set).`);
  console.log('  To use a real Slack workspace instead, put its credentials in .env (README, "Create the Slack app").');
} else {
  console.log(
    `Pilot Desk is running (${config.slack.mode === 'socket' ? 'Socket Mode' : 'HTTP'} mode, port ${server.port}, ${where}).`,
  );
}
let stopping = false;
onSignal = (signal) => {
  // npm and a terminal may both deliver the same signal: the first one starts the stop, the others wait for it.
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping (waiting up to ${config.shutdownTimeoutMs} ms for work in progress)…`);
  void server.stop().then(
    (report) => {
      const left = [
        report.unfinishedHandlers > 0 ? `${report.unfinishedHandlers} Slack request(s) still running` : '',
        report.tickUnfinished ? 'a scheduler tick still running' : '',
        report.outboxUnfinished ? 'outbox messages still being sent (they are kept and sent after the restart)' : '',
      ].filter(Boolean);
      if (left.length === 0) {
        console.log('Pilot Desk stopped.');
        process.exit(0);
      }
      console.error(
        `Pilot Desk stopped after ${config.shutdownTimeoutMs} ms with ${left.join(', ')}; raise PILOTDESK_SHUTDOWN_TIMEOUT_MS if this recurs.`,
      );
      process.exit(1);
    },
    (error: unknown) => {
      console.error(`Pilot Desk could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
};
if (signalled) onSignal(signalled);
