import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type pg from 'pg';
import { withScripts } from './script-adapter.ts';

/**
 * @prisma/adapter-pg 7 runs a script (a migration) by splitting it on every ";", so a migration holding a function, a
 * DO block or a comment with a semicolon fails on PostgreSQL while it applies on PGlite. Here a script goes to the
 * server whole, as one simple query (several statements, no parameters: the protocol allows it; decision 018).
 */
export function pgAdapterFactory(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  return withScripts<pg.Pool | pg.PoolClient>(new PrismaPg(pool), (client, script) => client.query(script));
}
