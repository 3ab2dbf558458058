import { closeRectificationItem } from '../records/close-rectification-item.ts';
import { editRecord } from '../records/edit-record.ts';
import { getRecord } from '../records/get-record.ts';
import type { RecordKind } from '../records/kinds.ts';
import { listRecords, type RecordItem, type RecordsList } from '../records/list-records.ts';
import { openRectificationItem } from '../records/open-rectification-item.ts';
import { programmeToday, type WiringContext } from './context.ts';

/** The supervision records (issue 13) as listeners call them; each call names the person. */
export interface RecordsWiring {
  records: {
    list(userId: string, ref: string, kind: RecordKind | null): Promise<RecordsList>;
    item(userId: string, recordId: string): Promise<RecordItem>;
    edit(userId: string, recordId: string, values: Record<string, string | undefined>): Promise<{ changed: string[] }>;
    openItem(
      userId: string,
      findingId: string,
      values: { requiredChange: string; dueDate: string },
    ): Promise<{ key: string }>;
    closeItem(
      userId: string,
      itemId: string,
      values: { evidence: string; closedOn: string },
    ): Promise<{ key: string; late: boolean }>;
  };
}

/** Binds the records' use cases to the database, the clock and the outbox flush. */
export function recordsWiring(ctx: WiringContext): RecordsWiring {
  const { prisma, clock, actorOf } = ctx;
  const deps = { prisma, clock, afterCommit: ctx.afterCommit };
  return {
    records: {
      list: async (userId, ref, kind) => listRecords(prisma, await actorOf(userId), ref, kind, programmeToday(clock)),
      item: async (userId, recordId) => getRecord(prisma, await actorOf(userId), recordId, programmeToday(clock)),
      edit: async (userId, recordId, values) => editRecord(deps, await actorOf(userId), recordId, values),
      openItem: async (userId, findingId, values) =>
        openRectificationItem(deps, await actorOf(userId), findingId, values),
      closeItem: async (userId, itemId, values) => closeRectificationItem(deps, await actorOf(userId), itemId, values),
    },
  };
}
