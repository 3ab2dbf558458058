import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RunningServer } from '../server.ts';
import { ClockBackwardsError, type SandboxClock } from './clock.ts';
import { readBody, send, sendJson } from './http-routes.ts';
import type { SandboxPeople } from './people-act.ts';
import { type SandboxSlack, wireView } from './slack-api.ts';
import { inviteBot } from './slack-invite.ts';
import { dmChannelOf, SANDBOX_PEOPLE, SANDBOX_TEAM } from './workspace.ts';

/** What the page's routes reach: the sandbox's Slack and clock, and the people and server once started. */
export interface Controls {
  slack: SandboxSlack;
  clock: SandboxClock;
  people(): SandboxPeople | undefined;
  server(): RunningServer | undefined;
  advance(to: Date): Promise<void>;
}

/** The page, its script and styles, the event stream and what the page asks the sandbox to do. */
export function pageRoutes(
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
        // Slack answers /invite itself, without the app; the sandbox does too.
        if (command[1] === '/invite') {
          inviteBot(slack, userId, channel, command[2] ?? '');
          return { ok: true };
        }
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
