import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.ts';
import {
  ADMIN,
  createTestStorage,
  startTestApp,
  type TestApp,
  type TestStorage,
  WORKING_GROUP_CHANNEL,
} from '../support/app.ts';
import { pilotInput } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';
import { schedule } from '../support/scheduler.ts';

const STAFF = 'U0STAFFQUE';
const IN_FLIGHT = 2;
const COMMANDS = 12;
const BACKLOG = 60;

/** Opens the storage the app used, once it has stopped (the embedded folder's lock is free again). */
async function reopen(storage: TestStorage): Promise<Database> {
  return openDatabase(
    storage.env.DATABASE_URL
      ? { engine: 'postgres', url: storage.env.DATABASE_URL }
      : { engine: 'pglite', dataDir: storage.env.PILOTDESK_DATA_DIR! },
  );
}

describe('acknowledged requests wait for a turn, and a stop drains the queue (decision 021)', () => {
  let storage: TestStorage;
  let t: TestApp;
  beforeAll(async () => {
    storage = await createTestStorage();
    t = await startTestApp({
      storage,
      env: { PILOTDESK_HANDLERS_IN_FLIGHT: String(IN_FLIGHT), PILOTDESK_SHUTDOWN_TIMEOUT_MS: '120000' },
    });
  });
  afterAll(async () => {
    await t?.fake.close();
    await storage?.dispose();
  });

  it(`${COMMANDS} commands during a ${BACKLOG}-step backlog: all acked at once, ${IN_FLIGHT} worked on at a time in arrival order, none lost on a stop`, async () => {
    const granted = await t.slack.command({
      text: `roles grant <@${STAFF}> staff`,
      userId: ADMIN,
      channelId: WORKING_GROUP_CHANNEL,
    });
    expect(granted.status).toBe(200);
    await t.fake.waitForResponse((r) => String(r.body.text).includes(STAFF));
    // The start's own tick has nothing to do; wait for it so the next one is ours.
    await t.server.tick();

    // A backlog after downtime: one reminder due on each of BACKLOG projects (two claim batches).
    const prisma = t.server.db.prisma;
    for (let i = 0; i < BACKLOG; i++) {
      const ref = `P-Q-${String(i).padStart(3, '0')}`;
      const p = await insertProject(prisma, { ...pilotInput({ ref }), track: 'pilot' });
      await schedule(prisma, p, { kind: 'infoDue', key: 'info', rule: 'R-APP-2', basis: '2027-03-01' });
    }
    const claimedAt = new Date();
    await prisma.deadline.updateMany({ data: { nextStepAt: new Date(claimedAt.getTime() - 3_600_000) } });
    const draining = t.server.tick();

    // Every answer to a response_url is held, so the requests that got a turn cannot finish.
    const release = t.fake.holdResponses();
    const names = Array.from({ length: COMMANDS }, (_, i) => `排队批次${String(i).padStart(2, '0')}`);
    const urls: string[] = [];
    try {
      for (const name of names) {
        const url = t.fake.responseUrl();
        const res = await t.slack.command({
          text: `batch open ${name} 2027-01-01 2027-12-31`,
          userId: STAFF,
          channelId: WORKING_GROUP_CHANNEL,
          responseUrl: url,
        });
        // The ack never waits for a turn: it comes back while the earlier requests are still held.
        expect(res.status).toBe(200);
        urls.push(url);
      }
      await vi.waitFor(() => expect(t.fake.heldResponses).toBe(IN_FLIGHT), { timeout: 60_000, interval: 20 });
      expect(t.server.handlers()).toEqual({ running: IN_FLIGHT, waiting: COMMANDS - IN_FLIGHT });
    } finally {
      // The stop begins with the queue full; it must finish every acknowledged request before closing.
      const stopping = t.server.stop();
      release();
      const report = await stopping;
      expect(report).toEqual({ unfinishedHandlers: 0, tickUnfinished: false, outboxUnfinished: false });
      await draining;
    }

    const db = await reopen(storage);
    try {
      // Applied: every batch, each once, in an order that respects arrival (FIFO turns, IN_FLIGHT at a time).
      const opened = await db.prisma.auditEvent.findMany({
        where: { eventType: 'batch.opened' },
        orderBy: { id: 'asc' },
        select: { payload: true },
      });
      const order = opened.map((a) => names.indexOf(String((a.payload as { name: string }).name)));
      expect([...order].sort((a, b) => a - b)).toEqual(names.map((_, i) => i));
      const position = (i: number) => order.indexOf(i);
      for (let i = IN_FLIGHT; i < COMMANDS; i++) expect(position(i)).toBeGreaterThan(position(i - IN_FLIGHT));
      // Answered: every acknowledged command got its reply, naming its batch.
      for (const [i, url] of urls.entries())
        expect(t.fake.responses.some((r) => r.url === url && String(r.body.text).includes(names[i]!))).toBe(true);
      // The backlog drained beside them: nothing left due as of the tick, every row stepped.
      expect(await db.prisma.deadline.count({ where: { nextStepAt: { lte: claimedAt } } })).toBe(0);
      expect(await db.prisma.deadline.count({ where: { NOT: { stepsDone: { isEmpty: true } } } })).toBe(BACKLOG);
    } finally {
      await db.close();
    }
  }, 300_000);
});
