import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { DELIVERY_POLICY, deliverOutbox } from '../../src/outbox/deliver-outbox.ts';
import { enqueueMessages, type OutboxItem } from '../../src/outbox/enqueue-messages.ts';
import { createSlackCaller, type SlackCaller } from '../../src/slack/web-api.ts';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/db.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';

const T0 = '2026-11-26T02:00:00.000Z';
const CHANNEL = 'C0PILOTWG1';

let db: TestDatabase;
let fake: FakeSlack;
let slack: SlackCaller;
let clock: ReturnType<typeof fixedClock>;

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeSlack();
  fake.inviteBot(CHANNEL);
  slack = createSlackCaller('xoxb-test-token', fake.apiUrl);
});
afterAll(async () => {
  await fake?.close();
  await db?.close();
});
beforeEach(async () => {
  fake.reset();
  clock = fixedClock(T0);
  await db.prisma.outboxMessage.deleteMany();
});

const at = (ms: number) => new Date(new Date(T0).getTime() + ms);

/** Enqueues messages the way use cases do, due now by the test clock (not the database's). */
async function enqueue(items: OutboxItem[]): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await enqueueMessages(tx, items);
    await tx.outboxMessage.updateMany({
      where: { key: { in: items.map((i) => i.key) } },
      data: { nextAttemptAt: clock.now() },
    });
  });
}

const post = (key: string, text = key): OutboxItem => ({
  key,
  method: 'chat.postMessage',
  args: { channel: CHANNEL, text },
});

const row = (key: string) => db.prisma.outboxMessage.findUniqueOrThrow({ where: { key } });

