import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { createTestStorage, type TestStorage } from '../support/app.ts';
import { botEnv, startProcess } from '../support/bot-process.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';

const COUNT = 1000;
const LEASE_MS = 2000;
const CHANNEL = 'C0RELIABLE';

let fake: FakeSlack;
let storage: TestStorage;
beforeAll(async () => {
  fake = await startFakeSlack({ defaultTimeoutMs: 60_000 });
  // The channel the messages go to, with the bot invited, as the README's set-up says.
  fake.createChannel(CHANNEL, { name: 'pilot-reliability', botMember: true });
  storage = await createTestStorage();
});
afterAll(async () => {
  await fake?.close();
  await storage?.dispose();
});

/** Opens the bots' storage while no bot runs (the embedded folder serves one process at a time). */
async function withStorage<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(
    storage.env.DATABASE_URL
      ? { engine: 'postgres', url: storage.env.DATABASE_URL }
      : { engine: 'pglite', dataDir: storage.env.PILOTDESK_DATA_DIR! },
  );
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const delivered = () =>
  fake
    .callsTo('chat.postMessage')
    .filter((c) => c.status === 200 && c.args.channel === CHANNEL)
    .map((c) => String(c.args.text));

describe('kill -9 in the middle of delivering', () => {
  it(`${COUNT} due messages, the bot killed mid-way and restarted: none lost, duplicates at most the sends in flight`, async () => {
    // The first start migrates the storage; the rows are then put in while no bot runs.
    const migrate = startProcess(botEnv(fake, storage.env));
    await migrate.running();
    migrate.child.kill('SIGTERM');
    expect((await migrate.exited()).code).toBe(0);
    await withStorage((db) =>
      db.prisma.outboxMessage.createMany({
        data: Array.from({ length: COUNT }, (_, i) => ({
          key: `reliability:${i}`,
          method: 'chat.postMessage',
          args: { channel: CHANNEL, text: `message ${i}` },
          nextAttemptAt: new Date(Date.now() - 60_000),
        })),
      }),
    );
    const env = botEnv(fake, storage.env, { PILOTDESK_CLAIM_LEASE_MS: String(LEASE_MS) });
    const first = startProcess(env);
    await first.running();
    // Its first tick starts delivering at once; kill it when a third has reached Slack.
    await fake.waitForCall('chat.postMessage', () => delivered().length >= COUNT / 3);
    first.child.kill('SIGKILL');
    const killed = await first.exited();
    expect(killed.signal).toBe('SIGKILL');
    const atCrash = delivered().length;
    // What the crash left: rows claimed ("sending") but never marked, whose lease the next process must wait out.
    const { inFlight, leaseEnds } = await withStorage(async (db) => {
      const sending = await db.prisma.outboxMessage.findMany({ where: { status: 'sending' } });
      return {
        inFlight: sending.length,
        leaseEnds: Math.max(0, ...sending.map((r) => r.nextAttemptAt.getTime())),
      };
    });
    expect(atCrash).toBeLessThan(COUNT);
    // The restarted bot ticks at start: once the lease is over, that first tick takes the crashed claims too.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, leaseEnds - Date.now() + 100)));
    const second = startProcess(env);
    await second.running();
    await fake.waitForCall('chat.postMessage', () => new Set(delivered()).size >= COUNT);
    second.child.kill('SIGTERM');
    expect((await second.exited()).code).toBe(0);

    const texts = delivered();
    const distinct = new Set(texts);
    const lost = COUNT - distinct.size;
    const duplicates = texts.length - distinct.size;
    const statuses = await withStorage((db) =>
      db.prisma.outboxMessage.groupBy({ by: ['status'], _count: true, where: { key: { startsWith: 'reliability:' } } }),
    );
    console.log(
      `reliability: kill -9 during ${COUNT} sends (killed after ${atCrash}): ${lost} lost, ${duplicates} duplicate(s) (${inFlight} in flight), lease ${LEASE_MS} ms`,
    );
    expect(lost).toBe(0);
    expect(duplicates).toBeLessThanOrEqual(inFlight);
    expect(statuses).toEqual([{ status: 'sent', _count: COUNT }]);
  }, 240_000);
});
