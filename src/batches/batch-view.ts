import type { Clock } from '../clock.ts';
import { PermissionError } from '../errors.ts';
import { holdsAny, type Role } from '../roles/roles.ts';
import type { PrismaClient } from './repository.ts';

export interface BatchDeps {
  prisma: PrismaClient;
  clock: Clock;
}

/** A batch as people see it, with its status on a given day. */
export interface BatchView {
  id: string;
  name: string;
  opensOn: string;
  closesOn: string;
  status: 'planned' | 'open' | 'closed';
}

/** Batches are scheduled and closed by the working group and admins. */
export function assertMayManageBatches(roles: readonly Role[]): void {
  if (!holdsAny(roles, ['staff', 'manager', 'admin'])) throw new PermissionError('batch.permission');
}

/** R-BATCH-1: a batch is open from its first to its last day inclusive (Shanghai), unless staff closed it early. */
function batchStatus(
  b: { opensOn: Date; closesOn: Date; closedEarly: Date | null },
  today: string,
): BatchView['status'] {
  if (b.closedEarly) return 'closed';
  const opens = b.opensOn.toISOString().slice(0, 10);
  const closes = b.closesOn.toISOString().slice(0, 10);
  if (today < opens) return 'planned';
  return today <= closes ? 'open' : 'closed';
}

/** A batch row as people see it on `today`. */
export function batchView(
  b: { id: string; name: string; opensOn: Date; closesOn: Date; closedEarly: Date | null },
  today: string,
): BatchView {
  return {
    id: b.id,
    name: b.name,
    opensOn: b.opensOn.toISOString().slice(0, 10),
    closesOn: b.closesOn.toISOString().slice(0, 10),
    status: batchStatus(b, today),
  };
}
