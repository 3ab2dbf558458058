import type { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

type ScriptAdapter = SqlDriverAdapter & { client: PGlite; onError(error: unknown): never };

/**
 * pglite-prisma-adapter 0.7.2 starts a script (a migration) without awaiting it: a failing migration becomes an
 * unhandled rejection that kills the process with a stack trace, and the engine believes it succeeded. This wraps
 * the adapters it hands out so scripts are awaited and their errors reach the engine (decision 003).
 */
export function pgliteAdapterFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(pglite);
  const awaited = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const a = adapter as ScriptAdapter;
    a.executeScript = async (script: string) => {
      try {
        await a.client.exec(script);
      } catch (error) {
        a.onError(error);
      }
    };
    return a;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => awaited(await inner.connect()),
    connectToShadowDb: async () => awaited(await inner.connectToShadowDb()),
  };
}
