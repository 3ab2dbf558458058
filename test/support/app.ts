import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Config, parseConfig } from '../../src/config.ts';
import { type RunningServer, type ServerOptions, startServer } from '../../src/server.ts';
import { createPostgresDatabase, dropPostgresDatabase } from './db.ts';
import { TEST_ENGINE } from './engine.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';
import { createSlackClient, type SlackClient } from './slack-client.ts';

export const SIGNING_SECRET = 'test-signing-secret';
export const ADMIN = 'U0ADMIN01';
/** The working group's channel, where applications are opened and cards posted; the README has people invite the bot. */
export const WORKING_GROUP_CHANNEL = 'C0PILOTWG1';

/** Where a test app keeps its data: a PGlite directory, or a database on the test PostgreSQL server. */
export interface TestStorage {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/** Fresh storage on this run's engine; reuse it across two app starts to test restarts. */
export async function createTestStorage(): Promise<TestStorage> {
  if (TEST_ENGINE === 'postgres') {
    const url = await createPostgresDatabase();
    return { env: { DATABASE_URL: url }, dispose: () => dropPostgresDatabase(url) };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-app-'));
  return {
    env: { PILOTDESK_DATA_DIR: dir },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The real app started over HTTP (or Socket Mode) against a fake Slack, with a signed-request client. */
export interface TestApp {
  config: Config;
  server: RunningServer;
  fake: FakeSlack;
  slack: SlackClient;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts the whole app the way `npm start` does, on the given storage (a new one when none is given). */
export async function startTestApp(
  options: { storage?: TestStorage; fake?: FakeSlack; env?: Record<string, string>; server?: ServerOptions } = {},
): Promise<TestApp> {
  const fake = options.fake ?? (await startFakeSlack());
  // As the README's set-up says: the bot is invited to the working group's channel (`/invite @Pilot Desk`).
  fake.inviteBot(WORKING_GROUP_CHANNEL);
  const storage = options.storage ?? (await createTestStorage());
  const parsed = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    PILOTDESK_ADMINS: ADMIN,
    LOG_LEVEL: 'error',
    ...storage.env,
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const server = await startServer(parsed.config, { outboxPollMs: 3_600_000, ...options.server });
  const baseUrl = `http://127.0.0.1:${server.port}`;
  return {
    config: parsed.config,
    server,
    fake,
    baseUrl,
    slack: createSlackClient({ baseUrl, signingSecret: SIGNING_SECRET, responseUrl: () => fake.responseUrl() }),
    async stop() {
      await server.stop();
      if (!options.fake) await fake.close();
      if (!options.storage) await storage.dispose();
    },
  };
}
