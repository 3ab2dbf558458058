import type { PrismaClient } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { normaliseRef } from './next-ref.ts';

/** A project by its human reference (any case, full-width accepted); a clear NotFoundError otherwise. */
export async function findProjectByRef(prisma: Pick<PrismaClient, 'project'>, raw: string) {
  const ref = normaliseRef(raw) ?? raw;
  const project = await prisma.project.findUnique({ where: { ref } });
  if (!project) throw new NotFoundError('error.projectNotFound', { ref });
  return project;
}
