import type { HomeView } from '@slack/types';
import { getHome } from '../home/get-home.ts';
import { publishHomes } from '../home/publish-homes.ts';
import { appHomeView } from '../views/home/app-home.ts';
import type { WiringContext } from './context.ts';

/** The App Home as listeners call it. */
export interface HomeWiring {
  home: {
    /** The person's App Home view, read fresh, in their language. */
    view(userId: string): Promise<HomeView>;
    /**
     * Republishes the Home tabs of these people and, given a project, of its owner and the people its open
     * deadlines wait on; never throws (failures go to onError). `idle()` waits for it.
     */
    refresh(userIds: readonly string[], projectId?: string): Promise<void>;
  };
}

/**
 * Binds the Home use cases; the Home is read as data and rendered here. A refresh runs in the background and is
 * tracked for `idle()`.
 */
export function homeWiring(ctx: WiringContext): HomeWiring {
  const view = async (userId: string): Promise<HomeView> => {
    const actor = await ctx.actorOf(userId);
    const lang = await ctx.languages.langFor(userId);
    return appHomeView(await getHome(ctx.prisma, actor.userId, actor.roles, ctx.clock.now()), lang);
  };
  return {
    home: {
      view,
      refresh: (userIds, projectId) => ctx.track(publishHomes({ ...ctx, view }, userIds, projectId).catch(ctx.onError)),
    },
  };
}
