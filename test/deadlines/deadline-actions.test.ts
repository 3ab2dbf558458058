import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/index.ts';
import { fixedClock } from '../../src/clock.ts';
import { acknowledgeEscalation } from '../../src/deadlines/acknowledge-escalation.ts';
import { extendDeadline } from '../../src/deadlines/extend-deadline.ts';
import { reassignDeadline } from '../../src/deadlines/reassign-deadline.ts';
import { snoozeReminder } from '../../src/deadlines/snooze-reminder.ts';
import { InputError, NotFoundError, PermissionError } from '../../src/errors.ts';
import { manager, pilotInput, reviewer, staffA } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';
import { schedule, sh, useTickBench } from '../support/scheduler.ts';

const calendar = createWorkingCalendar();
const bench = useTickBench({ token: 'xoxb-actions' });
const { tick } = bench;
let n = 0;

const deps = (at: Date) => ({ prisma: bench.db.prisma, clock: fixedClock(at) });
async function missedInfoDeadline() {
  const p = await insertProject(bench.db.prisma, {
    ...pilotInput({ ref: `P-2026-8${String(++n).padStart(2, '0')}` }),
    track: 'pilot',
  });
  const [d] = await schedule(bench.db.prisma, p, {
    kind: 'infoDue',
    key: 'info',
    rule: 'R-APP-2',
    basis: calendar.addWorkingDays('2026-03-12', -10),
  });
  await tick(sh('2026-03-13', 0)); // the due step: missed (reminders dropped, nobody ticked before)
  return { p, d: d! };
}

describe('deadline actions', () => {
  it('extend: staff give a new last day and a reason; the deadline is open again, the ladder restarts, the change is audited', async () => {
    const { p, d } = await missedInfoDeadline();
    expect((await bench.db.prisma.deadline.findUniqueOrThrow({ where: { id: d.id } })).status).toBe('missed');
    const result = await extendDeadline(deps(sh('2026-03-13', 10)), {
      deadlineId: d.id,
      newDueDate: '2026-03-20',
      reason: 'Institution asked for a week',
      actor: staffA,
    });
    expect(result).toEqual({ deadlineId: d.id, ref: p.ref, kind: 'infoDue', from: '2026-03-12', to: '2026-03-20' });
    const row = await bench.db.prisma.deadline.findUniqueOrThrow({ where: { id: d.id } });
    expect(row).toMatchObject({ status: 'open', nextStep: 'reminder:3', stepsDone: [] });
    expect(row.dueAt.toISOString()).toBe(sh('2026-03-21', 0).toISOString());
    const [audit] = await bench.db.prisma.auditEvent.findMany({
      where: { projectId: p.id, eventType: 'deadline.extended' },
    });
    expect(audit).toMatchObject({ actorId: 'U_STAFF_A', actorKind: 'user' });
    expect(audit!.payload).toMatchObject({
      reason: 'Institution asked for a week',
      before: { dueDate: '2026-03-12', status: 'missed' },
      after: { dueDate: '2026-03-20', status: 'open' },
    });
    // The new ladder sends new reminders (new keys), once.
    await tick(sh('2026-03-17'));
    await tick(sh('2026-03-17', 10));
    expect(bench.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0OWNER01')).toHaveLength(1);
  });

  it('extend refuses without a reason, with a bad or past date, for a reviewer, and for an unknown deadline', async () => {
    const { d } = await missedInfoDeadline();
    const at = deps(sh('2026-03-13', 10));
    await expect(
      extendDeadline(at, { deadlineId: d.id, newDueDate: '2026-03-20', reason: '  ', actor: staffA }),
    ).rejects.toMatchObject({ key: 'error.extend.reasonRequired' });
    await expect(
      extendDeadline(at, { deadlineId: d.id, newDueDate: '2026-02-30', reason: 'r', actor: staffA }),
    ).rejects.toMatchObject({ key: 'error.extend.dateInvalid' });
    await expect(
      extendDeadline(at, { deadlineId: d.id, newDueDate: '2026-03-12', reason: 'r', actor: staffA }),
    ).rejects.toBeInstanceOf(InputError);
    await expect(
      extendDeadline(at, { deadlineId: d.id, newDueDate: '2026-03-20', reason: 'r', actor: reviewer(1) }),
    ).rejects.toBeInstanceOf(PermissionError);
    await expect(
      extendDeadline(at, {
        deadlineId: '00000000-0000-4000-8000-000000000000',
        newDueDate: '2026-03-20',
        reason: 'r',
        actor: staffA,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await bench.db.prisma.deadline.findUniqueOrThrow({ where: { id: d.id } })).status).toBe('missed');
  });

  it('snooze holds the ladder until the next working morning at 09:00 (over a weekend), audited', async () => {
    const { p, d } = await missedInfoDeadline();
    // The owner's escalation fell due at 09:00 on Friday 13 March; snoozed at 10:00 (before any tick) it waits for Monday.
    const { snoozedUntil } = await snoozeReminder(deps(sh('2026-03-13', 10)), {
      deadlineId: d.id,
      actor: { kind: 'user', userId: 'U0OWNER01', roles: [] },
    });
    expect(snoozedUntil).toBe(sh('2026-03-16').toISOString());
    await tick(sh('2026-03-13', 10, 5));
    await tick(sh('2026-03-16', 8, 59));
    expect(bench.fake.callsTo('chat.postMessage')).toEqual([]);
    await tick(sh('2026-03-16', 9));
    expect(bench.fake.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual(['U0OWNER01']);
    expect(await bench.db.prisma.auditEvent.count({ where: { projectId: p.id, eventType: 'deadline.snoozed' } })).toBe(
      1,
    );
    await expect(
      snoozeReminder(deps(sh('2026-03-16', 10)), { deadlineId: d.id, actor: reviewer(2) }),
    ).rejects.toBeInstanceOf(PermissionError);
  });

  it('reassign makes another person responsible (audited, told), acknowledge is recorded once', async () => {
    const { p, d } = await missedInfoDeadline();
    const r = await reassignDeadline(deps(sh('2026-03-13', 10)), {
      deadlineId: d.id,
      userId: 'U0OTHER01',
      actor: manager,
    });
    expect(r).toMatchObject({ from: 'U0OWNER01', to: 'U0OTHER01' });
    await expect(
      reassignDeadline(deps(sh('2026-03-13', 10)), { deadlineId: d.id, userId: 'not a user', actor: manager }),
    ).rejects.toMatchObject({ key: 'error.reassign.userInvalid' });
    await tick(sh('2026-03-13', 10, 1));
    expect(bench.fake.callsTo('chat.postMessage').map((c) => c.args.channel)).toContain('U0OTHER01');
    const first = await acknowledgeEscalation(deps(sh('2026-03-17', 10)), { deadlineId: d.id, actor: manager });
    const second = await acknowledgeEscalation(deps(sh('2026-03-17', 11)), { deadlineId: d.id, actor: staffA });
    expect(first).toMatchObject({ already: false, acknowledgedBy: 'U_MANAGER' });
    expect(second).toMatchObject({ already: true, acknowledgedBy: 'U_MANAGER' });
    const audit = await bench.db.prisma.auditEvent.findMany({
      where: { projectId: p.id, eventType: { in: ['deadline.reassigned', 'deadline.acknowledged'] } },
    });
    expect(audit.map((a) => a.eventType).sort()).toEqual(['deadline.acknowledged', 'deadline.reassigned']);
    expect(audit.find((a) => a.eventType === 'deadline.reassigned')!.payload).toMatchObject({
      before: 'U0OWNER01',
      after: 'U0OTHER01',
    });
  });
});
