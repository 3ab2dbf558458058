import type { ViewStateValue } from '@slack/bolt';
import { type FieldSpec, PROJECT } from '../../projects/ids.ts';
import { readInput } from './read-values.ts';

type StateValues = Record<string, Record<string, ViewStateValue>>;

/**
 * Reads an action modal's values back into an event payload, by the fields the action declares: empty optional
 * fields are left out, numbers and checkboxes get their types; the event schema validates the rest.
 */
export function readActionValues(values: StateValues, fields: readonly Pick<FieldSpec, 'name' | 'kind'>[]) {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = readInput(values, PROJECT.fieldBlock(field.name), PROJECT.fieldAction);
    if (raw === undefined || raw === null || raw === '') continue;
    if (field.kind === 'number') out[field.name] = Number(raw);
    else if (field.kind === 'checkbox') out[field.name] = Array.isArray(raw) && raw.includes('true');
    else out[field.name] = raw;
  }
  return out;
}
