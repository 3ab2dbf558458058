import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from '@slack/bolt';
import { type Config, isLoopback } from '../config.ts';
import { type RunningServer, startServer } from '../server.ts';
import { ClockBackwardsError, openSandboxClock, type SandboxClock } from './clock.ts';
import { SandboxPeople } from './people-act.ts';
import { SandboxReceiver } from './receiver.ts';
import { type SandboxSlack, SandboxSlack as SandboxSlackApi, wireView } from './slack-api.ts';
import { pageAssets } from './web-assets.ts';
import { dmChannelOf, SANDBOX_CHANNELS, SANDBOX_PEOPLE, SANDBOX_TEAM } from './workspace.ts';

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

interface Controls {
  slack: SandboxSlack;
  clock: SandboxClock;
  people(): SandboxPeople | undefined;
  server(): RunningServer | undefined;
  advance(to: Date): Promise<void>;
}

/**
 * Refuses any request not from this machine or not addressed to a loopback name: the sandbox has no sign-in, and a
 * web page elsewhere must not reach it through a DNS name that resolves to 127.0.0.1.
 */
async function loopbackOnly(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const remote = req.socket.remoteAddress ?? '';
  const hostHeader = (req.headers.host ?? '').replace(/:\d+$/, '');
  const remoteOk = isLoopback(remote.replace(/^::ffff:/, ''));
  if (remoteOk && isLoopback(hostHeader)) return false;
  res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('the sandbox answers this machine only');
  return true;
}

/** The sandbox's Web API: `POST /api/<method>`, form-encoded or JSON, as the Slack WebClient sends it. */
function slackApiRoute(slack: SandboxSlack) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const match = /^\/api\/([A-Za-z0-9_.]+)$/.exec(req.url?.split('?')[0] ?? '');
    if (req.method !== 'POST' || !match) return false;
    const args = parseArgs(req.headers['content-type'], await readBody(req));
    const auth = req.headers.authorization;
    const { token: bodyToken, ...rest } = args;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof bodyToken === 'string' ? bodyToken : undefined;
    const answer = slack.call(match[1]!, rest, token);
    sendJson(res, answer.status, answer.body);
    return true;
  };
}

/** `POST /response/<id>`: the response URLs handed out with commands and interactions. */
function responseUrlRoute(slack: SandboxSlack) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const match = /^\/response\/([a-f0-9]+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) return false;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_payload');
      return true;
    }
    const status = slack.respond(match[1]!, body);
    if (status === 200) sendJson(res, 200, { ok: true });
    else res.writeHead(status, { 'content-type': 'text/plain' }).end('no_such_response_url');
    return true;
  };
}

/** The page, its script and styles, the event stream and what the page asks the sandbox to do. */
function pageRoutes(
  controls: Controls,
  assets: { html: string; js: string; css: string },
  holdOpen: (res: ServerResponse) => void,
) {
  const { slack } = controls;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    if (req.method === 'GET') {
      switch (url.pathname) {
        case '/':
          return send(res, 200, 'text/html; charset=utf-8', assets.html);
        case '/sandbox/app.js':
          return send(res, 200, 'text/javascript; charset=utf-8', assets.js);
        case '/sandbox/app.css':
          return send(res, 200, 'text/css; charset=utf-8', assets.css);
        case '/sandbox/events': {
          res.writeHead(200, {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-store',
            connection: 'keep-alive',
          });
          res.write(`data: ${slack.rev}\n\n`);
          const onChange = (rev: number) => res.write(`data: ${rev}\n\n`);
          slack.on('change', onChange);
          const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
          heartbeat.unref();
          res.on('close', () => {
            slack.off('change', onChange);
            clearInterval(heartbeat);
          });
          holdOpen(res);
          return true;
        }
        case '/sandbox/state':
          sendJson(res, 200, await pageState(controls, url.searchParams));
          return true;
        default:
          return false;
      }
    }
    if (req.method !== 'POST' || !url.pathname.startsWith('/sandbox/')) return false;
    // JSON only: a form on another site cannot send it without the browser asking first (no CORS is allowed).
    if (!req.headers['content-type']?.includes('application/json')) {
      res.writeHead(415, { 'content-type': 'text/plain' }).end('application/json only');
      return true;
    }
    const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
    sendJson(res, 200, await pageAction(controls, url.pathname.slice('/sandbox/'.length), body));
    return true;
  };
}

type Json = Record<string, unknown>;

