import { z } from 'zod';

/** The checklists a project card shows with a tick button per open item (R-EXIT-6 exit plan, R-INC-1 incentives). */
export const CHECKLIST_KINDS = ['exitPlan', 'incentives'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];

/** Slack IDs of the checklist on a card: one tick button per open item, told apart by the item in the action id. */
export const CHECKLIST = {
  tickPrefix: 'checklist.tick.',
  tickPattern: /^checklist\.tick\./,
  blockId: 'checklist.items',
} as const;

/** What a tick button carries: the project, the checklist and the item. */
export const TickRefSchema = z.object({
  p: z.uuid(),
  k: z.enum(CHECKLIST_KINDS),
  i: z.string().regex(/^[a-zA-Z]{1,60}$/),
});
export type TickRef = z.infer<typeof TickRefSchema>;
