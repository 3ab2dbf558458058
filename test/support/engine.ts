/**
 * Which database engine this test run uses. CI runs the whole suite twice: once on the embedded PGlite, once with
 * PILOTDESK_TEST_DATABASE_URL naming a fresh database on a real PostgreSQL server.
 */
export const TEST_POSTGRES_URL = process.env.PILOTDESK_TEST_DATABASE_URL || undefined;
export const TEST_ENGINE: 'pglite' | 'postgres' = TEST_POSTGRES_URL ? 'postgres' : 'pglite';

/** The URL of another database on the same server as `url`. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The database name in a postgres URL. */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}
