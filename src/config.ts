import path from 'node:path';
import { z } from 'zod';
import { SANDBOX_ADMIN_ID, SANDBOX_BOT_TOKEN } from './sandbox/workspace.ts';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

// One schema over the environment; each message says what to set, since the reader is an operator, not a developer.
const EnvSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'SLACK_BOT_TOKEN must be a bot token starting with xoxb- (Slack app → OAuth & Permissions).',
  }),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'SLACK_APP_TOKEN must be an app-level token starting with xapp- (Slack app → Basic Information).',
  }),
  SLACK_API_URL: optionalText
    .pipe(z.url({ message: 'SLACK_API_URL must be a URL such as https://slack.com/api/.' }).optional())
    .transform((v) => (v && !v.endsWith('/') ? `${v}/` : v)),
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'PORT must be a number.' })
      .int('PORT must be a whole number.')
      .min(0, 'PORT must be between 0 and 65535.')
      .max(65535, 'PORT must be between 0 and 65535.')
      .default(3000),
  ),
  DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: 'DATABASE_URL must start with postgres:// or postgresql://; leave it empty for the embedded database.',
  }),
  PILOTDESK_DATA_DIR: optionalText,
  PILOTDESK_ADMINS: optionalText.transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
  PILOTDESK_SHUTDOWN_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'PILOTDESK_SHUTDOWN_TIMEOUT_MS must be a number of milliseconds, e.g. 10000.' })
      .int('PILOTDESK_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds.')
      .min(0, 'PILOTDESK_SHUTDOWN_TIMEOUT_MS must be 0 or more milliseconds.')
      .max(600_000, 'PILOTDESK_SHUTDOWN_TIMEOUT_MS must be at most 600000 (10 minutes).')
      .default(10_000),
  ),
  PILOTDESK_CLAIM_LEASE_MS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'PILOTDESK_CLAIM_LEASE_MS must be a number of milliseconds, e.g. 120000.' })
      .int('PILOTDESK_CLAIM_LEASE_MS must be a whole number of milliseconds.')
      .min(1000, 'PILOTDESK_CLAIM_LEASE_MS must be at least 1000 (1 second).')
      .max(3_600_000, 'PILOTDESK_CLAIM_LEASE_MS must be at most 3600000 (1 hour).')
      .default(120_000),
  ),
  PILOTDESK_HANDLERS_IN_FLIGHT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'PILOTDESK_HANDLERS_IN_FLIGHT must be a number of requests, e.g. 8.' })
      .int('PILOTDESK_HANDLERS_IN_FLIGHT must be a whole number of requests.')
      .min(1, 'PILOTDESK_HANDLERS_IN_FLIGHT must be at least 1.')
      .max(1_000, 'PILOTDESK_HANDLERS_IN_FLIGHT must be at most 1000.')
      .default(8),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.` }).default('info'),
  ),
  PILOTDESK_SANDBOX: z.preprocess(
    emptyToUndefined,
    z
      .enum(['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off'], {
        message:
          'PILOTDESK_SANDBOX must be 1 (run the local sandbox) or 0 (never); leave it empty to decide by the credentials.',
      })
      .transform((v) => ['1', 'true', 'yes', 'on'].includes(v))
      .optional(),
  ),
  // The sandbox has no authentication of its own: anyone who can reach it acts as any seeded person, so it is
  // served on the loopback interface only and any other address is refused rather than bound.
  PILOTDESK_SANDBOX_HOST: optionalText.refine((v) => v === undefined || isLoopback(v), {
    message:
      'PILOTDESK_SANDBOX_HOST must be a loopback address (127.0.0.1, ::1 or localhost): the sandbox has no sign-in, so it is never served to the network.',
  }),
});

/** True for the addresses of this machine's loopback interface only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** How Slack reaches the app: Slack's HTTP requests, Socket Mode, or the local sandbox (no Slack at all). */
export type SlackMode = 'http' | 'socket' | 'sandbox';

/** The parsed, frozen configuration; the only view of the environment the rest of the code gets. */
export interface Config {
  readonly slack: {
    readonly mode: SlackMode;
    readonly botToken: string;
    readonly signingSecret: string | undefined;
    readonly appToken: string | undefined;
    readonly apiUrl: string;
  };
  readonly port: number;
  readonly database:
    | { readonly engine: 'pglite'; readonly dataDir: string }
    | { readonly engine: 'postgres'; readonly url: string };
  readonly admins: readonly string[];
  /** How long a stop (SIGTERM/SIGINT) waits for running handlers, outbox flushes and a tick before closing. */
  readonly shutdownTimeoutMs: number;
  /**
   * How long a claimed outbox message or deadline step stays the claimer's; a crashed process's claims wait this
   * long before another process takes them.
   */
  readonly claimLeaseMs: number;
  /**
   * How many acknowledged Slack requests do their work at once; the rest wait their turn in arrival order, so a
   * burst cannot crowd out the acknowledgements of the requests that follow it (decision 021).
   */
  readonly handlersInFlight: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /**
   * Set in sandbox mode: the page and its in-process Slack are served on this loopback host (the port is `port`).
   * `ignored` names the settings that do not apply to the sandbox (it never talks to Slack, never uses PostgreSQL).
   */
  readonly sandbox: { readonly host: string; readonly ignored: readonly string[] } | null;
}

export type ConfigResult =
  | { ok: true; config: Config }
  | { ok: false; problems: string[]; missingSlackCredentials: boolean };

const SLACK_DEFAULT_API_URL = 'https://slack.com/api/';

const DatabaseEnvSchema = EnvSchema.pick({ DATABASE_URL: true, PILOTDESK_DATA_DIR: true });

/** Just the database part of the configuration, for tools (db:migrate) that need no Slack credentials. */
export function parseDatabaseConfig(
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): { ok: true; database: Config['database'] } | { ok: false; problems: string[] } {
  const parsed = DatabaseEnvSchema.safeParse(env);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => i.message) };
  return { ok: true, database: databaseOf(parsed.data, cwd) };
}

function databaseOf(e: { DATABASE_URL?: string; PILOTDESK_DATA_DIR?: string }, cwd: string): Config['database'] {
  return e.DATABASE_URL
    ? { engine: 'postgres', url: e.DATABASE_URL }
    : { engine: 'pglite', dataDir: path.resolve(cwd, e.PILOTDESK_DATA_DIR ?? 'data') };
}

/** Parses the environment once at start; every problem is listed, none thrown. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  const e = parsed.success ? parsed.data : undefined;
  // Credentials are judged on the raw values too, so a bad PORT does not hide a missing token; a bare prefix
  // (the untouched .env.example) counts as unset.
  const given = (name: string, prefix = '') => {
    const v = env[name]?.trim() ?? '';
    return v !== '' && v !== prefix;
  };
  const hasBot = given('SLACK_BOT_TOKEN', 'xoxb-');
  const hasSecret = given('SLACK_SIGNING_SECRET');
  const hasApp = given('SLACK_APP_TOKEN', 'xapp-');
  const noCredentials = !hasBot && !hasSecret && !hasApp;
  // The sandbox is what a newcomer gets with no configuration; with credentials it runs only when asked for.
  const refused = ['0', 'false', 'no', 'off'].includes(env.PILOTDESK_SANDBOX?.trim().toLowerCase() ?? '');
  const sandbox = e?.PILOTDESK_SANDBOX ?? (noCredentials && !refused);
  let missingSlackCredentials = false;
  if (sandbox) {
    if (problems.length > 0 || !e) return { ok: false, problems, missingSlackCredentials };
    return { ok: true, config: deepFreeze(sandboxConfig(e, cwd, { hasBot, hasSecret, hasApp })) };
  }
  if (noCredentials) {
    missingSlackCredentials = true;
    problems.push(
      'No Slack credentials: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode) or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode) in .env — see README, "Create the Slack app" (or unset PILOTDESK_SANDBOX to try the local sandbox).',
    );
  } else {
    if (!hasBot) problems.push('SLACK_BOT_TOKEN is missing (Slack app → OAuth & Permissions → Bot User OAuth Token).');
    if (!hasApp && !hasSecret)
      problems.push(
        'Set SLACK_SIGNING_SECRET for HTTP mode (Slack app → Basic Information → Signing Secret) or SLACK_APP_TOKEN for Socket Mode.',
      );
  }
  const botToken = hasBot ? e?.SLACK_BOT_TOKEN : undefined;
  const signingSecret = hasSecret ? e?.SLACK_SIGNING_SECRET : undefined;
  const appToken = hasApp ? e?.SLACK_APP_TOKEN : undefined;
  if (problems.length > 0 || !e || !botToken) return { ok: false, problems, missingSlackCredentials };
  const config: Config = {
    slack: {
      mode: appToken ? 'socket' : 'http',
      botToken,
      signingSecret,
      appToken,
      apiUrl: e.SLACK_API_URL ?? SLACK_DEFAULT_API_URL,
    },
    port: e.PORT,
    database: databaseOf(e, cwd),
    admins: e.PILOTDESK_ADMINS,
    shutdownTimeoutMs: e.PILOTDESK_SHUTDOWN_TIMEOUT_MS,
    claimLeaseMs: e.PILOTDESK_CLAIM_LEASE_MS,
    handlersInFlight: e.PILOTDESK_HANDLERS_IN_FLIGHT,
    logLevel: e.LOG_LEVEL,
    sandbox: null,
  };
  return { ok: true, config: deepFreeze(config) };
}

/**
 * The sandbox's configuration: its own embedded database in `<data dir>/sandbox` (never a real workspace's data),
 * its own bot token and Web API on the sandbox's address, and the seeded admin as the only PILOTDESK_ADMINS.
 */
function sandboxConfig(
  e: z.infer<typeof EnvSchema>,
  cwd: string,
  given: { hasBot: boolean; hasSecret: boolean; hasApp: boolean },
): Config {
  const host =
    e.PILOTDESK_SANDBOX_HOST === 'localhost' || !e.PILOTDESK_SANDBOX_HOST ? '127.0.0.1' : e.PILOTDESK_SANDBOX_HOST;
  const ignored = [
    given.hasBot ? 'SLACK_BOT_TOKEN' : '',
    given.hasSecret ? 'SLACK_SIGNING_SECRET' : '',
    given.hasApp ? 'SLACK_APP_TOKEN' : '',
    e.SLACK_API_URL ? 'SLACK_API_URL' : '',
    e.DATABASE_URL ? 'DATABASE_URL' : '',
    e.PILOTDESK_ADMINS.length > 0 ? 'PILOTDESK_ADMINS' : '',
  ].filter(Boolean);
  const dataDir = path.resolve(cwd, e.PILOTDESK_DATA_DIR ?? 'data', 'sandbox');
  const urlHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return {
    slack: {
      mode: 'sandbox',
      botToken: SANDBOX_BOT_TOKEN,
      signingSecret: undefined,
      appToken: undefined,
      // With PORT=0 the sandbox learns its port when it binds and points the app there (src/sandbox/start.ts).
      apiUrl: `http://${urlHost}:${e.PORT}/api/`,
    },
    port: e.PORT,
    database: { engine: 'pglite', dataDir },
    admins: [SANDBOX_ADMIN_ID],
    shutdownTimeoutMs: e.PILOTDESK_SHUTDOWN_TIMEOUT_MS,
    claimLeaseMs: e.PILOTDESK_CLAIM_LEASE_MS,
    handlersInFlight: e.PILOTDESK_HANDLERS_IN_FLIGHT,
    logLevel: e.LOG_LEVEL,
    sandbox: { host, ignored },
  };
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(value);
}
