import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app.ts';
import { SlackUser } from '../support/slack-user.ts';

// What people can really type into `/pilot` and into a project's title: any Unicode, full-width forms, very long
// text, mrkdwn and mentions meant to ping everyone. Seeded and bounded, so a failure replays.
const SEED = 20261201;
const RUNS = 60;

const injection = fc.constantFrom(
  '<!channel>',
  '<!here|here>',
  '<@U0ADMIN01>',
  '*粗体* _斜体_ ~删除~ `代码`',
  '<https://evil.example.org|点击这里>',
  '&lt;&gt;&amp;',
  '　全角　ｓｈｏｗ　Ｐ－２０２６－００１',
);
const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  injection,
  fc.constant('长'.repeat(10_000)),
  fc
    .tuple(fc.constantFrom('show', 'list', 'why', 'do', 'batch', 'roles', 'experts', 'settings', 'lang'), injection)
    .map(([sub, text]) => `${sub} ${text}`),
);

let t: TestApp;
let staff: SlackUser;
let incidents: string[];

beforeAll(async () => {
  incidents = [];
  const logger = {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: (...args: unknown[]) => incidents.push(args.map(String).join(' ')),
    setLevel: () => {},
    getLevel: () => 'error',
    setName: () => {},
  };
  t = await startTestApp({ server: { logger: logger as never } });
  staff = new SlackUser(t, 'U0HOSTILE1');
  await new SlackUser(t, ADMIN).command(`roles grant <@${staff.id}|x> staff`);
});
afterAll(async () => {
  await t?.stop();
});

describe('hostile input typed by people (fast-check, seeded)', () => {
  it('any `/pilot` text gets a 200 and a plain answer, changes nothing it should not, and raises no incident', async () => {
    const prisma = t.server.db.prisma;
    const before = { audit: await prisma.auditEvent.count(), projects: await prisma.project.count() };
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const answer = await staff.command(text);
        expect(typeof answer.text).toBe('string');
        expect(answer.text.length).toBeGreaterThan(0);
        expect(answer.text).not.toMatch(/参考编号|incident|at .*\.ts:\d+/);
        answered += 1;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // None of the generated commands is a complete change (no `batch open` with dates, no `roles grant @x role`).
    expect({ audit: await prisma.auditEvent.count(), projects: await prisma.project.count() }).toEqual(before);
    expect(incidents).toEqual([]);
    console.log(`reliability: hostile /pilot text: ${answered}/${RUNS} answered plainly, 0 incidents, nothing stored`);
  });

  it('a project title meant to ping everyone is shown as text on the card, never as a mention or link', async () => {
    const title = '<!channel> <@U0ADMIN01> <https://evil.example.org|点击>';
    const { view } = await staff.press((await staff.command('')).blocks, 'menu.0');
    expect(view).toBeDefined();
    const submitted = await staff.submit(view!, {
      intake_title: title,
      intake_scenario: '<!here> 场景',
      intake_technologies: { type: 'multi_static_select', selected_options: [{ value: 'ai' }] },
      intake_owner: { type: 'users_select', selected_user: staff.id },
      intake_contact_name: '<!everyone> 王',
      intake_contact_phone: '+86 21 5555 0199',
    });
    expect(submitted).toEqual({});
    await t.server.services.idle();
    await t.server.services.flushOutbox();
    const posted = t.fake.callsTo('chat.postMessage').map((c) => JSON.stringify(c.args.blocks ?? []));
    const card = posted.find((p) => p.includes('evil.example.org'));
    expect(card).toBeDefined();
    expect(card).not.toContain('<!channel>');
    expect(card).not.toContain('<@U0ADMIN01>');
    expect(card).toContain('&lt;!channel&gt;');
    expect(incidents).toEqual([]);
  });
});
