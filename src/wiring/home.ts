import { homeView } from '../home/home-view.ts';
import { publishHomes } from '../home/publish-homes.ts';
import type { WiringContext } from './context.ts';

/** The App Home as listeners call it. */
export interface HomeWiring {
  home: {
    /** The person's App Home view, read fresh, in their language. */
    view(userId: string): Promise<Record<string, unknown>>;
    /**
     * Republishes the Home tabs of these people and, given a project, of its owner and the people its open
     * deadlines wait on; never throws (failures go to onError). `idle()` waits for it.
     */
    refresh(userIds: readonly string[], projectId?: string): Promise<void>;
  };
}

/** Binds the Home use cases; a refresh runs in the background and is tracked for `idle()`. */
export function homeWiring(ctx: WiringContext): HomeWiring {
  const view = async (userId: string) => homeView(ctx, await ctx.actorOf(userId), await ctx.languages.langFor(userId));
  return {
    home: {
      view,
      refresh: (userIds, projectId) => ctx.track(publishHomes({ ...ctx, view }, userIds, projectId).catch(ctx.onError)),
    },
  };
}
