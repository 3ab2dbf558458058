// `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL, else the embedded one).
import { existsSync } from 'node:fs';
import { parseDatabaseConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { DatabaseUnreachableError } from '../src/db/connect-errors.ts';
import { DataDirLockedError } from '../src/db/data-dir-lock.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
const parsed = parseDatabaseConfig(process.env);
if (!parsed.ok) {
  for (const problem of parsed.problems) console.error(`  - ${problem}`);
  process.exit(2);
}
let db: Database;
try {
  db = await openDatabase(
    parsed.database.engine === 'pglite' ? { ...parsed.database, role: 'npm run db:migrate' } : parsed.database,
  );
} catch (error) {
  // A busy folder or an unreachable server already says what to do in one line; anything else is a real failure.
  if (error instanceof DataDirLockedError || error instanceof DatabaseUnreachableError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
try {
  const applied = await db.migrate();
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await db.close();
}
