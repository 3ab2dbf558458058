import { EXIT_ITEMS, INCENTIVES } from '../../machines/pilot/events.ts';
import type { ChecklistKind } from './ids.ts';
import type { IncentiveTickRow } from './repository.ts';

/** A checklist as the card shows it: every item, done (who, which day) or open, and its due date if it has one. */
export interface CardChecklist {
  kind: ChecklistKind;
  rule: 'R-EXIT-6' | 'R-INC-1';
  items: Array<{ item: string; done: { by: string; on: string } | null }>;
  /** The exit plan's due date (R-EXIT-6), from the deadline engine; incentives have none. */
  dueDate: string | null;
  /** Whether this viewer may tick an open item (the working group: staff or managers). */
  mayTick: boolean;
}

type ExitContext = {
  exit?: { done: string[]; ticks?: Array<{ item: string; by: string; on: string }> } | null;
};

/**
 * The checklist a pilot card shows: the exit plan's while the project exits (the machine holds the ticks), the
 * incentives once it converted (rows beside the final machine). Null elsewhere.
 */
export function cardChecklist(
  project: { machine: string; stage: string },
  context: unknown,
  facts: { incentives: readonly IncentiveTickRow[]; exitDue: string | null; roles: readonly string[] },
): CardChecklist | null {
  if (project.machine !== 'pilot') return null;
  const mayTick = facts.roles.some((r) => r === 'staff' || r === 'manager');
  if (project.stage === 'exiting') {
    const exit = (context as ExitContext).exit;
    const done = exit?.done ?? [];
    const ticks = exit?.ticks ?? [];
    return {
      kind: 'exitPlan',
      rule: 'R-EXIT-6',
      items: EXIT_ITEMS.map((item) => {
        const tick = ticks.find((x) => x.item === item);
        // A snapshot from before ticks were kept knows the item is done, not by whom.
        return { item, done: tick ? { by: tick.by, on: tick.on } : done.includes(item) ? { by: '', on: '' } : null };
      }),
      dueDate: facts.exitDue,
      mayTick,
    };
  }
  if (project.stage === 'regularOperation')
    return {
      kind: 'incentives',
      rule: 'R-INC-1',
      items: INCENTIVES.map((item) => {
        const tick = facts.incentives.find((x) => x.item === item);
        return { item, done: tick ? { by: tick.doneById, on: tick.doneOn.toISOString().slice(0, 10) } : null };
      }),
      dueDate: null,
      mayTick,
    };
  return null;
}
