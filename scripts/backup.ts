// `npm run backup [-- <file.tar.gz>]`: writes a consistent copy of the embedded database (PGlite's gzipped tar of
// the data folder, which PGlite opens with loadDataDir) to the file given, or ./backups/<timestamp>.tar.gz. It takes
// the data folder's lock like every other opener, so it refuses while the bot runs. For PostgreSQL it prints the
// pg_dump command instead: the server's own tool makes consistent copies while the bot keeps running.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDatabaseConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { describePostgres } from '../src/db/connect-errors.ts';
import { DataDirLockedError } from '../src/db/data-dir-lock.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
const parsed = parseDatabaseConfig(process.env);
if (!parsed.ok) {
  for (const problem of parsed.problems) console.error(`  - ${problem}`);
  process.exit(2);
}
if (process.argv.length > 3) {
  console.error('Usage: npm run backup [-- <file.tar.gz>]   (default ./backups/<timestamp>.tar.gz)');
  process.exit(2);
}
if (parsed.database.engine === 'postgres') {
  const { where, database, user } = describePostgres(parsed.database.url);
  const [host, port] = where.split(':');
  console.error(
    `DATABASE_URL names PostgreSQL (database "${database}" at ${where}); back it up with its own tool, e.g.: ` +
      `pg_dump --format=custom --host=${host} --port=${port} --username=${user} --dbname=${database} ` +
      `--file=pilotdesk-$(date +%Y%m%dT%H%M%S).dump`,
  );
  process.exit(2);
}

const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
const target = path.resolve(process.argv[2] ?? path.join('backups', `${stamp}.tar.gz`));
if (existsSync(target)) {
  console.error(`${target} already exists; give another file name: npm run backup -- <file.tar.gz>`);
  process.exit(2);
}
let db: Database;
try {
  db = await openDatabase({ engine: 'pglite', dataDir: parsed.database.dataDir, role: 'npm run backup' });
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(
      `Cannot back up while ${error.holder.role} (pid ${error.holder.pid}, since ${error.holder.since}) uses ` +
        `${error.dataDir}; stop the bot first (a stop waits for work in progress), run npm run backup, then start it again.`,
    );
    process.exit(1);
  }
  throw error;
}
try {
  const dump = await db.dump!();
  mkdirSync(path.dirname(target), { recursive: true });
  // Written beside the target and renamed, so a crash never leaves a truncated file under the final name.
  const partial = `${target}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()), { flag: 'wx' });
  renameSync(partial, target);
  console.log(`Backed up ${parsed.database.dataDir} to ${target} (${dump.size} bytes).`);
} finally {
  await db.close();
}