async function pageAction(controls: Controls, action: string, body: Json): Promise<Json> {
  const { slack } = controls;
  const people = controls.people();
  const server = controls.server();
  if (!people || !server) return { ok: false, error: 'starting' };
  const userId = String(body.user ?? '');
  if (!slack.person(userId)) return { ok: false, error: 'user_not_found' };
  const state = (body.state ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  switch (action) {
    case 'say': {
      const channel = String(body.channel ?? '');
      if (!slack.canSee(userId, channel)) return { ok: false, error: 'channel_not_found' };
      const text = String(body.text ?? '').trim();
      if (text === '') return { ok: true };
      const command = /^(\/[a-z_-]+)(?:\s+([\s\S]*))?$/i.exec(text);
      if (command) {
        if (command[1] !== '/pilot') {
          slack.postEphemeralFromBot(userId, channel, `\`${command[1]}\` is not a valid command · 不是有效的命令`);
          return { ok: true };
        }
        await people.command(userId, channel, '/pilot', command[2] ?? '').ack;
        return { ok: true };
      }
      slack.postAsPerson(userId, channel, text, typeof body.threadTs === 'string' ? body.threadTs : undefined);
      return { ok: true };
    }
    case 'action': {
      const act = body.action as Parameters<SandboxPeople['actOnMessage']>[3];
      if (typeof body.viewId === 'string') {
        const delivery = people.actInView(userId, body.viewId, act, state);
        if (!delivery) return { ok: false, error: 'view_not_found' };
        await delivery.ack;
        return { ok: true };
      }
      const channel = String(body.channel ?? '');
      if (!slack.canSee(userId, channel) || !slack.message(channel, String(body.ts ?? '')))
        return { ok: false, error: 'message_not_found' };
      await people.actOnMessage(userId, channel, String(body.ts), act).ack;
      return { ok: true };
    }
    case 'submit': {
      const outcome = await people.submit(userId, String(body.viewId ?? ''), state);
      return outcome ? { ok: true, outcome } : { ok: false, error: 'view_not_found' };
    }
    case 'close':
      people.close(userId, String(body.viewId ?? ''), state);
      return { ok: true };
    case 'home':
      await people.openHome(userId).done;
      return { ok: true };
    case 'dismiss':
      slack.dismissEphemeral(userId, String(body.channel ?? ''), String(body.ts ?? ''));
      return { ok: true };
    case 'advance': {
      const to = new Date(String(body.to ?? ''));
      try {
        await controls.advance(to);
      } catch (error) {
        if (error instanceof ClockBackwardsError) return { ok: false, error: 'clock_backwards', now: error.message };
        throw error;
      }
      return { ok: true, now: controls.clock.now().toISOString() };
    }
    case 'seed': {
      const { seedDemo } = await import('./demo-seed.ts');
      const report = await seedDemo({ slack, people, server, advance: controls.advance, clock: controls.clock });
      return { ok: true, report };
    }
    default:
      return { ok: false, error: 'unknown_action' };
  }
}

/** Everything the page draws for one person: their conversations, the open one, modals, Home and the clock. */
async function pageState(controls: Controls, query: URLSearchParams): Promise<Json> {
  const { slack, clock } = controls;
  const server = controls.server();
  const me = slack.person(query.get('user') ?? '') ?? SANDBOX_PEOPLE[0]!;
  const conversations = slack.conversationsOf(me.id);
  const requested = query.get('channel') ?? '';
  const channel = conversations.find((c) => c.id === requested)?.id ?? conversations[0]!.id;
  const visible = slack.visibleMessages(me.id, channel);
  const top = visible.filter((m) => !m.threadTs || m.threadTs === m.ts);
  const replies = (ts: string) => visible.filter((m) => m.threadTs === ts && m.ts !== ts);
  const thread = query.get('thread');
  const lang = server ? await server.services.langFor(me.id) : 'zh-CN';
  const projects = server ? await server.db.prisma.project.count() : 0;
  return {
    rev: slack.rev,
    now: clock.now().toISOString(),
    lang,
    me: me.id,
    bot: { id: SANDBOX_TEAM.botUserId, name: SANDBOX_TEAM.botName },
    people: SANDBOX_PEOPLE.map((p) => ({ id: p.id, name: p.realName, title: p.title, role: p.role })),
    channels: conversations.map((c) => ({ id: c.id, name: c.name, kind: c.kind })),
    dm: dmChannelOf(me.id),
    channel,
    messages: top.map((m) => ({ ...m, replyCount: replies(m.ts).length })),
    thread:
      thread && slack.message(channel, thread)
        ? { parent: slack.message(channel, thread), replies: replies(thread) }
        : null,
    modals: slack.modalStack(me.id).map(wireView),
    home: slack.home(me.id) ? wireView(slack.home(me.id)!) : null,
    names: {
      users: Object.fromEntries([
        ...SANDBOX_PEOPLE.map((p) => [p.id, p.realName]),
        [SANDBOX_TEAM.botUserId, SANDBOX_TEAM.botName],
      ]),
      channels: Object.fromEntries([...slack.conversations.values()].map((c) => [c.id, c.name])),
    },
    empty: projects === 0,
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): true {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
  return true;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// Argument names the WebClient JSON-encodes in form bodies.
const JSON_ARGS = new Set(['blocks', 'attachments', 'view', 'metadata']);

function parseArgs(contentType: string | undefined, raw: string): Json {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      return parsed && typeof parsed === 'object' ? (parsed as Json) : {};
    } catch {
      return {};
    }
  }
  const args: Json = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (JSON_ARGS.has(key)) {
      try {
        args[key] = JSON.parse(value);
        continue;
      } catch {
        // Slack answers invalid_blocks for these; the handlers refuse what is not an object.
      }
    }
    args[key] = value;
  }
  return args;
}
