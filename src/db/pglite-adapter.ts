import type { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { withScripts } from './script-adapter.ts';

/**
 * pglite-prisma-adapter 0.7.2 starts a script (a migration) without awaiting it: a failing migration becomes an
 * unhandled rejection that kills the process with a stack trace, and the engine believes it succeeded. Here scripts
 * are awaited and their errors reach the engine (decision 003).
 */
export function pgliteAdapterFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return withScripts<PGlite>(new PrismaPGlite(pglite), (client, script) => client.exec(script));
}
