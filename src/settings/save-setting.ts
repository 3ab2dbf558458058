import { recordAudit } from '../db/audit.ts';
import { type Db, type SettingValue, settingValue, writeSetting } from './repository.ts';

/**
 * Writes a programme setting and its audit row in the caller's transaction: every setting change says who, when,
 * and what it was before. A null value removes the row (the default applies again).
 */
export async function saveSetting(
  tx: Db,
  change: { key: string; value: SettingValue | null; userId: string; roles?: readonly string[]; at: Date },
): Promise<{ previous: unknown }> {
  const before = (await settingValue(tx, change.key)) ?? null;
  await writeSetting(tx, change.key, change.value, change.userId);
  await recordAudit(tx, {
    actorKind: 'user',
    actorId: change.userId,
    actorRoles: change.roles ?? [],
    eventType: 'setting.changed',
    payload: { key: change.key, value: change.value, previous: before },
    recordedAt: change.at,
  });
  return { previous: before };
}
