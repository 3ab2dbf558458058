import { type Clock, shanghaiDate } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Database, PrismaClient } from '../db/client.ts';
import type { Lang } from '../i18n/index.ts';
import { deliverOutbox } from '../outbox/deliver-outbox.ts';
import { createLanguageResolver } from '../preferences/languages.ts';
import { createActorResolver, type UserActor } from '../roles/resolve-actor.ts';
import type { RuntimeHooks } from '../runtime/types.ts';
import type { SlackCaller } from '../slack/web-api.ts';
import { runtimeHooks } from './runtime-hooks.ts';

/** What the server hands the wiring: the database, clock, configuration and Slack caller. */
export interface WiringDeps {
  config: Config;
  db: Database;
  clock: Clock;
  slack: SlackCaller;
  onError(error: unknown): void;
}

/** The dependencies every area's use cases are bound to, built once per server. */
export interface WiringContext {
  prisma: PrismaClient;
  clock: Clock;
  admins: readonly string[];
  hooks: RuntimeHooks;
  slack: SlackCaller;
  onError(error: unknown): void;
  /** Sends the outbox rows a change wrote as soon as it committed. */
  afterCommit(keys: string[]): void;
  /** The request's person with their roles: called once where a request enters, then passed to the use case. */
  actorOf(userId: string): Promise<UserActor>;
  languages: ReturnType<typeof createLanguageResolver>;
  flushOutbox(keys?: readonly string[]): Promise<void>;
  /** Keeps a background promise (a flush, a Home refresh) until it settles, so `idle()` can wait for it. */
  track(run: Promise<void>): Promise<void>;
  idle(): Promise<void>;
}

/** Builds the shared dependencies; the outbox flush and the background bookkeeping live here, once. */
export function createWiringContext(deps: WiringDeps): WiringContext {
  const { db, clock, config, slack, onError } = deps;
  const prisma = db.prisma;
  const inFlight = new Set<Promise<void>>();
  const resolver = runtimeHooks.resolver(prisma, clock);
  const languages = createLanguageResolver(prisma, slack);
  const track = (run: Promise<void>): Promise<void> => {
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
    return run;
  };
  const flushOutbox = (keys?: readonly string[]): Promise<void> =>
    track(
      deliverOutbox(prisma, slack, clock, {
        resolver,
        admins: config.admins,
        langFor: (recipient: string): Promise<Lang> => languages.langFor(recipient),
        leaseMs: config.claimLeaseMs,
        ...(keys ? { keys } : {}),
      })
        .then(() => undefined)
        .catch(onError),
    );
  return {
    prisma,
    clock,
    admins: config.admins,
    hooks: runtimeHooks,
    slack,
    onError,
    afterCommit: (keys) => void flushOutbox(keys),
    actorOf: createActorResolver(prisma, config.admins),
    languages,
    flushOutbox,
    track,
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/** Today's date on the programme's clock, for date pickers. */
export function programmeToday(clock: Clock): string {
  return shanghaiDate(clock.now());
}
