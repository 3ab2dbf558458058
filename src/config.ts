import path from 'node:path';
import { z } from 'zod';

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
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.` }).default('info'),
  ),
});

/** How Slack reaches the app. */
export type SlackMode = 'http' | 'socket';

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
  readonly logLevel: (typeof LOG_LEVELS)[number];
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
  let missingSlackCredentials = false;
  if (!hasBot && !hasSecret && !hasApp) {
    missingSlackCredentials = true;
    problems.push(
      'No Slack credentials: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode) or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode) in .env — see README, "Create the Slack app".',
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
    logLevel: e.LOG_LEVEL,
  };
  return { ok: true, config: deepFreeze(config) };
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(value);
}
