import { NotFoundError } from '../errors.ts';
import { normaliseRef } from './next-ref.ts';
import { type Db, projectByRef } from './repository.ts';

/** A project by its human reference (any case, full-width accepted); a clear NotFoundError otherwise. */
export async function findProjectByRef(prisma: Db, raw: string) {
  const ref = normaliseRef(raw) ?? raw;
  const project = await projectByRef(prisma, ref);
  if (!project) throw new NotFoundError('error.projectNotFound', { ref });
  return project;
}
