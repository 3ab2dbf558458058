import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { fileRoutes } from '../../src/sandbox/http-routes.ts';
import { SandboxSlack } from '../../src/sandbox/slack-api.ts';
import { dmChannelOf, SANDBOX_BOT_TOKEN, SANDBOX_PEOPLE } from '../../src/sandbox/workspace.ts';

const person = SANDBOX_PEOPLE[0]!;
let base = '';
const slack = new SandboxSlack(fixedClock('2026-12-01T02:00:00Z'), () => base);
const server = createServer((req, res) => {
  void fileRoutes(slack)(req, res).then((handled) => {
    if (!handled) res.writeHead(404).end();
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the sandbox takes files through the external upload flow and shows them with a download link', () => {
  it('upload URL, the bytes, completion in the DM: the message carries the file and the link downloads it', async () => {
    const got = slack.call('files.getUploadURLExternal', { filename: '项目清单.xlsx', length: 4 }, SANDBOX_BOT_TOKEN);
    const { upload_url, file_id } = got.body as { upload_url: string; file_id: string };
    expect((await fetch(upload_url, { method: 'POST', body: Buffer.from([1, 2, 3, 4]) })).status).toBe(200);
    const done = slack.call(
      'files.completeUploadExternal',
      { files: JSON.stringify([{ id: file_id, title: '项目清单' }]), channel_id: person.id, initial_comment: '3 行' },
      SANDBOX_BOT_TOKEN,
    );
    expect(done.body).toMatchObject({ ok: true });
    const [message] = slack.visibleMessages(person.id, dmChannelOf(person.id));
    expect(message).toMatchObject({ text: '3 行', files: [{ id: file_id, title: '项目清单', size: 4 }] });
    const download = await fetch(message!.files![0]!.url);
    expect(download.status).toBe(200);
    expect([...new Uint8Array(await download.arrayBuffer())]).toEqual([1, 2, 3, 4]);
    expect(download.headers.get('content-disposition')).toContain(encodeURIComponent('项目清单.xlsx'));
  });

  it('refuses what Slack refuses: no bytes yet, an unknown id, more bytes than announced', async () => {
    const got = slack.call('files.getUploadURLExternal', { filename: 'a.csv', length: 2 }, SANDBOX_BOT_TOKEN);
    const { upload_url, file_id } = got.body as { upload_url: string; file_id: string };
    const early = slack.call('files.completeUploadExternal', { files: [{ id: file_id }] }, SANDBOX_BOT_TOKEN);
    expect(early.body).toMatchObject({ ok: false, error: 'file_not_found' });
    expect((await fetch(upload_url, { method: 'POST', body: 'abc' })).status).toBe(413);
    expect((await fetch(`${base}/upload/F0000000000`, { method: 'POST', body: 'a' })).status).toBe(404);
    const zero = slack.call('files.getUploadURLExternal', { filename: 'a.csv', length: 0 }, SANDBOX_BOT_TOKEN);
    expect(zero.body).toMatchObject({ ok: false, error: 'missing_argument' });
  });
});
