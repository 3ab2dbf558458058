import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Lang } from './i18n/index.ts';
import { deliverOutbox } from './outbox/deliver-outbox.ts';
import {
  assertMayCreateProject,
  type CreateProjectCommand,
  type CreateProjectDeps,
  createProject,
} from './projects/create-project.ts';
import type { SlackCaller } from './slack/web-api.ts';

/** What listeners may call: use cases with their dependencies bound. Listeners never see Prisma or machines. */
export interface Services {
  /** The language to answer a user in. */
  langFor(userId: string): Promise<Lang>;
  /** The language of messages posted in a channel. */
  channelLang(channelId: string | null): Promise<Lang>;
  projects: {
    assertMayCreate(userId: string): Promise<void>;
    create(command: CreateProjectCommand): Promise<{ id: string; ref: string }>;
  };
  /** Sends what the outbox holds for these keys now, without waiting for the next poll. */
  flushOutbox(keys?: readonly string[]): Promise<void>;
  /** Resolves when every flush started so far has finished; used at shutdown and by tests. */
  idle(): Promise<void>;
}

/** Binds the use cases to the database, clock, configuration and Slack caller. */
export function createServices(deps: {
  config: Config;
  db: Database;
  clock: Clock;
  slack: SlackCaller;
  onError(error: unknown): void;
}): Services {
  const { db, clock, config, slack } = deps;
  const inFlight = new Set<Promise<void>>();
  const flushOutbox = (keys?: readonly string[]): Promise<void> => {
    const run = deliverOutbox(db.prisma, slack, clock, keys ? { keys } : {})
      .then(() => undefined)
      .catch(deps.onError);
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
    return run;
  };
  const projectDeps: CreateProjectDeps = {
    prisma: db.prisma,
    clock,
    admins: config.admins,
    afterCommit: (keys) => void flushOutbox(keys),
  };
  return {
    // Per-user and per-channel language settings arrive with the Slack experience; until then zh-CN, the default.
    langFor: async () => 'zh-CN',
    channelLang: async () => 'zh-CN',
    projects: {
      assertMayCreate: async (userId) => {
        await assertMayCreateProject(projectDeps, userId);
      },
      create: (command) => createProject(projectDeps, command),
    },
    flushOutbox,
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
