// `npm run db:migration -- <name>`: writes the SQL that brings the migrations up to prisma/schema.prisma as a new
// migration, computed offline on an in-memory PGlite (the native schema engine cannot be downloaded here).
import { writeMigration } from '../src/db/migrations.ts';

const name = process.argv[2];
if (!name) {
  console.error('Usage: npm run db:migration -- <name>   e.g. npm run db:migration -- add_deadlines');
  process.exit(2);
}
try {
  const folder = await writeMigration(name, new Date());
  console.log(folder ? `Wrote ${folder}/migration.sql` : 'schema.prisma matches the migrations: nothing to write.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
