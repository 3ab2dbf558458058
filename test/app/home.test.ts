import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Prisma } from '../../src/db/client.ts';
import { HOME } from '../../src/home/ids.ts';
import { t as tr } from '../../src/i18n/index.ts';
import { machineLabel } from '../../src/i18n/labels.ts';
import { LIST, PROJECT } from '../../src/projects/ids.ts';
import { applyEvent, type EventInput } from '../../src/runtime/apply-event.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedExperts, setAutoAssign } from '../support/experts.ts';
import type { RecordedCall } from '../support/fake-slack.ts';
import { coachingInput, ev, pilotInput, propose, reviewer, scored, staffA, submit } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';

const clock = fixedClock('2024-03-01T04:00:00Z');
const OWNER = 'U0OWNER01';
const MANAGER = 'U0MANAGER1';
const STAFF_B = 'U_STAFF_B';
const NEW_REVIEWER = 'U_REVIEWER_9';
const EN_USER = 'U0ENGLISH1';

type View = { type: string; blocks: Array<Record<string, unknown>>; title?: { text: string } };

const viewOf = (call: RecordedCall) => call.args.view as View;
const textOf = (view: View) => JSON.stringify(view.blocks);
const buttonsOf = (view: View) =>
  view.blocks.flatMap((b) => [
    ...((b.elements as Array<Record<string, unknown>> | undefined) ?? []).filter((e) => e.type === 'button'),
    ...(b.accessory ? [b.accessory as Record<string, unknown>] : []),
  ]) as Array<{ action_id: string; value: string; text: { text: string } }>;

