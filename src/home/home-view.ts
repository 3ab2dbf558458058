import type { Clock } from '../clock.ts';
import type { Lang } from '../i18n/index.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { appHomeView } from '../views/app-home.ts';
import { getHome } from './get-home.ts';
import type { PrismaClient } from './repository.ts';

/** The person's App Home view, read fresh, in their language. */
export async function homeView(
  deps: { prisma: PrismaClient; clock: Clock },
  actor: UserActor,
  lang: Lang,
): Promise<Record<string, unknown>> {
  return appHomeView(await getHome(deps.prisma, actor.userId, actor.roles, deps.clock.now()), lang);
}
