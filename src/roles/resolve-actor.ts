import type { Actor } from '../../machines/shared/actor.ts';
import type { Db } from './repository.ts';
import { rolesOf } from './roles.ts';

/** A person acting through Slack, with the roles they hold when their request arrives. */
export type UserActor = Extract<Actor, { kind: 'user' }>;

/**
 * The one place a request's person becomes an actor: the wiring calls it once where the request enters and hands
 * the actor to the use case, so use cases never look roles up for the person acting.
 */
export function createActorResolver(prisma: Db, admins: readonly string[]): (userId: string) => Promise<UserActor> {
  return async (userId) => ({ kind: 'user', userId, roles: await rolesOf(prisma, userId, admins) });
}