describe('App Home over signed HTTP', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  async function drive(projectId: string, ...events: unknown[]) {
    for (const e of events)
      await applyEvent(
        { prisma: t.server.db.prisma, clock, afterCommit: () => undefined, hooks: runtimeHooks },
        projectId,
        e as EventInput,
      );
  }

  /** Sends app_home_opened for `user` and returns the view the app published for them. */
  async function openHome(user: string): Promise<View> {
    const res = await t.slack.event({ type: 'app_home_opened', user, tab: 'home', channel: 'D0HOME0001' });
    expect(res.status).toBe(200);
    return viewOf(await t.fake.waitForCall('views.publish', (c) => c.args.user_id === user));
  }

  /** A block action pressed on the Home tab: the payload carries the home view and no response_url. */
  function homePress(user: string, button: { action_id: string; value: string }) {
    const payload = t.slack.blockActions({
      userId: user,
      actionId: button.action_id,
      value: button.value,
      view: { callbackId: '' },
    }) as { view: Record<string, unknown> };
    payload.view.type = 'home';
    return t.slack.interaction(payload);
  }

  beforeAll(async () => {
    t = await startTestApp({ server: { clock } });
    // The projects' channel (insertProject's default), with the bot invited.
    t.fake.inviteBot('C0PROJECTS');
    const prisma = t.server.db.prisma;
    // Reviewers are assigned by hand here: they are in the pool and the automatic assignment is off (issue 6).
    await seedExperts(prisma, ['U_REVIEWER_1', 'U_REVIEWER_2', 'U_REVIEWER_3', 'U_REVIEWER_8', NEW_REVIEWER]);
    await setAutoAssign(prisma, false);
    await prisma.userRole.createMany({
      data: [
        { userId: MANAGER, role: 'manager', grantedBy: 'test' },
        { userId: STAFF_B, role: 'staff', grantedBy: 'test' },
        { userId: 'U_STAFF_A', role: 'staff', grantedBy: 'test' },
        { userId: NEW_REVIEWER, role: 'reviewer', grantedBy: 'test' },
      ],
    });
    // P-2024-001 sits in intake; P-2024-002 has a screening pass proposed by staff A; P-2024-003 has a reviewer assigned.
    ids.intake = (
      await insertProject(prisma, { ...pilotInput({ ref: 'P-2024-001', title: '智能投顾' }), track: 'pilot' })
    ).id;
    ids.pending = (
      await insertProject(prisma, { ...pilotInput({ ref: 'P-2024-002', title: '区块链登记' }), track: 'pilot' })
    ).id;
    ids.review = (
      await insertProject(prisma, { ...pilotInput({ ref: 'P-2024-003', title: '大数据风控' }), track: 'pilot' })
    ).id;
    await insertProject(
      prisma,
      { ...coachingInput({ ref: 'C-2024-001' }), track: 'coaching' },
      { ownerId: 'U0SOMEONE1' },
    );
    await drive(ids.pending, submit());
    for (let i = 1; i <= 3; i++)
      await drive(
        ids.pending,
        ev('review.assigned', staffA, { reviewerId: `U_REVIEWER_${i}` }),
        ev('review.accepted', reviewer(i), { declaration: true }),
        ev(
          'review.submitted',
          reviewer(i),
          scored({ legalCompliance: 4, orderlyInnovation: 4, riskControllability: 4, policyFit: 4 }),
        ),
      );
    await drive(ids.pending, propose('screeningPass', staffA));
    await drive(ids.review, submit(), ev('review.assigned', staffA, { reviewerId: NEW_REVIEWER }));
    // A deadline the owner answers for that is already past: it waits on them and counts as missed in the pipeline.
    await prisma.deadline.create({
      data: {
        projectId: ids.intake,
        key: 'infoDue:test',
        kind: 'infoDue',
        rule: 'R-TEST',
        clock: 'ours',
        responsible: 'owner',
        responsibleUserId: OWNER,
        basis: '2024-02-01',
        spec: {} as Prisma.InputJsonValue,
        dueDate: new Date('2024-02-20T00:00:00Z'),
        dueAt: new Date('2024-02-20T10:00:00Z'),
        explanation: {} as Prisma.InputJsonValue,
        unknownYears: [],
      },
    });
    // Eleven more intake projects for the owner, so their list pages and the Home tab shows a "more" hint.
    for (let i = 10; i <= 20; i++)
      await insertProject(prisma, { ...pilotInput({ ref: `P-2024-0${i}`, title: `项目${i}` }), track: 'pilot' });
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => t.fake.reset());

  it('app_home_opened publishes the owner their projects, next deadlines and what waits on them, bounded', async () => {
    const view = await openHome(OWNER);
    expect(view.type).toBe('home');
    const text = textOf(view);
    expect(text).toContain(tr('zh-CN', 'home.mine', { total: 14 }));
    // Ten project lines with an "open" button each, then a hint for the four not shown and a drill-in to all of them.
    const opens = buttonsOf(view).filter((b) => b.action_id.startsWith(`${LIST.showAction}.`));
    expect(opens).toHaveLength(10);
    expect(text).toContain(tr('zh-CN', 'home.more', { count: 4 }));
    expect(buttonsOf(view).map((b) => b.action_id)).toContain(HOME.drillAction('mine'));
    // The missed deadline waits on the owner, marked as missed.
    expect(text).toContain(
      `*P-2024-001* 智能投顾 · ${tr('zh-CN', 'list.dueMissed', {
        kind: machineLabel('zh-CN', 'deadline.infoDue'),
        date: '2024年2月20日（周二）',
      })}`,
    );
    expect(text).toContain(tr('zh-CN', 'home.reviewsEmpty'));
    // The owner is neither staff nor manager: no pipeline, no decisions to confirm.
    expect(text).not.toContain('*项目进展*');
    expect(text).not.toContain(machineLabel('zh-CN', 'decision.screeningPass'));
  });

  it('a reviewer sees their assignment with its status and reviewer deadline', async () => {
    const view = await openHome(NEW_REVIEWER);
    const text = textOf(view);
    expect(text).toContain(tr('zh-CN', 'home.reviews', { total: 1 }));
    expect(text).toContain(`*P-2024-003* 大数据风控 · ${tr('zh-CN', 'home.review.assigned')}`);
    expect(text).toContain(machineLabel('zh-CN', 'deadline.reviewerResponse'));
    expect(text).toContain(tr('zh-CN', 'home.mineEmpty'));
  });

  it('another staff member sees the two-person decision waiting on them; its proposer does not', async () => {
    const other = textOf(await openHome(STAFF_B));
    expect(other).toContain(
      tr('zh-CN', 'home.decision', {
        ref: 'P-2024-002',
        title: '区块链登记',
        decision: machineLabel('zh-CN', 'decision.screeningPass'),
        proposer: '<@U_STAFF_A>',
      }),
    );
    const proposer = textOf(await openHome('U_STAFF_A'));
    expect(proposer).not.toContain('P-2024-002');
    expect(proposer).toContain(tr('zh-CN', 'home.waitingEmpty'));
  });

  it('a manager sees the pipeline: counts per stage per track, missed deadlines, drill-in buttons', async () => {
    const view = await openHome(MANAGER);
    const text = textOf(view);
    expect(text).toContain(tr('zh-CN', 'home.pipeline', { missed: 1 }));
    expect(text).toContain(tr('zh-CN', 'home.pipelineTrack', { track: '试点项目', total: 14 }));
    expect(text).toContain(
      tr('zh-CN', 'home.stageCount', { stage: machineLabel('zh-CN', 'state.pilot.intake'), count: 12 }),
    );
    expect(text).toContain(
      tr('zh-CN', 'home.stageCount', { stage: machineLabel('zh-CN', 'state.pilot.screening'), count: 2 }),
    );
    expect(text).toContain(tr('zh-CN', 'home.pipelineTrack', { track: '辅导项目', total: 1 }));
    const ids = buttonsOf(view).map((b) => b.action_id);
    expect(ids).toEqual(
      expect.arrayContaining([
        HOME.drillAction('pilot.screening'),
        HOME.drillAction('coaching.intake'),
        HOME.drillAction('overdue'),
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the Home tab is in the reader’s language', async () => {
    await t.server.db.prisma.userRole.create({ data: { userId: EN_USER, role: 'manager', grantedBy: 'test' } });
    t.fake.setUser(EN_USER, { locale: 'en-US' });
    const text = textOf(await openHome(EN_USER));
    expect(text).toContain(tr('en', 'home.pipeline', { missed: 1 }));
    expect(text).toContain('Screening');
    expect(text).toContain(tr('en', 'home.mineEmpty'));
    expect(text).not.toContain(tr('zh-CN', 'home.mineEmpty'));
  });

  it('a drill-in on the Home tab opens the list in a modal (no response_url there)', async () => {
    const home = await openHome(MANAGER);
    const screening = buttonsOf(home).find((b) => b.action_id === HOME.drillAction('pilot.screening'))!;
    t.fake.reset();
    const res = await homePress(MANAGER, screening);
    expect(res.status).toBe(200);
    const opened = await t.fake.waitForCall('views.open');
    const modal = viewOf(opened);
    expect(modal.type).toBe('modal');
    expect(textOf(modal)).toContain(tr('zh-CN', 'list.title', { total: 2, page: 1, pages: 1 }));
    expect(textOf(modal)).toContain('P-2024-002');
    expect(textOf(modal)).toContain('P-2024-003');

    t.fake.reset();
    const overdue = buttonsOf(home).find((b) => b.action_id === HOME.drillAction('overdue'))!;
    await homePress(MANAGER, overdue);
    const overdueList = textOf(viewOf(await t.fake.waitForCall('views.open')));
    expect(overdueList).toContain(tr('zh-CN', 'list.title', { total: 1, page: 1, pages: 1 }));
    expect(overdueList).toContain('P-2024-001');
    expect(t.fake.responses).toHaveLength(0);
  });

  it('in the drill-in modal, "next page" replaces the modal and "open" stacks the card on it, read-only', async () => {
    const home = await openHome(OWNER);
    t.fake.reset();
    await homePress(OWNER, buttonsOf(home).find((b) => b.action_id === HOME.drillAction('mine'))!);
    const first = viewOf(await t.fake.waitForCall('views.open'));
    expect(textOf(first)).toContain(tr('zh-CN', 'list.title', { total: 14, page: 1, pages: 2 }));
    const more = buttonsOf(first).find((b) => b.action_id === LIST.pageAction)!;

    t.fake.reset();
    await t.slack.interaction(
      t.slack.blockActions({
        userId: OWNER,
        actionId: more.action_id,
        value: more.value,
        viewId: 'V0LISTMODAL',
        view: { callbackId: '', viewId: 'V0LISTMODAL' },
      }),
    );
    const update = await t.fake.waitForCall('views.update');
    expect(update.args.view_id).toBe('V0LISTMODAL');
    const second = viewOf(update);
    expect(textOf(second)).toContain(tr('zh-CN', 'list.title', { total: 14, page: 2, pages: 2 }));

    const open = buttonsOf(second).find((b) => b.value === 'P-2024-001')!;
    t.fake.reset();
    await t.slack.interaction(
      t.slack.blockActions({
        userId: OWNER,
        actionId: open.action_id,
        value: open.value,
        viewId: 'V0LISTMODAL',
        view: { callbackId: '', viewId: 'V0LISTMODAL' },
      }),
    );
    const card = viewOf(await t.fake.waitForCall('views.push'));
    expect(card.title?.text).toBe('P-2024-001');
    expect(textOf(card)).toContain(tr('zh-CN', 'home.cardHint', { ref: 'P-2024-001' }));
    expect(card.blocks.some((b) => b.block_id === PROJECT.blocks.actions)).toBe(false);
  });

  it('a tampered drill-in value is refused with a message and opens nothing', async () => {
    t.fake.reset();
    await homePress(MANAGER, { action_id: HOME.drillAction('overdue'), value: '{"f":{"kind":"everything"},"n":1}' });
    const dm = await t.fake.waitForCall('chat.postMessage', (c) => c.args.channel === MANAGER);
    expect(String(dm.args.text)).toBe(tr('zh-CN', 'error.metadata'));
    expect(t.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('after a button applies a change, the Home tabs of the actor and the owner are republished', async () => {
    const project = await t.server.db.prisma.project.findUniqueOrThrow({ where: { id: ids.review } });
    t.fake.reset();
    // Accepting needs the declaration ticked (issue 6): the button opens its form, submitting it applies the change.
    await t.slack.interaction(
      t.slack.viewSubmission({
        userId: NEW_REVIEWER,
        callbackId: PROJECT.modalCallbackId,
        privateMetadata: JSON.stringify({ p: project.id, v: project.version, t: 'review.accepted' }),
        values: {
          [PROJECT.fieldBlock('declaration')]: {
            [PROJECT.fieldAction]: { type: 'checkboxes', selected_options: [{ value: 'true' }] },
          },
        },
      }),
    );
    await t.server.services.idle();
    const published = t.fake.callsTo('views.publish');
    expect(published.map((c) => c.args.user_id).sort()).toEqual([NEW_REVIEWER, OWNER].sort());
    const reviewerHome = published.find((c) => c.args.user_id === NEW_REVIEWER)!;
    expect(textOf(viewOf(reviewerHome))).toContain(`*P-2024-003* 大数据风控 · ${tr('zh-CN', 'home.review.accepted')}`);
  });

  it('after a modal applies a change, the actor, the owner and the newly responsible reviewer are republished', async () => {
    const project = await t.server.db.prisma.project.findUniqueOrThrow({ where: { id: ids.review } });
    t.fake.reset();
    const res = await t.slack.interaction(
      t.slack.viewSubmission({
        userId: STAFF_B,
        callbackId: PROJECT.modalCallbackId,
        privateMetadata: JSON.stringify({ p: project.id, v: project.version, t: 'review.assigned' }),
        values: {
          [PROJECT.fieldBlock('reviewerId')]: {
            [PROJECT.fieldAction]: { type: 'users_select', selected_user: 'U_REVIEWER_8' },
          },
        },
      }),
    );
    expect(res.text).toBe('');
    await t.server.services.idle();
    const users = t.fake.callsTo('views.publish').map((c) => c.args.user_id);
    expect(users).toEqual(expect.arrayContaining([STAFF_B, OWNER, 'U_REVIEWER_8']));
    expect(new Set(users).size).toBe(users.length);
  });
});
