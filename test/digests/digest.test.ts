import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/index.ts';
import { fixedClock } from '../../src/clock.ts';
import { buildDigest, type DigestData, type DigestLine } from '../../src/digests/build-digest.ts';
import { enqueueDailyDigests } from '../../src/digests/enqueue-daily-digests.ts';
import { previewDigest, subscribeDigest, unsubscribeDigest } from '../../src/digests/subscribe-digest.ts';
import { PermissionError } from '../../src/errors.ts';
import { digestMessage, SLACK_LIMITS } from '../../src/views/digests/digest-message.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { admin, manager, pilotInput, staffA } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';
import { coachingInCoaching, schedule, sh } from '../support/scheduler.ts';

const calendar = createWorkingCalendar();
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  await db.prisma.outboxMessage.deleteMany();
  await db.prisma.digestSubscription.deleteMany();
});

describe('digests', () => {
  it('buildDigest: projects per stage, due in 7 days, missed, coaching ending within 30 days, late reviewers', async () => {
    const now = sh('2026-03-13', 10);
    const p = await insertProject(db.prisma, { ...pilotInput({ ref: 'P-2026-501' }), track: 'pilot' });
    await schedule(
      db.prisma,
      p,
      { kind: 'infoDue', key: 'soon', rule: 'R-APP-2', basis: calendar.addWorkingDays('2026-03-18', -10) },
      { kind: 'commitmentDue', key: 'late', rule: 'R-APP-6', basis: calendar.addWorkingDays('2026-03-10', -15) },
      {
        kind: 'reviewDue',
        key: 'rev',
        rule: 'R-APP-2',
        basis: calendar.addWorkingDays('2026-03-11', -10),
        userId: 'U_REVIEWER_1',
      },
      { kind: 'csrcAnswerExpected', key: 'csrc', rule: 'R-APP-4', basis: calendar.addWorkingDays('2026-03-10', -20) },
    );
    await db.prisma.deadline.updateMany({
      where: { projectId: p.id, key: { in: ['late', 'csrc'] } },
      data: { status: 'missed' },
    });
    await coachingInCoaching(db.prisma, 'C-2025-501', '2025-04-10', now.toISOString());
    const digest = await buildDigest(db.prisma, now, {});
    expect(digest.date).toBe('2026-03-13');
    expect(digest.stages).toEqual(
      expect.arrayContaining([
        { track: 'pilot', stage: 'intake', count: 1 },
        { track: 'coaching', stage: 'active', count: 1 },
      ]),
    );
    expect(digest.upcoming.map((l) => l.kind)).toEqual(['infoDue']);
    // The CSRC's clock is never "late"; reviewers are listed apart.
    expect(digest.missed.map((l) => l.kind)).toEqual(['commitmentDue']);
    expect(digest.lateReviewers.map((l) => [l.kind, l.responsibleUserId])).toEqual([['reviewDue', 'U_REVIEWER_1']]);
    expect(digest.coachingEnding.map((l) => [l.ref, l.dueDate])).toEqual([['C-2025-501', '2026-04-10']]);
    const onlyCoaching = await buildDigest(db.prisma, now, { track: 'coaching' });
    expect(onlyCoaching.stages).toEqual([{ track: 'coaching', stage: 'active', count: 1 }]);
    expect(onlyCoaching.upcoming).toEqual([]);
  });

  it('digestMessage stays within Slack limits: at most 50 blocks, 3000 characters a section, cut with an ellipsis line', () => {
    const line = (i: number): DigestLine => ({
      deadlineId: `d${i}`,
      ref: `P-2026-${i}`,
      title: '很长的项目名称'.repeat(8),
      kind: 'infoDue',
      dueDate: '2026-03-20',
      responsibleUserId: 'U0OWNER01',
    });
    const many = Array.from({ length: 400 }, (_, i) => line(i));
    const data: DigestData = {
      date: '2026-03-13',
      filters: { track: 'pilot' },
      stages: Array.from({ length: 300 }, (_, i) => ({ track: 'pilot', stage: `s${i}`, count: i })),
      upcoming: many,
      missed: many,
      coachingEnding: [],
      lateReviewers: many,
      auditCheck: { ranAt: '2026-03-12T19:00:00.000Z', ok: true, rows: 1234 },
    };
    for (const lang of ['zh-CN', 'en'] as const) {
      const { blocks } = digestMessage(data, lang);
      expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
      // Whatever the length of the lists, the last line says when the audit log was last proven intact.
      expect(JSON.stringify(blocks.at(-1))).toContain(lang === 'en' ? 'checked intact' : '校验完整（1234 条记录）');
      const sections = blocks.filter((b) => b.type === 'section').map((b) => (b.text as { text: string }).text);
      for (const text of sections) expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(sections[1]).toMatch(lang === 'en' ? /…and \d+ more$/ : /……另有 \d+ 项$/);
      expect(sections.some((s) => s.includes(lang === 'en' ? 'None.' : '无。'))).toBe(true);
    }
  });

  it('enqueueDailyDigests: one per subscribed channel per working day from 09:00, none on a day off, whatever the repeats', async () => {
    await subscribeDigest(db.prisma, 'C0DIGEST1', {}, manager);
    await subscribeDigest(db.prisma, 'C0DIGEST2', { track: 'coaching' }, admin);
    const at = (d: Date) => enqueueDailyDigests(db.prisma, fixedClock(d), calendar);
    expect(await at(sh('2026-03-13', 8, 59))).toBe(0);
    expect(await at(sh('2026-03-14', 10))).toBe(0); // Saturday
    expect(await at(sh('2026-02-18', 10))).toBe(0); // Spring Festival
    expect(await at(sh('2026-03-13', 20))).toBe(0);
    expect(await at(sh('2026-03-13', 9))).toBe(2);
    expect(await at(sh('2026-03-13', 9, 30))).toBe(0);
    await Promise.all([at(sh('2026-02-14', 9)), at(sh('2026-02-14', 9)), at(sh('2026-02-14', 11))]); // an adjusted working day
    const keys = (await db.prisma.outboxMessage.findMany({ orderBy: { key: 'asc' } })).map((r) => r.key);
    expect(keys).toEqual([
      'digest:C0DIGEST1:2026-02-14',
      'digest:C0DIGEST1:2026-03-13',
      'digest:C0DIGEST2:2026-02-14',
      'digest:C0DIGEST2:2026-03-13',
    ]);
  });

  it('subscribing is for managers and admins, audited with no project; previewDigest shows the channel its digest', async () => {
    await expect(subscribeDigest(db.prisma, 'C0DIGEST3', {}, staffA)).rejects.toBeInstanceOf(PermissionError);
    await expect(subscribeDigest(db.prisma, 'not-a-channel', {}, manager)).rejects.toMatchObject({
      key: 'error.digest.channelInvalid',
    });
    expect(
      await subscribeDigest(db.prisma, 'C0DIGEST3', { stage: 'active' }, manager, fixedClock(sh('2026-03-13', 10))),
    ).toMatchObject({ created: true });
    const preview = digestMessage(
      await previewDigest(db.prisma, fixedClock(sh('2026-03-13', 10)), { channelId: 'C0DIGEST3' }),
      'en',
    );
    expect(preview.text).toContain('2026-03-13');
    expect(JSON.stringify(preview.blocks)).toContain('Filters: active');
    expect(await unsubscribeDigest(db.prisma, 'C0DIGEST3', manager)).toBe(true);
    expect(await unsubscribeDigest(db.prisma, 'C0DIGEST3', manager)).toBe(false);
    const audit = await db.prisma.auditEvent.findMany({
      where: {
        eventType: { in: ['digest.subscribed', 'digest.unsubscribed'] },
        payload: { path: ['channelId'], equals: 'C0DIGEST3' },
      },
    });
    expect(audit.map((a) => [a.eventType, a.projectId, a.actorId])).toEqual([
      ['digest.subscribed', null, 'U_MANAGER'],
      ['digest.unsubscribed', null, 'U_MANAGER'],
    ]);
  });
});
