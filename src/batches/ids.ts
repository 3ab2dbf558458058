import { z } from 'zod';

/** Slack IDs of the batch placement (R-BATCH-1): the button that opens it, the modal and its one input. */
export const BATCH_PLACE = {
  openAction: 'batch.place.open',
  callbackId: 'batch.place',
  blocks: { projects: 'batch_place_projects' },
  action: 'v',
} as const;

/** What the placement button carries and the placement modal keeps: the batch the applications go to. */
export const BatchRefSchema = z.object({ b: z.uuid() });

/** The project ids a placement modal may submit (ids of the waiting applications it offered). */
export const PlacementSchema = z.array(z.uuid()).max(100);

/** Slack IDs of the batch modal. */
export const BATCH_MODAL = {
  callbackId: 'batch.open',
  blocks: { name: 'batch_name', opensOn: 'batch_opens', closesOn: 'batch_closes' },
  action: 'v',
} as const;
