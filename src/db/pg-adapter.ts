import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type pg from 'pg';

type ScriptAdapter = SqlDriverAdapter & { client: pg.Pool | pg.PoolClient; onError(error: unknown): never };

/**
 * @prisma/adapter-pg 7 runs a script (a migration) by splitting it on every ";", so a migration holding a function, a
 * DO block or a comment with a semicolon fails on PostgreSQL while it applies on PGlite. This wraps the adapters it
 * hands out so a script goes to the server whole, as one simple query (several statements, no parameters: the
 * protocol allows it), as the PGlite path already does (decision 003).
 */
export function pgAdapterFactory(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPg(pool);
  const whole = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const a = adapter as ScriptAdapter;
    a.executeScript = async (script: string) => {
      try {
        await a.client.query(script);
      } catch (error) {
        a.onError(error);
      }
    };
    return a;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => whole(await inner.connect()),
    connectToShadowDb: async () => whole(await inner.connectToShadowDb()),
  };
}
