import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { ADMIN, createTestStorage, SIGNING_SECRET, type TestStorage } from '../support/app.ts';
import { botEnv, startProcess } from '../support/bot-process.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { createSlackClient } from '../support/slack-client.ts';

const CHANNEL = 'C0PILOTWG1';
const STAFF = 'U0STAFFPRC';
const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack({ defaultTimeoutMs: 30_000 });
});
afterAll(async () => {
  await fake?.close();
});

/** Sends one signed `/pilot …` to a bot on `port`; resolves with the HTTP status and the response_url handed out. */
async function command(port: number, userId: string, text: string): Promise<{ status: number; url: string }> {
  const url = fake.responseUrl();
  const slack = createSlackClient({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: SIGNING_SECRET });
  const res = await slack.command({ text, userId, channelId: CHANNEL, responseUrl: url });
  return { status: res.status, url };
}

/** Opens the storage the bots used (after they stopped) and reads the batches' names. */
async function batchNames(storage: TestStorage): Promise<string[]> {
  const db = await openDatabase(
    storage.env.DATABASE_URL
      ? { engine: 'postgres', url: storage.env.DATABASE_URL }
      : { engine: 'pglite', dataDir: storage.env.PILOTDESK_DATA_DIR! },
  );
  try {
    return (await db.prisma.batch.findMany({ orderBy: { name: 'asc' } })).map((b) => b.name);
  } finally {
    await db.close();
  }
}

describe('a stop on SIGTERM finishes what was acknowledged', () => {
  let storage: TestStorage;
  beforeAll(async () => {
    storage = await createTestStorage();
  });
  afterAll(async () => {
    await storage?.dispose();
  });

  it('five commands each acknowledged and then SIGTERMed at once all take effect and are answered, exit 0', async () => {
    const names = ['一批', '二批', '三批', '四批', '五批'].map((n) => `停机${n}`);
    let applied = 0;
    let replied = 0;
    for (const [i, name] of names.entries()) {
      const bot = startProcess(botEnv(fake, storage.env));
      const port = await bot.running();
      if (i === 0) {
        const grant = await command(port, ADMIN, `roles grant <@${STAFF}> staff`);
        expect(grant.status).toBe(200);
        await fake.waitForResponse((r) => r.url === grant.url);
      }
      const sent = await command(port, STAFF, `batch open ${name} 2026-11-01 2026-12-31`);
      expect(sent.status).toBe(200);
      // Right after the ack, while the handler is still writing the batch and answering.
      bot.child.kill('SIGTERM');
      const exit = await bot.exited();
      expect(exit.code, exit.stderr).toBe(0);
      expect(exit.stderr).not.toContain('Cannot use a pool after calling end');
      noStackTrace(exit.stderr);
      if (fake.responses.some((r) => r.url === sent.url && String(r.body.text).includes(name))) replied += 1;
      // The next round's bot is the restart that finds the batch.
      if ((await batchNames(storage)).includes(name)) applied += 1;
    }
    console.log(`sigterm: ${applied}/${names.length} applied, ${replied}/${names.length} replied`);
    expect({ applied, replied }).toEqual({ applied: names.length, replied: names.length });
    expect(await batchNames(storage)).toEqual([...names].sort());
  }, 300_000);

  it('after the stop has begun, new requests are refused (503 or no connection) while the running one finishes', async () => {
    const bot = startProcess(botEnv(fake, storage.env));
    const port = await bot.running();
    // The running command's answer is held by a slow network, so the stop has to wait for it.
    const release = fake.holdResponses();
    try {
      const first = await command(port, STAFF, 'batch open 停机期间之前 2026-11-01 2026-12-31');
      expect(first.status).toBe(200);
      await fake.waitForHeldResponse();
      bot.child.kill('SIGTERM');
      await until(() => bot.stdout.includes('SIGTERM: stopping'));
      const late = await command(port, STAFF, 'batch open 停机期间之后 2026-11-01 2026-12-31').catch(
        (error: unknown) => ({ status: 0, url: '', error }),
      );
      expect([0, 503]).toContain(late.status);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => ({ status: 0 }));
      expect([0, 503]).toContain(health.status);
      expect(bot.child.exitCode).toBeNull();
    } finally {
      release();
    }
    const exit = await bot.exited();
    expect(exit.code, exit.stderr).toBe(0);
    const names = await batchNames(storage);
    expect(names).toContain('停机期间之前');
    expect(names).not.toContain('停机期间之后');
    expect(fake.responses.some((r) => String(r.body.text).includes('停机期间之前'))).toBe(true);
  }, 120_000);
});

/** Waits (bounded) until `condition` holds; for output a child process writes when it gets there. */
async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
