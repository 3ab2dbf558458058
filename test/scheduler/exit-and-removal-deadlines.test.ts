import { describe, expect, it } from 'vitest';
import { EXIT_ITEMS } from '../../machines/pilot/events.ts';
import { cev, ev, scheduler as schedulerActor, staffA, toCoachingActive, toPiloting } from '../support/machines.ts';
import { insertProjectAt } from '../support/projects.ts';
import { drive, sh, useTickBench } from '../support/scheduler.ts';

const bench = useTickBench({ token: 'xoxb-exit', channels: ['C0PROJECTS'], langFor: async () => 'en' });
const { tick } = bench;

/** What the owner was sent, in order (digests left out). */
const ownerTexts = () =>
  bench.fake
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === 'U0OWNER01')
    .map((c) => String(c.args.text));

/** Ticks at 09:00 Shanghai on each day, and once more a minute later (which must change nothing). */
async function ticks(...days: string[]) {
  for (const day of days) {
    await tick(sh(day));
    await tick(new Date(sh(day).getTime() + 60_000));
  }
}

describe('due dates with reminders until done (R-EXIT-6, R-COA-5)', () => {
  it('R-EXIT-6: the exit plan checklist is due 3 months after the exit starts; the owner is reminded 3 and 1 working days before, once each, and nothing more once the exit closed', async () => {
    const s = toPiloting();
    const p = await insertProjectAt(bench.db.prisma, {
      ...s,
      context: { ...s.context, ref: 'P-2026-801' },
    } as typeof s);
    await drive(
      bench.db.prisma,
      p.id,
      '2026-09-01T02:00:00Z',
      ev('exit.requested', staffA, { factDate: '2026-09-01', reason: 'strategy' }),
    );
    const due = await bench.db.prisma.deadline.findUniqueOrThrow({
      where: { projectId_key: { projectId: p.id, key: 'exitPlanDue' } },
    });
    expect(due.dueDate.toISOString().slice(0, 10)).toBe('2026-12-01');
    expect(due.rule).toBe('R-EXIT-6');
    await bench.db.prisma.outboxMessage.deleteMany();
    bench.fake.reset();
    await ticks('2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30');
    const reminders = ownerTexts();
    expect(reminders).toHaveLength(2);
    expect(reminders.every((t) => t.includes('Exit plan checklist due'))).toBe(true);
    expect(reminders[0]).toContain('in 3 working days');
    // Ticking every item and closing the exit ends the due date: no reminder on the day, no escalation after.
    await drive(
      bench.db.prisma,
      p.id,
      '2026-11-30T03:00:00Z',
      ...EXIT_ITEMS.map((item) => ev('exit.checklistItemDone', staffA, { factDate: '2026-11-30', item })),
      ev('exit.closed', staffA, { factDate: '2026-11-30' }),
    );
    bench.fake.reset();
    await ticks('2026-12-01', '2026-12-02', '2026-12-04');
    expect(ownerTexts().filter((t) => t.includes('Exit plan'))).toEqual([]);
    const row = await bench.db.prisma.deadline.findUniqueOrThrow({
      where: { projectId_key: { projectId: p.id, key: 'exitPlanDue' } },
    });
    expect(row.status).not.toBe('open');
  });

  it('R-COA-5: the notice removal is due 5 working days after expiry; the owner is reminded, and told when it is missed', async () => {
    const s = toCoachingActive();
    const c = await insertProjectAt(bench.db.prisma, {
      ...s,
      context: { ...s.context, ref: 'C-2026-801' },
    } as typeof s);
    await drive(
      bench.db.prisma,
      c.id,
      '2026-11-20T01:00:00Z',
      cev('coaching.expired', schedulerActor, { factDate: '2026-11-20' }),
    );
    const due = await bench.db.prisma.deadline.findUniqueOrThrow({
      where: { projectId_key: { projectId: c.id, key: 'coachingNoticeRemoval' } },
    });
    // Friday 20 November + 5 working days = Friday 27 November.
    expect(due.dueDate.toISOString().slice(0, 10)).toBe('2026-11-27');
    await bench.db.prisma.outboxMessage.deleteMany();
    bench.fake.reset();
    await ticks('2026-11-23', '2026-11-24', '2026-11-26', '2026-11-27', '2026-11-30');
    const sent = ownerTexts().filter((t) => t.includes('Coaching notice removal due'));
    expect(sent).toHaveLength(4);
    expect(sent[0]).toContain('in 3 working days');
    expect(sent[2]).toContain('today');
    expect(sent[3]).toContain('was due on 2026-11-27 and is not done');
    // Removing the notice closes the coaching and its due date.
    await drive(
      bench.db.prisma,
      c.id,
      '2026-11-30T03:00:00Z',
      cev('notice.removed', staffA, { factDate: '2026-11-30' }),
    );
    const row = await bench.db.prisma.deadline.findUniqueOrThrow({
      where: { projectId_key: { projectId: c.id, key: 'coachingNoticeRemoval' } },
    });
    expect(row.status).not.toBe('open');
  });
});
