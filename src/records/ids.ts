import { z } from 'zod';

/** Slack IDs of the supervision records: list buttons, the edit and rectification-item modals. */
export const RECORDS = {
  actions: {
    edit: 'records.edit',
    openItem: 'records.openItem',
    closeItem: 'records.closeItem',
  },
  callbacks: {
    edit: 'records.edit.submit',
    openItem: 'records.openItem.submit',
    closeItem: 'records.closeItem.submit',
  },
  /** One input per block; the block id names the field (`rec.summary`). */
  fieldBlock: (field: string) => `rec.${field}`,
  fieldAction: 'v',
} as const;

/** A record button's value and its modal's private_metadata: which record (validated on the way back). */
export const RecordRefSchema = z.object({ r: z.uuid() });
export type RecordRef = z.infer<typeof RecordRefSchema>;
