import { type Db, grantedAdmins } from './repository.ts';

/** Everyone who is an admin: those in PILOTDESK_ADMINS and those granted the role with `/pilot roles`. */
export async function adminIds(prisma: Db, configured: readonly string[]): Promise<string[]> {
  return [...new Set([...configured, ...(await grantedAdmins(prisma))])];
}
