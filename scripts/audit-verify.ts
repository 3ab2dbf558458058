// `npm run audit:verify`: checks every audit chain (issue 14) and names the first broken row of each broken chain,
// with what differs. Exits 0 when every chain is intact, 1 on a break (or when the database cannot be opened), 2 on a
// configuration problem. The run is recorded, so the admins' digest says when the log was last proven intact.
import { existsSync } from 'node:fs';
import { describeBreak, verifyAuditChains } from '../src/audit/verify-audit-chains.ts';
import { systemClock } from '../src/clock.ts';
import { parseDatabaseConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { DatabaseUnreachableError } from '../src/db/connect-errors.ts';
import { DataDirLockedError } from '../src/db/data-dir-lock.ts';

if (process.argv.length > 2) {
  console.error('Usage: npm run audit:verify   (no arguments; DATABASE_URL or PILOTDESK_DATA_DIR say which database)');
  process.exit(2);
}
if (existsSync('.env')) process.loadEnvFile('.env');
const parsed = parseDatabaseConfig(process.env);
if (!parsed.ok) {
  console.error(`The database configuration has problems:\n  - ${parsed.problems.join('\n  - ')}`);
  process.exit(2);
}
let db: Database;
try {
  db = await openDatabase(
    parsed.database.engine === 'postgres'
      ? { engine: 'postgres', url: parsed.database.url, poolSize: 2 }
      : { engine: 'pglite', dataDir: parsed.database.dataDir, role: 'npm run audit:verify' },
  );
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(
      `${error.holder.role} (pid ${error.holder.pid}, since ${error.holder.since}) uses ${error.dataDir}: the embedded ` +
        'database serves one process. The bot verifies the audit log every day and the admins’ digest shows the ' +
        'outcome; to verify now, stop the bot, run npm run audit:verify, then start it again.',
    );
    process.exit(1);
  }
  if (error instanceof DatabaseUnreachableError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
let code = 0;
try {
  const result = await verifyAuditChains(db.prisma, systemClock);
  if (result.ok) {
    console.log(`Audit log intact: ${result.rowsChecked} rows in ${result.chains} chains, every link checked.`);
  } else {
    code = 1;
    console.error(
      `Audit log BROKEN in ${result.breaks.length} of ${result.chains} chains (${result.rowsChecked} rows read):`,
    );
    for (const b of result.breaks) console.error(`  - ${describeBreak(b)}`);
  }
} finally {
  await db.close();
}
process.exit(code);
