import { LogLevel } from '@slack/socket-mode';
import { ErrorCode, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';

let fake: FakeSlack;
let web: WebClient;

beforeAll(async () => {
  fake = await startFakeSlack({ defaultTimeoutMs: 2_000, maxUploadBytes: 1_000 });
  web = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

async function slackError(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: string; data?: { error?: string } };
    return e.code === ErrorCode.PlatformError ? e.data?.error : e.code;
  }
  throw new Error('expected the call to fail');
}

describe("fake Slack: the external file upload flow and the token's scopes", () => {
  it('hands out an upload URL, records the bytes POSTed there and shares the file in a DM on completion', async () => {
    const dm = (await web.conversations.open({ users: 'U1' })).channel!.id!;
    const target = await web.files.getUploadURLExternal({ filename: '导出.xlsx', length: 5 });
    expect(target.upload_url).toMatch(new RegExp(`^${fake.url}/upload/F`));
    const posted = await fetch(target.upload_url!, { method: 'POST', body: Buffer.from('hello') });
    expect(posted.status).toBe(200);
    const done = await web.files.completeUploadExternal({
      files: [{ id: target.file_id!, title: '项目清单' }],
      channel_id: dm,
      initial_comment: '3 行',
    });
    expect(done.files?.[0]).toMatchObject({ id: target.file_id, title: '项目清单', name: '导出.xlsx' });
    const file = fake.files.get(target.file_id!)!;
    expect(file.bytes?.toString()).toBe('hello');
    expect(file).toMatchObject({ channel: dm, title: '项目清单', initialComment: '3 行' });
  });

  it('refuses to complete an unknown file id, or one whose bytes never arrived', async () => {
    expect(await slackError(web.files.completeUploadExternal({ files: [{ id: 'FNOSUCH' }], channel_id: 'U1' }))).toBe(
      'file_not_found',
    );
    const target = await web.files.getUploadURLExternal({ filename: 'a.csv', length: 3 });
    expect(await slackError(web.files.completeUploadExternal({ files: [{ id: target.file_id! }] }))).toBe(
      'file_not_found',
    );
    expect((await fetch(`${fake.url}/upload/FNOSUCH`, { method: 'POST', body: 'x' })).status).toBe(404);
  });

  it('enforces the size limits: a zero length, a file over the limit, more bytes than announced', async () => {
    expect(await slackError(web.files.getUploadURLExternal({ filename: 'a.csv', length: 0 }))).toBe('missing_argument');
    expect(await slackError(web.files.getUploadURLExternal({ filename: 'a.csv', length: 1_001 }))).toBe(
      'file_upload_size_restricted',
    );
    const target = await web.files.getUploadURLExternal({ filename: 'a.csv', length: 2 });
    expect((await fetch(target.upload_url!, { method: 'POST', body: 'abc' })).status).toBe(413);
  });

  it('grants the scopes manifest.yml asks for, and refuses a method whose scope the token lacks', async () => {
    expect((await web.files.getUploadURLExternal({ filename: 'a.csv', length: 1 })).ok).toBe(true);
    fake.setScopes(['commands', 'chat:write']);
    const refused = await web.files.getUploadURLExternal({ filename: 'a.csv', length: 1 }).catch((e) => e.data);
    expect(refused).toMatchObject({ ok: false, error: 'missing_scope', needed: 'files:write' });
    expect(await slackError(web.conversations.open({ users: 'U1' }))).toBe('missing_scope');
    expect((await web.chat.postMessage({ channel: 'U1', text: 'hi' })).ok).toBe(true);
  });
});
