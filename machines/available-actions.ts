import type { AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import { COACHING_EVENTS, type EventInfo, PILOT_EVENTS } from './catalog.ts';
import { type SampleOptions, sampleCoachingEvents, samplePilotEvents } from './samples.ts';
import type { Actor } from './shared/actor.ts';
import type { FieldSpec } from './shared/fields.ts';

/** One thing a person can do now: the event type (and decision kind), its label and its form. */
export interface AvailableAction {
  type: string;
  decisionKind?: string;
  labelKey: string;
  fact: boolean;
  fields: FieldSpec[];
}

// Guards compare dates within the project, never with the clock, so any fixed instant answers "can".
const DEFAULT_AT = '2000-01-01T00:00:00+08:00';

/** The events this actor may send now: roles, identity and guards all count, through `snapshot.can`. */
export function availableActions(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  actor: Actor,
  options: SampleOptions = { at: DEFAULT_AT },
): AvailableAction[] {
  const pilot = machine.id === 'pilot';
  const catalog: Record<string, EventInfo> = pilot ? PILOT_EVENTS : COACHING_EVENTS;
  const samples: EventObject[] = pilot
    ? samplePilotEvents(snapshot.context, actor, options)
    : sampleCoachingEvents(snapshot.context, actor, options);
  const found = new Map<string, AvailableAction>();
  for (const event of samples) {
    const decisionKind = (event as { decisionKind?: string }).decisionKind;
    const id = `${event.type}/${decisionKind ?? ''}`;
    if (found.has(id) || !snapshot.can(event)) continue;
    const info = catalog[event.type] as EventInfo;
    const decision = decisionKind ? info.decisions?.[decisionKind] : undefined;
    found.set(id, {
      type: event.type,
      ...(decisionKind ? { decisionKind } : {}),
      labelKey: decision?.labelKey ?? info.labelKey,
      fact: info.fact,
      fields: decision?.fields ?? info.fields,
    });
  }
  return [...found.values()];
}
