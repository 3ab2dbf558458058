import type { Clock } from '../clock.ts';
import { InputError, PermissionError } from '../errors.ts';
import { enqueueMessages } from '../outbox/enqueue-messages.ts';
import { CARD_METHOD } from '../projects/ids.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { holdsAny } from '../roles/roles.ts';
import { type Db, type PrismaClient, projectsWithCardIn, settingValue } from './repository.ts';
import { saveSetting } from './save-setting.ts';

/** The setting naming the working group's own channel: the one channel whose cards show reviewers' names. */
export const WORKING_GROUP_KEY = 'channels.workingGroup';

/** The working group's channel, or null while no admin has named one (then no channel sees reviewers' names). */
export async function workingGroupChannel(db: Db): Promise<string | null> {
  const value = await settingValue(db, WORKING_GROUP_KEY);
  return typeof value === 'string' ? value : null;
}

/**
 * `/pilot settings workgroup [off]`: an admin names the channel only the working group is in (or unsets it), audited.
 * The cards already posted in the old and the new channel are refreshed, so what they show follows the setting.
 */
export async function setWorkingGroupChannel(
  deps: { prisma: PrismaClient; clock: Clock; afterCommit(keys: string[]): void },
  actor: UserActor,
  channelId: string | null,
): Promise<{ previous: string | null }> {
  const { userId, roles } = actor;
  if (!holdsAny(roles, ['admin'])) throw new PermissionError('settings.permission');
  // Direct messages (D…) and users (U…) are not channels: a card is never posted there for the group.
  if (channelId !== null && !/^[CG][A-Z0-9]+$/.test(channelId)) throw new InputError('settings.workgroupNotChannel');
  const now = deps.clock.now();
  const { previous, keys } = await deps.prisma.$transaction(async (tx) => {
    const saved = await saveSetting(tx, { key: WORKING_GROUP_KEY, value: channelId, userId, roles, at: now });
    const previous = typeof saved.previous === 'string' ? saved.previous : null;
    const affected = [previous, channelId].filter((c): c is string => c !== null);
    const projects = await projectsWithCardIn(tx, affected);
    const items = projects.map((p) => ({
      key: `card:${p.id}:setting:${now.getTime()}`,
      method: CARD_METHOD,
      projectId: p.id,
      args: { projectId: p.id },
      notBefore: now,
    }));
    await enqueueMessages(tx, items);
    return { previous, keys: items.map((i) => i.key) };
  });
  deps.afterCommit(keys);
  return { previous };
}
