import { IsoDateSchema } from '../../machines/shared/events-common.ts';
import { shanghaiDate } from '../clock.ts';
import { InputError, NotFoundError } from '../errors.ts';
import { requireProject } from '../projects/repository.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { assertWorkingGroup } from './access.ts';
import type { RecordData } from './kinds.ts';
import { scheduleOwn } from './own-deadlines.ts';
import { inRecordChange, type RecordsDeps } from './record-change.ts';
import { countRecords, insertRecord, recordById } from './repository.ts';

/**
 * A finding of an inspection opens a rectification item (R-SUP-2): what must change and by when. The item is a row
 * with its own deadline (reminders to the owner, escalation when missed), audited, and the card shows it.
 */
export async function openRectificationItem(
  deps: RecordsDeps,
  actor: UserActor,
  findingId: string,
  values: { requiredChange: string; dueDate: string },
): Promise<{ key: string }> {
  assertWorkingGroup(actor.roles);
  const finding = await recordById(deps.prisma, findingId);
  if (finding?.kind !== 'finding') throw new NotFoundError('records.notFound');
  const today = shanghaiDate(deps.clock.now());
  const requiredChange = values.requiredChange.trim();
  const fields: Record<string, { key: 'field.required' | 'field.tooLong' | 'records.dueNotAfterToday' }> = {};
  if (!requiredChange) fields.requiredChange = { key: 'field.required' };
  else if ([...requiredChange].length > 3000) fields.requiredChange = { key: 'field.tooLong' };
  if (!IsoDateSchema.safeParse(values.dueDate).success) fields.dueDate = { key: 'field.required' };
  else if (values.dueDate <= today) fields.dueDate = { key: 'records.dueNotAfterToday' };
  if (Object.keys(fields).length > 0) throw new InputError('action.invalid', {}, fields);
  const project = await requireProject(deps.prisma, finding.projectId);
  let key = '';
  await inRecordChange(
    deps,
    actor,
    project,
    { eventType: 'record.itemOpened', refreshCard: true, factDate: today },
    async (tx, now) => {
      key = `r${(await countRecords(tx, project.id, 'rectification')) + 1}`;
      const data: RecordData<'rectification'> = { requiredChange, evidence: null, source: 'finding' };
      const row = await insertRecord(tx, {
        projectId: project.id,
        kind: 'rectification',
        key,
        parentKey: finding.key,
        status: 'open',
        data,
        openedOn: today,
        dueDate: values.dueDate,
        createdBy: actor.userId,
      });
      const due = await scheduleOwn(tx, project, now, {
        kind: 'rectificationItemDue',
        key: `rectificationItemDue:${key}`,
        rule: 'R-SUP-2',
        basis: today,
        dueDate: values.dueDate,
      });
      return {
        payload: { recordId: row.id, kind: 'rectification', key, finding: finding.key, dueDate: due.dueDate },
        suffix: `item:${row.id}`,
      };
    },
  );
  return { key };
}
