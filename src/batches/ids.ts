/** Slack IDs of the batch modal. */
export const BATCH_MODAL = {
  callbackId: 'batch.open',
  blocks: { name: 'batch_name', opensOn: 'batch_opens', closesOn: 'batch_closes' },
  action: 'v',
} as const;
