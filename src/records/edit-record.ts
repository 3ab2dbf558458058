import { InputError, NotFoundError } from '../errors.ts';
import { requireProject } from '../projects/repository.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { assertWorkingGroup } from './access.ts';
import { EDITABLE, PersonalSchema, RECORD_DATA, type RecordKind } from './kinds.ts';
import { inRecordChange, type RecordsDeps } from './record-change.ts';
import { recordById, updateRecord } from './repository.ts';

const MAX = { long: 3000, short: 200 } as const;
/** Fields a record cannot be left without (what the record is about); the others may be emptied. */
const REQUIRED = new Set(['summary', 'text', 'requiredChange']);

/**
 * Staff edit what people wrote in a record (its text fields), with a trail: one audit row with each changed field
 * before and after. A complainant's personal data is audited as changed without its values, so the trail never
 * spreads it further. Nothing changes when nothing differs or a field is wrong (errors come back per field).
 */
export async function editRecord(
  deps: RecordsDeps,
  actor: UserActor,
  recordId: string,
  values: Record<string, string | undefined>,
): Promise<{ changed: string[] }> {
  assertWorkingGroup(actor.roles);
  const row = await recordById(deps.prisma, recordId);
  if (!row) throw new NotFoundError('records.notFound');
  const kind = row.kind as RecordKind;
  const data = RECORD_DATA[kind].parse(row.data) as Record<string, unknown>;
  const personal = PersonalSchema.parse(row.personal ?? { complainantName: null, complainantContact: null });
  const fields: Record<string, { key: 'field.required' | 'field.tooLong' }> = {};
  const changes: Array<{ field: string; before?: unknown; after?: unknown; personal?: true }> = [];
  const nextData = { ...data };
  const nextPersonal: Record<string, string | null> = { ...personal };
  for (const spec of EDITABLE[kind]) {
    const raw = values[spec.field];
    if (raw === undefined) continue;
    const value = raw.trim();
    if (value.length === 0 && REQUIRED.has(spec.field)) fields[spec.field] = { key: 'field.required' };
    else if ([...value].length > (spec.long ? MAX.long : MAX.short)) fields[spec.field] = { key: 'field.tooLong' };
    const after = value.length === 0 ? null : value;
    const target = spec.personal ? nextPersonal : nextData;
    const before = target[spec.field] ?? null;
    if (before === after) continue;
    target[spec.field] = after;
    changes.push(spec.personal ? { field: spec.field, personal: true } : { field: spec.field, before, after });
  }
  if (Object.keys(fields).length > 0) throw new InputError('action.invalid', {}, fields);
  if (changes.length === 0) return { changed: [] };
  const project = await requireProject(deps.prisma, row.projectId);
  await inRecordChange(deps, actor, project, { eventType: 'record.edited', refreshCard: false }, async (tx, now) => {
    await updateRecord(tx, row.id, {
      data: RECORD_DATA[kind].parse(nextData),
      ...(changes.some((c) => c.personal) ? { personal: nextPersonal } : {}),
    });
    return {
      payload: { recordId: row.id, kind, key: row.key, changes },
      suffix: `edit:${row.id}:${now.getTime()}`,
    };
  });
  return { changed: changes.map((c) => c.field) };
}
