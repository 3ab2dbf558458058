import type { Clock } from '../clock.ts';
import type { PrismaClient } from '../db/client.ts';
import { createFileResolver } from '../exports/file-delivery.ts';
import { FILE_METHOD } from '../exports/ids.ts';
import { createCardResolver } from '../projects/card-delivery.ts';
import { CARD_METHOD, THREAD_METHOD } from '../projects/ids.ts';
import { type OutboxResolver, routeResolvers } from './deliver-outbox.ts';

/** Every area's virtual outbox methods (cards and threads, generated files), for the sender and the scheduler alike. */
export function createOutboxResolver(prisma: PrismaClient, clock: Clock): OutboxResolver {
  const cards = createCardResolver(prisma);
  return routeResolvers({
    [CARD_METHOD]: cards,
    [THREAD_METHOD]: cards,
    [FILE_METHOD]: createFileResolver(prisma, () => clock.now()),
  });
}
