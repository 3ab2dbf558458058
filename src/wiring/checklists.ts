import type { TickRef } from '../checklists/ids.ts';
import { tickChecklistItem } from '../checklists/tick-checklist-item.ts';
import type { WiringContext } from './context.ts';

/** The checklists on project cards (R-EXIT-6, R-INC-1), as listeners call them. */
export interface ChecklistsWiring {
  checklists: {
    /** Ticks one item for the person who pressed, dated today; audited; the card is refreshed. */
    tick(userId: string, ref: TickRef): Promise<{ ref: string; kind: TickRef['k']; item: string }>;
  };
}

/** Binds the checklist use cases. */
export function checklistsWiring(ctx: WiringContext): ChecklistsWiring {
  return {
    checklists: {
      tick: async (userId, ref) => tickChecklistItem(ctx, await ctx.actorOf(userId), ref),
    },
  };
}
