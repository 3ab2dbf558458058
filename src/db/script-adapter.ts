import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

type Scripted<C> = SqlDriverAdapter & { client: C; onError(error: unknown): never };

/**
 * Wraps a driver adapter factory so that every adapter it hands out runs a script (a migration) with `run`, awaited,
 * its error reported to the engine through the adapter's own onError. Both engines' stock adapters get scripts wrong
 * in their own way (decision 003 for PGlite, 018 for pg): this is the one place that corrects it.
 */
export function withScripts<C>(
  inner: SqlMigrationAwareDriverAdapterFactory,
  run: (client: C, script: string) => Promise<unknown>,
): SqlMigrationAwareDriverAdapterFactory {
  const fixed = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const a = adapter as Scripted<C>;
    a.executeScript = async (script: string) => {
      try {
        await run(a.client, script);
      } catch (error) {
        a.onError(error);
      }
    };
    return a;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => fixed(await inner.connect()),
    connectToShadowDb: async () => fixed(await inner.connectToShadowDb()),
  };
}
