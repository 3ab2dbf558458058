import type { Actor } from '../../machines/shared/actor.ts';
import type { PrismaClient } from '../db/client.ts';
import { rolesOf } from '../roles/roles.ts';

/** The person acting on their own review, with their roles as the machine checks them. */
export async function reviewerActor(prisma: PrismaClient, userId: string, admins: readonly string[]): Promise<Actor> {
  return { kind: 'user', userId, roles: await rolesOf(prisma, userId, admins) };
}
