import { IsoDateSchema } from '../../machines/shared/events-common.ts';
import { shanghaiDate } from '../clock.ts';
import { InputError, NotFoundError } from '../errors.ts';
import { requireProject } from '../projects/repository.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { assertWorkingGroup } from './access.ts';
import { RECORD_DATA } from './kinds.ts';
import { closeOwn } from './own-deadlines.ts';
import { inRecordChange, type RecordsDeps } from './record-change.ts';
import { recordById, updateRecord } from './repository.ts';

/**
 * A rectification item opened from a finding is closed with its evidence (text or links) and the date it was done:
 * closed after its due date it is flagged late; its deadline is met (or met late) and the card shows it.
 */
export async function closeRectificationItem(
  deps: RecordsDeps,
  actor: UserActor,
  itemId: string,
  values: { evidence: string; closedOn: string },
): Promise<{ key: string; late: boolean }> {
  assertWorkingGroup(actor.roles);
  const item = await recordById(deps.prisma, itemId);
  if (item?.kind !== 'rectification') throw new NotFoundError('records.notFound');
  const data = RECORD_DATA.rectification.parse(item.data);
  if (item.status !== 'open' || data.source !== 'finding')
    throw new InputError('records.itemNotOpen', { key: item.key });
  const today = shanghaiDate(deps.clock.now());
  const evidence = values.evidence.trim();
  const fields: Record<string, { key: 'field.required' | 'field.tooLong' | 'records.dateInFuture' }> = {};
  if (!evidence) fields.evidence = { key: 'field.required' };
  else if ([...evidence].length > 3000) fields.evidence = { key: 'field.tooLong' };
  if (!IsoDateSchema.safeParse(values.closedOn).success) fields.closedOn = { key: 'field.required' };
  else if (values.closedOn > today) fields.closedOn = { key: 'records.dateInFuture' };
  if (Object.keys(fields).length > 0) throw new InputError('action.invalid', {}, fields);
  const due = item.dueDate?.toISOString().slice(0, 10) ?? null;
  const late = due !== null && values.closedOn > due;
  const project = await requireProject(deps.prisma, item.projectId);
  await inRecordChange(
    deps,
    actor,
    project,
    { eventType: 'record.itemClosed', refreshCard: true, factDate: values.closedOn },
    async (tx, now) => {
      await updateRecord(tx, item.id, {
        status: 'closed',
        data: { ...data, evidence },
        closedOn: values.closedOn,
        late,
      });
      await closeOwn(tx, project, now, 'rectificationItemDue', `rectificationItemDue:${item.key}`);
      return {
        payload: { recordId: item.id, kind: 'rectification', key: item.key, dueDate: due, late },
        suffix: `close:${item.id}`,
      };
    },
  );
  return { key: item.key, late };
}
