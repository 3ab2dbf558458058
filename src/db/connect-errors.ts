/** The configured PostgreSQL server could not be reached or refused the connection; the message says what to do. */
export class DatabaseUnreachableError extends Error {
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'DatabaseUnreachableError';
  }
}

/** host:port/database of a postgres URL, without the user's password, for messages and logs. */
export function describePostgres(url: string): { where: string; database: string; user: string } {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username) || 'postgres';
  const user = decodeURIComponent(u.username) || 'the current user';
  return { where: `${u.hostname || 'localhost'}:${u.port || '5432'}`, database, user };
}

/** Turns a failed first connection into one line naming the server and database (never the password). */
export function explainConnectError(url: string, error: unknown): DatabaseUnreachableError {
  const { where, database, user } = describePostgres(url);
  const e = error as { code?: string; message?: string; errors?: { code?: string }[] };
  // AggregateError (IPv4 and IPv6 both refused) carries the codes on its parts.
  const code = e.code ?? e.errors?.[0]?.code;
  const at = `PostgreSQL at ${where}`;
  const lines: Record<string, string> = {
    '3D000': `The database "${database}" does not exist on ${at}; create it (createdb -h ${where.replace(':', ' -p ')} ${database}) or fix DATABASE_URL.`,
    ECONNREFUSED: `${at} refused the connection (database "${database}"); start PostgreSQL or fix the host and port in DATABASE_URL.`,
    ENOTFOUND: `The host of ${at} is unknown (database "${database}"); fix the host in DATABASE_URL.`,
    ETIMEDOUT: `${at} did not answer (database "${database}"); check the network and the host in DATABASE_URL.`,
    '28P01': `${at} refused the password of user "${user}" (database "${database}"); fix the credentials in DATABASE_URL.`,
    '28000': `${at} does not let user "${user}" connect to database "${database}"; fix pg_hba.conf or the user in DATABASE_URL.`,
  };
  const message =
    (code && lines[code]) ??
    `Cannot connect to ${at} (database "${database}"): ${e.message ?? String(error)}; check that PostgreSQL runs and DATABASE_URL is right.`;
  return new DatabaseUnreachableError(message, error);
}

// How a lost or refused connection shows up through pg, the driver adapter and Prisma: node's socket codes,
// PostgreSQL's connection-exception and shutdown classes, Prisma's "can't reach" codes, and pg's own messages.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'P1001',
  'P1002',
  'P1017',
  'P2024',
]);
const UNAVAILABLE_SQLSTATE = /^(08|57P0[123])/;
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error|ECONNREFUSED|ECONNRESET|Can't reach database|timeout exceeded when trying to connect|server closed the connection/i;

/** True when an error means the database could not be reached mid-request (so nothing was written), not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const x = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown[] };
    const code = typeof x.code === 'string' ? x.code : '';
    if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)) return true;
    if (typeof x.message === 'string' && UNAVAILABLE_MESSAGE.test(x.message)) return true;
    e = x.cause ?? x.errors?.[0];
  }
  return false;
}
