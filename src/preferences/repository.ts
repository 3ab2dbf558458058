import type { Db } from '../db/client.ts';

export type { Db };

/** The language code stored for a person (U…/W…) or a channel, or null. */
export async function storedLangCode(db: Db, recipient: string): Promise<string | null> {
  const row = /^[UW]/.test(recipient)
    ? await db.userPreference.findUnique({ where: { userId: recipient } })
    : await db.channelPreference.findUnique({ where: { channelId: recipient } });
  return row?.lang ?? null;
}

/** Stores a person's language choice. */
export async function saveUserLang(db: Db, userId: string, lang: string): Promise<void> {
  await db.userPreference.upsert({ where: { userId }, update: { lang }, create: { userId, lang } });
}
