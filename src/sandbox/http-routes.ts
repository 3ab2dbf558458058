import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopback } from '../config.ts';
import type { SandboxSlack } from './slack-api.ts';

type Json = Record<string, unknown>;

/**
 * Refuses any request not from this machine or not addressed to a loopback name: the sandbox has no sign-in, and a
 * web page elsewhere must not reach it through a DNS name that resolves to 127.0.0.1.
 */
export async function loopbackOnly(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const remote = req.socket.remoteAddress ?? '';
  const hostHeader = (req.headers.host ?? '').replace(/:\d+$/, '');
  const remoteOk = isLoopback(remote.replace(/^::ffff:/, ''));
  if (remoteOk && isLoopback(hostHeader)) return false;
  res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('the sandbox answers this machine only');
  return true;
}

/** The sandbox's Web API: `POST /api/<method>`, form-encoded or JSON, as the Slack WebClient sends it. */
export function slackApiRoute(slack: SandboxSlack) {
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
export function responseUrlRoute(slack: SandboxSlack) {
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

/** `POST /upload/<id>` (the upload URLs files.getUploadURLExternal hands out) and `GET /files/<id>/<name>` (downloads). */
export function fileRoutes(slack: SandboxSlack) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = req.url?.split('?')[0] ?? '';
    const upload = /^\/upload\/(F[A-F0-9]+)$/.exec(path);
    if (req.method === 'POST' && upload) {
      const status = slack.uploads.receiveUpload(upload[1]!, await readBytes(req));
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'OK' : 'refused');
      return true;
    }
    const download = /^\/files\/(F[A-F0-9]+)\/[^/]+$/.exec(path);
    if (req.method !== 'GET' || !download) return false;
    const file = slack.uploads.upload(download[1]!);
    if (!file?.bytes) return send(res, 404, 'text/plain; charset=utf-8', 'no such file');
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'cache-control': 'no-store',
    });
    res.end(file.bytes);
    return true;
  };
}

/** Answers with a body of this content type, never cached. */
export function send(res: ServerResponse, status: number, type: string, body: string): true {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
  return true;
}

/** Answers with JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** The request's body as bytes. */
function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The request's body as text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

// Argument names the WebClient JSON-encodes in form bodies.
const JSON_ARGS = new Set(['blocks', 'attachments', 'view', 'metadata', 'files']);

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
