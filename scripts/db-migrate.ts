// `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL, else the embedded one).
import { existsSync } from 'node:fs';
import { parseDatabaseConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
const parsed = parseDatabaseConfig(process.env);
if (!parsed.ok) {
  for (const problem of parsed.problems) console.error(`  - ${problem}`);
  process.exit(2);
}
const db = await openDatabase(parsed.database);
try {
  const applied = await db.migrate();
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await db.close();
}
