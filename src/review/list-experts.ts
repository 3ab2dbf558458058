import { PermissionError } from '../errors.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { holdsAny } from '../roles/roles.ts';
import { loadCandidates } from './load-candidates.ts';
import type { Candidate } from './rank-experts.ts';
import type { PrismaClient } from './repository.ts';
import { autoAssignEnabled } from './review-settings.ts';

/** The expert pool as staff see it in `/pilot experts`: each expert with load and absences, and the auto setting. */
export async function listExperts(
  prisma: PrismaClient,
  actor: UserActor,
): Promise<{ experts: Candidate[]; autoAssign: boolean }> {
  if (!holdsAny(actor.roles, ['staff', 'manager'])) throw new PermissionError('experts.permission');
  return { experts: await loadCandidates(prisma), autoAssign: await autoAssignEnabled(prisma) };
}
