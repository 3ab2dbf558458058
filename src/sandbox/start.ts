import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from '@slack/bolt';
import { type Config, isLoopback } from '../config.ts';
import { type RunningServer, startServer } from '../server.ts';
import { openSandboxClock, type SandboxClock } from './clock.ts';
import { fileRoutes, loopbackOnly, responseUrlRoute, slackApiRoute } from './http-routes.ts';
import { type Controls, pageRoutes } from './page-routes.ts';
import { SandboxPeople } from './people-act.ts';
import { SandboxReceiver } from './receiver.ts';
import { type SandboxSlack, SandboxSlack as SandboxSlackApi } from './slack-api.ts';
import { pageAssets } from './web-assets.ts';
import { SANDBOX_CHANNELS, SANDBOX_PEOPLE } from './workspace.ts';

/** A running sandbox: the real bot and its database behind a local, Slack-like page. */
export interface RunningSandbox {
  /** `http://127.0.0.1:PORT/`, the page. */
  url: string;
  server: RunningServer;
  slack: SandboxSlack;
  people: SandboxPeople;
  clock: SandboxClock;
  /** Moves the sandbox's clock to `to` and runs the scheduler as of then (as `npm run tick -- --at`). */
  advance(to: Date): Promise<void>;
  /** Waits until what the app started (handlers, outbox flushes) has finished; for scripts and tests. */
  settle(): Promise<void>;
  stop(): ReturnType<RunningServer['stop']>;
}

/** Options for tests and the demo seed: a fixed clock source, a logger, and no state file. */
export interface SandboxOptions {
  logger?: Logger;
  /** Real time for the sandbox clock to run on (tests pin it). */
  realNow?: () => number;
  tickMs?: number;
  /** Keep Slack's side (messages, Home tabs) and the clock in the data folder; on unless a test turns it off. */
  persist?: boolean;
}

/**
 * Starts the sandbox: binds its loopback address, then starts the real server on the sandbox's own Web API and
 * transport, with the sandbox's clock as the app's clock; on a first start the seeded admin grants the roles and
 * names the working group's channel through the app's own commands.
 */
export async function startSandbox(config: Config, options: SandboxOptions = {}): Promise<RunningSandbox> {
  if (config.slack.mode !== 'sandbox' || !config.sandbox || config.database.engine !== 'pglite')
    throw new Error('startSandbox needs the configuration parseConfig gives in sandbox mode');
  const host = config.sandbox.host;
  // Checked again here, not only in the configuration: nothing may make the sandbox listen beyond this machine.
  if (!isLoopback(host)) throw new Error(`the sandbox is served on loopback addresses only, not ${host}`);
  const dataDir = config.database.dataDir;
  const persist = options.persist ?? true;
  const clock = openSandboxClock(persist ? path.join(dataDir, 'sandbox-clock.json') : undefined, options.realNow);
  const http = createServer();
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, host.replace(/^\[|\]$/g, ''), () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const urlHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const base = `http://${urlHost}:${port}`;
  const slack = new SandboxSlackApi(clock, () => base, persist ? path.join(dataDir, 'sandbox-slack.json') : undefined);
  const assets = await pageAssets();
  let server: RunningServer | undefined;
  let people: SandboxPeople | undefined;
  const controls: Controls = {
    slack,
    clock,
    people: () => people,
    server: () => server,
    advance: (to) => advance(to),
  };
  const receiver = new SandboxReceiver(http, [
    loopbackOnly,
    slackApiRoute(slack),
    responseUrlRoute(slack),
    fileRoutes(slack),
    pageRoutes(controls, assets, (res) => receiver.holdOpen(res)),
  ]);
  people = new SandboxPeople(slack, receiver);
  // The app's own configuration, pointed at the port actually bound (PORT=0 picks a free one).
  const appConfig: Config = Object.freeze({
    ...config,
    port,
    slack: Object.freeze({ ...config.slack, apiUrl: `${base}/api/` }),
  });
  try {
    server = await startServer(appConfig, {
      clock,
      sandbox: receiver,
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.tickMs ? { tickMs: options.tickMs } : {}),
    });
  } catch (error) {
    await new Promise<void>((resolve) => http.close(() => resolve()));
    throw error;
  }
  const running = server;
  const settle = async () => {
    await running.services.idle();
    await running.services.flushOutbox();
    await running.services.idle();
  };
  const advance = async (to: Date) => {
    clock.advance(to);
    // The server's tick runs runTick as of its clock, which now reads `to`: the same pass as `npm run tick --at`.
    await running.tick();
    await settle();
  };
  await bootstrapWorkspace(running, people, settle);
  return {
    url: `${base}/`,
    server: running,
    slack,
    people,
    clock,
    advance,
    settle,
    async stop() {
      const report = await running.stop();
      slack.save();
      return report;
    },
  };
}

/**
 * The first start's set-up, done as people would do it in Slack: the admin grants staff and manager roles and names
 * the working group's channel; staff put the experts in the pool (which gives them the expert-reviewer role).
 * Skipped when the roles are already there, so a restart changes nothing.
 */
async function bootstrapWorkspace(server: RunningServer, people: SandboxPeople, settle: () => Promise<void>) {
  const roles = await server.services.roles.list();
  const staff = SANDBOX_PEOPLE.filter((p) => p.role === 'staff');
  const experts = SANDBOX_PEOPLE.filter((p) => p.role === 'expert');
  const admin = SANDBOX_PEOPLE.find((p) => p.role === 'admin')!;
  const workgroup = SANDBOX_CHANNELS.find((c) => c.workgroup)!;
  const mention = (p: { id: string; name: string }) => `<@${p.id}|${p.name}>`;
  const type = async (userId: string, channel: string, text: string) => {
    await people.command(userId, channel, '/pilot', text).done;
  };
  for (const p of SANDBOX_PEOPLE) {
    const role = p.role === 'staff' ? 'staff' : p.role === 'manager' ? 'manager' : undefined;
    if (role && !roles[role].includes(p.id)) await type(admin.id, workgroup.id, `roles grant ${mention(p)} ${role}`);
  }
  if (!roles.reviewer.some((id) => experts.some((e) => e.id === id)))
    for (const e of experts)
      await type(staff[0]!.id, workgroup.id, `experts add ${mention(e)} ${(e.tags ?? []).join(' ')}`);
  if ((await server.services.settings.show()).workingGroupChannel !== workgroup.id)
    await type(admin.id, workgroup.id, 'settings workgroup');
  await settle();
}
