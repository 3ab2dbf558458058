import type { PrismaClient } from '../db/client.ts';

/** Everyone who is an admin: those in PILOTDESK_ADMINS and those granted the role with `/pilot roles`. */
export async function adminIds(
  prisma: Pick<PrismaClient, 'userRole'>,
  configured: readonly string[],
): Promise<string[]> {
  const granted = await prisma.userRole.findMany({ where: { role: 'admin' }, select: { userId: true } });
  return [...new Set([...configured, ...granted.map((g) => g.userId)])];
}
