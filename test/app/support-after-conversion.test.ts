import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { ADMIN, startTestApp, type TestApp } from '../support/app.ts';
import { accept, confirm, ev, propose, staffA, toPiloting } from '../support/machines.ts';
import { insertProjectAt } from '../support/projects.ts';
import { input, SlackUser } from '../support/slack-user.ts';

const clock = fixedClock('2026-11-26T02:00:00Z');

describe('local support on a converted project (its machine is final)', () => {
  let t: TestApp;
  let staff: SlackUser;
  let reviewer: SlackUser;
  const ref = 'P-2025-010';

  beforeAll(async () => {
    t = await startTestApp({ server: { clock } });
    const admin = new SlackUser(t, ADMIN);
    staff = new SlackUser(t, 'U0STAFFSUP');
    reviewer = new SlackUser(t, 'U0REVSUP01');
    await admin.command(`roles grant <@${staff.id}> staff`);
    await admin.command(`roles grant <@${reviewer.id}> reviewer`);
    const converted = accept(
      toPiloting(),
      ev('evaluation.recorded', staffA, { factDate: '2025-04-20', outcome: 'metGoals', summary: 's' }),
      propose('conversion'),
      confirm(),
    );
    expect(converted.value).toBe('regularOperation');
    await insertProjectAt(t.server.db.prisma, { ...converted, context: { ...converted.context, ref } } as never);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('R-INC-2: staff record support granted after conversion; it is validated, stored and audited', async () => {
    const card = await staff.card(ref);
    const { view } = await staff.press(card, 'project.act.support.recorded');
    const missing = await staff.submit(view!, {});
    expect(missing.response_action).toBe('errors');
    expect(
      await staff.submit(view!, {
        'f.factDate': input.date('2026-11-20'),
        'f.programme': input.select('shanghaiJincai'),
        'f.status': input.select('granted'),
        'f.beneficiary': input.select('person'),
      }),
    ).toEqual({});
    const project = await t.server.db.prisma.project.findUniqueOrThrow({ where: { ref } });
    const records = await t.server.db.prisma.supportRecord.findMany({ where: { projectId: project.id } });
    expect(records).toMatchObject([
      { programme: 'shanghaiJincai', status: 'granted', beneficiary: 'person', recordedBy: staff.id },
    ]);
    const audit = await t.server.db.prisma.auditEvent.findMany({
      where: { projectId: project.id, eventType: 'support.recorded' },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(staff.id);
    expect(project.stage).toBe('regularOperation');
  });

  it('R-INC-2: someone without a staff role sees no such button and is refused when typing it', async () => {
    expect(SlackUser.buttons(await reviewer.card(ref)).some((id) => id.startsWith('project.act.'))).toBe(false);
    const refused = await reviewer.command(`do ${ref} support.recorded`);
    expect(refused.text).toContain('没有执行');
  });
});
