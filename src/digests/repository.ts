import type { Db, Prisma, PrismaClient } from '../db/client.ts';

export type { Db, PrismaClient };

const DAY = 86_400_000;

/** Projects per track and stage, for the filters' projects (a plain `where` on the project's columns). */
export async function stageCounts(db: Db, project: { track?: string; stage?: string }) {
  const rows = await db.project.groupBy({
    by: ['track', 'stage'],
    where: project,
    _count: { _all: true },
    orderBy: [{ track: 'asc' }, { stage: 'asc' }],
  });
  return rows.map((s) => ({ track: s.track, stage: s.stage, count: s._count._all }));
}

/** The running deadlines of the filters' projects due within 30 days of now, or missed, soonest first. */
export async function digestDeadlines(db: Db, project: { track?: string; stage?: string }, now: Date) {
  return db.deadline.findMany({
    where: {
      project,
      status: { in: ['open', 'missed'] },
      OR: [{ dueAt: { lte: new Date(now.getTime() + 30 * DAY) } }, { status: 'missed' }],
    },
    // Only what a line shows: the rows' spec and explanation JSON would be most of the bytes read and parsed.
    select: {
      id: true,
      kind: true,
      clock: true,
      status: true,
      dueDate: true,
      dueAt: true,
      responsibleUserId: true,
      unknownYears: true,
      project: { select: { ref: true, title: true } },
    },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
  });
}

/** Every digest subscription, by channel. */
export async function subscriptions(db: Db): Promise<Array<{ channelId: string; filters: unknown }>> {
  return db.digestSubscription.findMany({ orderBy: { channelId: 'asc' }, select: { channelId: true, filters: true } });
}

/** A channel's subscription filters as stored, or null when it is not subscribed. */
export async function subscriptionOf(db: Db, channelId: string): Promise<{ filters: unknown } | null> {
  return db.digestSubscription.findUnique({ where: { channelId }, select: { filters: true } });
}

/** Subscribes a channel or replaces its filters. */
export async function saveSubscription(tx: Db, channelId: string, filters: object, createdById: string) {
  const value = filters as Prisma.InputJsonValue;
  await tx.digestSubscription.upsert({
    where: { channelId },
    create: { channelId, filters: value, createdById },
    update: { filters: value },
  });
}

/** Removes a channel's subscription; false when there was none. */
export async function deleteSubscription(tx: Db, channelId: string): Promise<boolean> {
  return (await tx.digestSubscription.deleteMany({ where: { channelId } })).count > 0;
}

/** The outbox keys among some that are already written (a day's digest is enqueued once). */
export async function writtenKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  const rows = await db.outboxMessage.findMany({ where: { key: { in: [...keys] } }, select: { key: true } });
  return new Set(rows.map((r) => r.key));
}
