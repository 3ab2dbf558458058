import type { Actor, Role } from '../../machines/shared/actor.ts';
import { type Clock, systemClock } from '../clock.ts';
import { auditDeadline } from '../deadlines/access.ts';
import { InputError, PermissionError } from '../errors.ts';
import { buildDigest, type DigestData } from './build-digest.ts';
import { type DigestFilters, DigestFiltersSchema, readFilters } from './filters.ts';
import { deleteSubscription, type PrismaClient, saveSubscription, subscriptionOf } from './repository.ts';

const DIGEST_ADMINS: readonly Role[] = ['manager', 'admin'];

function assertManager(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user' || !actor.roles.some((r) => DIGEST_ADMINS.includes(r)))
    throw new PermissionError('error.permission.digest');
}

function assertChannel(channelId: string): void {
  if (!/^[CGD][A-Z0-9]{2,}$/.test(channelId))
    throw new InputError('error.digest.channelInvalid', { channel: channelId });
}

/** Subscribes a channel to the daily digest, or changes its filters (managers and admins; audited, projectId null). */
export async function subscribeDigest(
  prisma: PrismaClient,
  channelId: string,
  filters: DigestFilters,
  actor: Actor,
  clock: Clock = systemClock,
): Promise<{ channelId: string; filters: DigestFilters; created: boolean }> {
  assertManager(actor);
  assertChannel(channelId);
  const parsed = DigestFiltersSchema.safeParse(filters);
  if (!parsed.success) throw new InputError('error.digest.filtersInvalid');
  return prisma.$transaction(async (tx) => {
    const before = await subscriptionOf(tx, channelId);
    await saveSubscription(tx, channelId, parsed.data, actor.userId);
    await auditDeadline(tx, {
      projectId: null,
      actor,
      eventType: 'digest.subscribed',
      at: clock.now(),
      payload: { channelId, before: before ? before.filters : null, after: parsed.data },
    });
    return { channelId, filters: parsed.data, created: !before };
  });
}

/** Unsubscribes a channel (managers and admins; audited); false when it was not subscribed. */
export async function unsubscribeDigest(
  prisma: PrismaClient,
  channelId: string,
  actor: Actor,
  clock: Clock = systemClock,
): Promise<boolean> {
  assertManager(actor);
  return prisma.$transaction(async (tx) => {
    if (!(await deleteSubscription(tx, channelId))) return false;
    await auditDeadline(tx, {
      projectId: null,
      actor,
      eventType: 'digest.unsubscribed',
      at: clock.now(),
      payload: { channelId },
    });
    return true;
  });
}

/**
 * `/pilot digest now`: the digest as it would be sent now, with the channel's subscription filters when it has one
 * (else the filters given). Read-only; anyone may look.
 */
export async function previewDigest(
  prisma: PrismaClient,
  clock: Clock,
  input: { channelId?: string; filters?: DigestFilters },
): Promise<DigestData> {
  const sub = input.channelId ? await subscriptionOf(prisma, input.channelId) : null;
  const filters = sub ? readFilters(sub.filters) : (input.filters ?? {});
  return buildDigest(prisma, clock.now(), filters);
}
