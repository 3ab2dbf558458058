import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../machines/shared/uscc.ts';
import { fixedClock } from '../../src/clock.ts';
import { INTAKE } from '../../src/projects/ids.ts';
import { ADMIN, startTestApp, type TestApp } from '../support/app.ts';
import { input, SlackUser } from '../support/slack-user.ts';

const code = (first17: string) => first17 + usccCheckChar(first17);
const clock = fixedClock('2026-11-26T02:00:00Z');
const TODAY = '2026-11-26';

describe('a coaching project from intake into its coaching period, in English, by buttons and modals', () => {
  let t: TestApp;
  let staffA: SlackUser;
  let staffB: SlackUser;
  let outsider: SlackUser;
  let ref = '';

  beforeAll(async () => {
    t = await startTestApp({ server: { clock } });
    const admin = new SlackUser(t, ADMIN);
    staffA = new SlackUser(t, 'U0STAFFEN1');
    staffB = new SlackUser(t, 'U0STAFFEN2');
    outsider = new SlackUser(t, 'U0OUTSIDE1');
    t.fake.setUser(outsider.id, { tz: 'Europe/London', locale: 'en-GB' });
    for (const u of [staffA, staffB]) await admin.command(`roles grant <@${u.id}> staff`);
    for (const u of [staffA, staffB, outsider])
      expect((await u.command('lang en')).text).toBe('Language set to English.');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the /pilot menu opens the coaching intake form', async () => {
    const menu = await staffA.command('');
    expect(menu.text).toContain('what would you like to do');
    const { view } = await staffA.press(menu.blocks, 'menu.1');
    expect(JSON.stringify(view)).toContain('New coaching application');
    expect(
      await staffA.submit(view!, {
        [INTAKE.blocks.title]: 'Risk analytics platform',
        [INTAKE.blocks.scenario]: 'Market surveillance tooling for brokers',
        [INTAKE.blocks.technologies]: { type: 'multi_static_select', selected_options: [{ value: 'ai' }] },
        [INTAKE.blocks.owner]: input.user(staffA.id),
        [INTAKE.blocks.contactName]: 'Li Contact',
      }),
    ).toEqual({});
    ref = (await t.server.db.prisma.project.findFirstOrThrow({ where: { track: 'coaching' } })).ref;
    expect(ref).toMatch(/^C-2026-\d{3}$/);
  });

  it('R-COA-1: an IT subsidiary registered in Shanghai is eligible; the check answers in English', async () => {
    const { view } = await staffA.press(await staffA.card(ref), 'intake.applicant.add');
    const saved = await staffA.submit(view!, {
      name: 'Example Securities IT Co., Ltd.',
      uscc: code('91310000MA1FL0777'),
      institutionType: input.select('itSubsidiary'),
      parentInstitution: 'Example Securities Co., Ltd.',
      'registration.province': 'Shanghai',
      'registration.city': 'Shanghai',
      'mainOffice.province': 'Shanghai',
      'mainOffice.city': 'Shanghai',
      lead: input.check(true),
    });
    expect(saved.response_action).toBe('update');
    expect(JSON.stringify(saved.view)).toContain('is eligible');
    const materials = await staffA.press(await staffA.card(ref), 'intake.materials');
    expect(
      await staffA.submit(materials.view!, {
        projectPlan: input.url('https://files.example.org/plan.pdf'),
        technologyDescription: input.url('https://files.example.org/tech.pdf'),
        noRealBusinessUndertaking: input.url('https://files.example.org/undertaking.pdf'),
      }),
    ).toMatchObject({ response_action: 'update' });
  });

  it('permission: someone without a role sees no actions and is refused when typing one', async () => {
    const card = await outsider.card(ref);
    // A reader in London sees times in London with Shanghai's beside them (02:00 UTC = 10:00 in Shanghai).
    expect(JSON.stringify(card)).toContain('02:00 (Shanghai 10:00)');
    expect(SlackUser.buttons(card).filter((id) => id.startsWith('project.act.'))).toEqual([]);
    const refused = await outsider.command(`do ${ref} coaching.submit`);
    expect(refused.text).toContain('You may not');
    expect((await t.server.db.prisma.project.findUniqueOrThrow({ where: { ref } })).stage).toBe('intake');
  });

  it('a stale card: pressing a button after the project moved on says so and changes nothing', async () => {
    const oldCard = await staffB.card(ref);
    const submitted = await staffA.press(await staffA.card(ref), 'project.act.coaching.submit');
    expect(await staffA.submit(submitted.view!, { 'f.factDate': input.date(TODAY) })).toEqual({});
    const version = (await t.server.db.prisma.project.findUniqueOrThrow({ where: { ref } })).version;
    const pressed = await staffB.press(oldCard, 'project.act.coaching.submit');
    expect(pressed.answer?.text).toContain('was just changed by someone else');
    expect((await t.server.db.prisma.project.findUniqueOrThrow({ where: { ref } })).version).toBe(version);
  });

  it('R-COA-3: selection, the CSRC evaluation and the public notice, with the two-person rule', async () => {
    // A decision with nothing required is taken from its button (after Slack's confirm dialog), without a form.
    const proposed = await staffA.press(await staffA.card(ref), 'project.act.decision.propose.selectionPass');
    expect(proposed.answer?.text).toContain(ref);
    await staffB.press(await staffB.card(ref), 'project.act.decision.confirm');
    const forwarded = await staffA.press(await staffA.card(ref), 'project.act.csrc.forwarded');
    expect(await staffA.submit(forwarded.view!, { 'f.factDate': input.date(TODAY) })).toEqual({});
    const evaluated = await staffA.press(await staffA.card(ref), 'project.act.csrc.evaluationRecorded');
    expect(
      await staffA.submit(evaluated.view!, {
        'f.factDate': input.date(TODAY),
        'f.outcome': input.select('passed'),
        'f.letterRef': 'CSRC letter 2026-7',
      }),
    ).toEqual({});
    const published = await staffA.press(await staffA.card(ref), 'project.act.notice.published');
    expect(await staffA.submit(published.view!, { 'f.factDate': input.date(TODAY) })).toEqual({});
  });

  it('R-COA-4: the coaching period runs one year from the notice date, and the card says so in English', async () => {
    const project = await t.server.db.prisma.project.findUniqueOrThrow({
      where: { ref },
      include: { deadlines: true },
    });
    expect(project.stage).toBe('active');
    const expiry = project.deadlines.find((d) => d.kind === 'coachingExpires');
    expect(expiry?.dueDate.toISOString().slice(0, 10)).toBe('2027-11-26');
    const card = JSON.stringify(await staffA.card(ref));
    expect(card).toContain('Coaching period ends');
    expect(card).toContain('Fri 26 Nov 2027');
    const why = await staffA.command(`why ${ref}`);
    expect(why.text + JSON.stringify(why.blocks)).toContain('2027');
  });
});
