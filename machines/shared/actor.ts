import { z } from 'zod';

/** Roles a Slack user can hold in the bot (RULES.md "Actors"). */
export const RoleSchema = z.enum(['admin', 'manager', 'staff', 'reviewer']);
export type Role = z.infer<typeof RoleSchema>;

/** Who sent an event: a Slack user with roles, or the deadline scheduler. */
export const ActorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.string().min(1), roles: z.array(RoleSchema) }),
  z.object({ kind: z.literal('scheduler') }),
]);
export type Actor = z.infer<typeof ActorSchema>;

/**
 * Who may send an event: a list of roles (which may also name the scheduler, the system acting on its own, e.g. the
 * automatic reviewer assignment), or only the scheduler (a period ran out).
 */
export type Sender = readonly (Role | 'scheduler')[] | 'scheduler';

/** Whether the actor is allowed by the sender rule; users need one of the roles. */
export function actorMay(actor: Actor, sender: Sender): boolean {
  if (actor.kind === 'scheduler') return sender === 'scheduler' || sender.includes('scheduler');
  return sender !== 'scheduler' && actor.roles.some((role) => sender.includes(role));
}

/** The Slack user id of a user actor, or null for the scheduler. */
export function userIdOf(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

/** Whether the actor holds the role (the scheduler holds none). */
export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === 'user' && actor.roles.includes(role);
}