describe('deliverOutbox', () => {
  it('sends pending rows in order and marks them sent with the result', async () => {
    await enqueue([post('a', 'first'), post('b', 'second'), post('c', 'third')]);
    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 3, retrying: 0, dead: 0 });

    const calls = fake.callsTo('chat.postMessage');
    expect(calls.map((c) => c.args)).toEqual([
      { channel: CHANNEL, text: 'first' },
      { channel: CHANNEL, text: 'second' },
      { channel: CHANNEL, text: 'third' },
    ]);
    expect(calls.every((c) => c.token === 'xoxb-test-token')).toBe(true);
    const rows = await db.prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } });
    for (const [i, r] of rows.entries()) {
      expect(r).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      expect(r.sentAt?.toISOString()).toBe(T0);
      const response = calls[i]!.response as { ts: string; channel: string };
      expect(r.result).toMatchObject({ ok: true, ts: response.ts, channel: CHANNEL });
    }
    // Nothing is left to send.
    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 0, retrying: 0, dead: 0 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('sends only the given keys when told to', async () => {
    await enqueue([post('mine'), post('other')]);
    expect(await deliverOutbox(db.prisma, slack, clock, { keys: ['mine'] })).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(fake.callsTo('chat.postMessage').map((c) => c.args.text)).toEqual(['mine']);
    expect((await row('other')).status).toBe('pending');
  });

  it('does not send rows that are not due yet', async () => {
    await enqueue([post('later')]);
    await db.prisma.outboxMessage.update({ where: { key: 'later' }, data: { nextAttemptAt: at(1) } });
    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 0, retrying: 0, dead: 0 });
    clock.set(at(1));
    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 1, retrying: 0, dead: 0 });
  });

  it('429 with Retry-After 7: stays pending until now+7s, then is sent once', async () => {
    await enqueue([post('limited')]);
    fake.failMethod('chat.postMessage', { status: 429, retryAfter: 7, times: 1 });

    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 0, retrying: 1, dead: 0 });
    const waiting = await row('limited');
    expect(waiting.status).toBe('pending');
    expect(waiting.nextAttemptAt.toISOString()).toBe(at(7_000).toISOString());
    expect(waiting.lastError).toMatch(/^rateLimited/);

    clock.set(at(6_999));
    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 0, retrying: 0, dead: 0 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);

    clock.set(at(7_000));
    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 1, retrying: 0, dead: 0 });
    clock.set(at(3_600_000));
    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 0, retrying: 0, dead: 0 });

    const calls = fake.callsTo('chat.postMessage');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(await row('limited')).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('a 500 backs off and is delivered once the clock passes nextAttemptAt', async () => {
    await enqueue([post('flaky')]);
    fake.failMethod('chat.postMessage', { status: 500, times: 1 });

    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 0, retrying: 1, dead: 0 });
    const waiting = await row('flaky');
    expect(waiting.status).toBe('pending');
    expect(waiting.lastError).toMatch(/^transient: http 500/);
    const due = waiting.nextAttemptAt.getTime();
    expect(due).toBe(at(DELIVERY_POLICY.baseBackoffMs).getTime());

    clock.set(new Date(due - 1));
    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 0, retrying: 0, dead: 0 });
    clock.set(new Date(due));
    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([500, 200]);
    expect((await row('flaky')).sentAt?.getTime()).toBe(due);
  });

  it('ok:false (channel_not_found) parks the row as dead with the error; it is never retried', async () => {
    await enqueue([{ key: 'nowhere', method: 'chat.postMessage', args: { channel: '', text: 'lost' } }]);
    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 0, retrying: 0, dead: 1 });
    expect(await row('nowhere')).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: 'permanent: channel_not_found',
      sentAt: null,
    });
    clock.set(at(24 * 3_600_000));
    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 0, retrying: 0, dead: 0 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('an injected Slack error (not_in_channel) is permanent too, and other rows are still sent', async () => {
    await enqueue([post('refused'), post('fine')]);
    fake.failMethod('chat.postMessage', { error: 'not_in_channel', times: 1 });
    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 1, retrying: 0, dead: 1 });
    expect(await row('refused')).toMatchObject({ status: 'dead', lastError: 'permanent: not_in_channel' });
    expect((await row('fine')).status).toBe('sent');
  });

  it(`after ${DELIVERY_POLICY.maxAttempts} transient failures the row is dead, with backoff doubling in between`, async () => {
    await enqueue([post('doomed')]);
    fake.failMethod('chat.postMessage', { status: 503 });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= DELIVERY_POLICY.maxAttempts; attempt++) {
      const report = await deliverOutbox(db.prisma, slack, clock);
      const r = await row('doomed');
      expect(r.attempts).toBe(attempt);
      if (attempt < DELIVERY_POLICY.maxAttempts) {
        expect(report).toEqual({ sent: 0, retrying: 1, dead: 0 });
        expect(r.status).toBe('pending');
        delays.push(r.nextAttemptAt.getTime() - clock.now().getTime());
        clock.set(r.nextAttemptAt);
      } else {
        expect(report).toEqual({ sent: 0, retrying: 0, dead: 1 });
        expect(r).toMatchObject({ status: 'dead', lastError: 'transient: http 503' });
      }
    }
    expect(delays).toEqual(
      Array.from({ length: DELIVERY_POLICY.maxAttempts - 1 }, (_, i) =>
        Math.min(DELIVERY_POLICY.baseBackoffMs * 2 ** i, DELIVERY_POLICY.maxBackoffMs),
      ),
    );
    fake.clearFailures();
    clock.set(at(30 * 24 * 3_600_000));
    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 0, retrying: 0, dead: 0 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(DELIVERY_POLICY.maxAttempts);
  });

  it('a row claimed by a sender that crashed is picked up again once its lease expires', async () => {
    await enqueue([post('orphan')]);
    // The process dies between claiming the row and hearing back from Slack.
    const crashing: SlackCaller = async () => {
      throw new Error('process killed');
    };
    await expect(deliverOutbox(db.prisma, crashing, clock)).rejects.toThrow('process killed');
    const claimed = await row('orphan');
    expect(claimed).toMatchObject({ status: 'sending', attempts: 1 });
    expect(claimed.nextAttemptAt.getTime()).toBe(at(DELIVERY_POLICY.leaseMs).getTime());

    // Another replica, during the lease: the row is someone else's.
    clock.set(at(DELIVERY_POLICY.leaseMs - 1));
    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 0, retrying: 0, dead: 0 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);

    clock.set(at(DELIVERY_POLICY.leaseMs));
    expect(await deliverOutbox(db.prisma, slack, clock)).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(fake.callsTo('chat.postMessage').map((c) => c.args.text)).toEqual(['orphan']);
    expect(await row('orphan')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('concurrent deliverers send each message exactly once', async () => {
    const count = DELIVERY_POLICY.batchSize * 2 + 5;
    await enqueue(Array.from({ length: count }, (_, i) => post(`race-${i}`, `message ${i}`)));
    // On PostgreSQL, a second connection pool stands in for another replica (FOR UPDATE SKIP LOCKED decides);
    // an in-memory PGlite has one connection, so there the deliverers are serialised.
    const other: Database | null =
      TEST_ENGINE === 'postgres' ? await openDatabase({ engine: 'postgres', url: db.url!, poolSize: 5 }) : null;
    try {
      const prismas = [db.prisma, other?.prisma ?? db.prisma, db.prisma, other?.prisma ?? db.prisma];
      const reports = await Promise.all(prismas.map((p) => deliverOutbox(p, slack, clock)));
      expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(count);
      expect(reports.every((r) => r.retrying === 0 && r.dead === 0)).toBe(true);
    } finally {
      await other?.close();
    }
    const texts = fake.callsTo('chat.postMessage').map((c) => String(c.args.text));
    expect(texts).toHaveLength(count);
    expect(new Set(texts).size).toBe(count);
    expect(await db.prisma.outboxMessage.count({ where: { status: 'sent', attempts: 1 } })).toBe(count);
  });
});
