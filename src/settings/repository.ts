import type { Db, Prisma, PrismaClient } from '../db/client.ts';

export type { Db, PrismaClient };

/** A setting's value as JSON (what the row holds). */
export type SettingValue = Prisma.InputJsonValue;

/** A setting's stored value, or undefined without a row (the default applies). */
export async function settingValue(db: Db, key: string): Promise<unknown> {
  return (await db.appSetting.findUnique({ where: { key } }))?.value;
}

/** Writes a setting's value (null removes the row), saying who changed it. */
export async function writeSetting(tx: Db, key: string, value: SettingValue | null, userId: string): Promise<void> {
  if (value === null) await tx.appSetting.deleteMany({ where: { key } });
  else
    await tx.appSetting.upsert({
      where: { key },
      create: { key, value, updatedById: userId },
      update: { value, updatedById: userId },
    });
}

/** The projects whose card is posted in one of some channels (a setting about those channels changes them). */
export async function projectsWithCardIn(db: Db, channels: readonly string[]): Promise<Array<{ id: string }>> {
  return db.project.findMany({
    where: { channelId: { in: [...channels] }, cardTs: { not: null } },
    select: { id: true },
  });
}
