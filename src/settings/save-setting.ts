import type { Prisma } from '../db/client.ts';

/**
 * Writes a programme setting and its audit row in the caller's transaction: every setting change says who, when,
 * and what it was before. A null value removes the row (the default applies again).
 */
export async function saveSetting(
  tx: Prisma.TransactionClient,
  change: { key: string; value: Prisma.InputJsonValue | null; userId: string; roles?: readonly string[]; at: Date },
): Promise<{ previous: unknown }> {
  const before = await tx.appSetting.findUnique({ where: { key: change.key } });
  if (change.value === null) await tx.appSetting.deleteMany({ where: { key: change.key } });
  else
    await tx.appSetting.upsert({
      where: { key: change.key },
      create: { key: change.key, value: change.value, updatedById: change.userId },
      update: { value: change.value, updatedById: change.userId },
    });
  await tx.auditEvent.create({
    data: {
      actorKind: 'user',
      actorId: change.userId,
      actorRoles: [...(change.roles ?? [])],
      eventType: 'setting.changed',
      payload: { key: change.key, value: change.value, previous: (before?.value ?? null) as Prisma.InputJsonValue },
      recordedAt: change.at,
    },
  });
  return { previous: before?.value ?? null };
}
