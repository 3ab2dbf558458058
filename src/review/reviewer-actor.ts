import type { Actor } from '../../machines/actor.ts';
import { rolesOf } from '../roles/roles.ts';
import type { PrismaClient } from './repository.ts';

/** The person acting on their own review, with their roles as the machine checks them. */
export async function reviewerActor(prisma: PrismaClient, userId: string, admins: readonly string[]): Promise<Actor> {
  return { kind: 'user', userId, roles: await rolesOf(prisma, userId, admins) };
}
