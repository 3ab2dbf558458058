import { describe, expect, it } from 'vitest';
import { InputError, PermissionError } from '../../src/errors.ts';
import { editRecord } from '../../src/records/edit-record.ts';
import { recordAfterConversion } from '../../src/records/record-after-conversion.ts';
import type { UserActor } from '../../src/roles/resolve-actor.ts';
import { accept, confirm, ev, propose, staffA, toPiloting } from '../support/machines.ts';
import { insertProjectAt } from '../support/projects.ts';
import { day, recordsBench } from '../support/records.ts';

const { clock, db, deps, piloting, act, row, deadline } = recordsBench('P-2024');
const staff = staffA as UserActor;
const reader: UserActor = { kind: 'user', userId: 'U_READER', roles: ['reviewer'] };

describe('complaints as records (R-SUP-4)', () => {
  it('R-SUP-4: acknowledged late and resolved late, with compensation; the on-time one is not flagged', async () => {
    const p = await piloting();
    await act(p.id, 'complaint.logged', { complaintId: 'q1', factDate: '2024-06-03', summary: '赎回延迟' });
    await act(p.id, 'complaint.logged', { complaintId: 'q2', factDate: '2024-06-03', summary: '页面错误' });
    // Two working days from Monday 3 June: Wednesday 5 June.
    expect(day((await row(p.id, 'complaint', 'q1')).dueDate)).toBe('2024-06-05');
    await act(p.id, 'complaint.acknowledged', { complaintId: 'q1', factDate: '2024-06-07' }, '2024-06-07T02:00:00Z');
    await act(p.id, 'complaint.acknowledged', { complaintId: 'q2', factDate: '2024-06-04' });
    const acknowledged = await row(p.id, 'complaint', 'q1');
    expect(acknowledged).toMatchObject({ status: 'acknowledged', late: true });
    expect(acknowledged.data).toMatchObject({ acknowledgedOn: '2024-06-07', acknowledgedLate: true });
    // Fifteen working days, the Dragon Boat Festival (10 June) skipped: 25 June.
    expect(day(acknowledged.dueDate)).toBe('2024-06-25');
    await act(
      p.id,
      'complaint.resolved',
      { complaintId: 'q1', factDate: '2024-06-28', outcome: '已退款' },
      '2024-06-28T02:00:00Z',
    );
    await act(p.id, 'complaint.resolved', { complaintId: 'q2', factDate: '2024-06-12', outcome: '已修复' });
    await editRecord(deps(), staff, acknowledged.id, { compensation: '赔付 5,000 元' });
    const resolved = await row(p.id, 'complaint', 'q1');
    expect(resolved).toMatchObject({ status: 'resolved', late: true });
    expect(day(resolved.closedOn)).toBe('2024-06-28');
    expect(resolved.data).toMatchObject({ outcome: '已退款', resolvedLate: true, compensation: '赔付 5,000 元' });
    expect(await row(p.id, 'complaint', 'q2')).toMatchObject({ status: 'resolved', late: false });
    expect((await deadline(p.id, 'complaintResolve:q1')).status).toBe('metLate');
  });

  it('R-SUP-4: a resolved complaint cannot be acknowledged afterwards; its record stays resolved', async () => {
    const p = await piloting();
    await act(
      p.id,
      'complaint.logged',
      { complaintId: 'q1', factDate: '2024-06-03', summary: 's' },
      '2024-06-03T04:00:00Z',
    );
    await act(p.id, 'complaint.resolved', { complaintId: 'q1', factDate: '2024-06-04', outcome: 'o' });
    await expect(
      act(p.id, 'complaint.acknowledged', { complaintId: 'q1', factDate: '2024-06-05' }),
    ).rejects.toBeInstanceOf(InputError);
    expect(await row(p.id, 'complaint', 'q1')).toMatchObject({ status: 'resolved' });
  });
});

describe('incidents as records (R-SUP-5, R-TOL-1)', () => {
  it('R-SUP-5: the first report counts 24 clock hours, the handling and final reports working days', async () => {
    const p = await piloting();
    await act(
      p.id,
      'incident.occurred',
      {
        incidentId: 'i1',
        incidentKind: 'businessError',
        occurredAt: '2024-06-03T10:00:00+08:00',
        factDate: '2024-06-03',
        summary: '清算差错',
      },
      '2024-06-03T03:00:00Z',
    );
    expect((await deadline(p.id, 'incidentFirstReport:i1')).dueAt.toISOString()).toBe('2024-06-04T02:00:00.000Z');
    // 5 working days (10 June is a holiday) and 20 working days from Monday 3 June.
    expect(day((await deadline(p.id, 'incidentHandlingReport:i1')).dueDate)).toBe('2024-06-11');
    expect(day((await deadline(p.id, 'incidentFinalReport:i1')).dueDate)).toBe('2024-07-02');
    const report = (stage: string, on: string, at: string) =>
      act(p.id, 'incident.reportReceived', { incidentId: 'i1', stage, factDate: on, summary: `${stage} report` }, at);
    await report('first', '2024-06-04', '2024-06-04T01:00:00Z');
    expect(await row(p.id, 'incident', 'i1')).toMatchObject({ status: 'firstReported', late: false });
    expect(day((await row(p.id, 'incident', 'i1')).dueDate)).toBe('2024-06-11');
    await report('handling', '2024-06-12', '2024-06-12T02:00:00Z');
    await report('final', '2024-07-01', '2024-07-01T02:00:00Z');
    const closed = await row(p.id, 'incident', 'i1');
    expect(closed).toMatchObject({ status: 'closed', late: true });
    expect(closed.data).toMatchObject({
      reports: {
        first: { on: '2024-06-04', late: false },
        handling: { on: '2024-06-12', late: true },
        final: { on: '2024-07-01', late: false },
      },
    });
    expect((await deadline(p.id, 'incidentHandlingReport:i1')).status).toBe('metLate');
    expect((await deadline(p.id, 'incidentFinalReport:i1')).status).toBe('met');
  });

  it('R-SUP-5: a first report after its 24 hours, on the last day itself, is late', async () => {
    const p = await piloting();
    await act(
      p.id,
      'incident.occurred',
      {
        incidentId: 'i1',
        incidentKind: 'securityIncident',
        occurredAt: '2024-06-03T10:00:00+08:00',
        factDate: '2024-06-03',
        summary: 's',
      },
      '2024-06-03T03:00:00Z',
    );
    await act(
      p.id,
      'incident.reportReceived',
      { incidentId: 'i1', stage: 'first', factDate: '2024-06-04', summary: 'f' },
      '2024-06-04T06:00:00Z',
    );
    expect((await row(p.id, 'incident', 'i1')).data).toMatchObject({ reports: { first: { late: true } } });
  });

  const combos = [false, true].flatMap((loss) =>
    [false, true].flatMap((compensated) => [false, true].map((market) => ({ loss, compensated, market }))),
  );
  it.each(combos)(
    'R-TOL-1: loss $loss, compensated $compensated, market affected $market',
    async ({ loss, compensated, market }) => {
      const p = await piloting();
      await act(
        p.id,
        'incident.occurred',
        {
          incidentId: 'i1',
          incidentKind: 'businessError',
          occurredAt: '2024-06-03T10:00:00+08:00',
          factDate: '2024-06-03',
          summary: 's',
        },
        '2024-06-03T03:00:00Z',
      );
      const assess = act(p.id, 'incident.faultToleranceAssessed', {
        incidentId: 'i1',
        actualInvestorLoss: loss,
        lossesCompensated: compensated,
        marketStabilityAffected: market,
      });
      if (!loss && compensated) {
        // Compensation without a loss is refused by the machine; the record keeps no facts.
        await expect(assess).rejects.toBeInstanceOf(InputError);
        expect((await row(p.id, 'incident', 'i1')).data).toMatchObject({ faultTolerance: null, qualifies: null });
        return;
      }
      await assess;
      const expected = (!loss || compensated) && !market;
      expect((await row(p.id, 'incident', 'i1')).data).toMatchObject({
        faultTolerance: { actualInvestorLoss: loss, lossesCompensated: compensated, marketStabilityAffected: market },
        qualifies: expected,
      });
    },
  );
});

describe('incidents during piloting and after conversion', () => {
  it('R-SUP-5: a handling report that comes first leaves the first report’s clock running', async () => {
    const p = await piloting();
    await act(
      p.id,
      'incident.occurred',
      {
        incidentId: 'i1',
        incidentKind: 'businessError',
        occurredAt: '2024-06-03T10:00:00+08:00',
        factDate: '2024-06-03',
        summary: 's',
      },
      '2024-06-03T03:00:00Z',
    );
    await act(p.id, 'incident.reportReceived', {
      incidentId: 'i1',
      stage: 'handling',
      factDate: '2024-06-03',
      summary: 'h',
    });
    expect((await deadline(p.id, 'incidentFirstReport:i1')).status).toBe('open');
    expect((await deadline(p.id, 'incidentHandlingReport:i1')).status).toBe('met');
    expect(await row(p.id, 'incident', 'i1')).toMatchObject({ status: 'handlingReported' });
  });

  it('R-SUP-5, R-TOL-1: after conversion the records refuse what the machine would, and keep every clock', async () => {
    const c = accept(
      toPiloting(),
      ev('evaluation.recorded', staffA, { factDate: '2024-05-20', outcome: 'metGoals', summary: 's' }),
      propose('conversion'),
      confirm(),
    );
    const { id } = await insertProjectAt(db().prisma, { ...c, context: { ...c.context, ref: 'P-2024-900' } } as never);
    const project = async () => db().prisma.project.findUniqueOrThrow({ where: { id } });
    clock.set('2024-06-03T03:00:00Z');
    const occurred = {
      incidentKind: 'securityIncident',
      occurredAt: '2024-06-03T10:00:00+08:00',
      summary: '数据泄露',
    };
    // The fact date must be the Shanghai day of the instant, as the machine's guard says.
    await expect(
      recordAfterConversion(deps(), staff, await project(), 'incident.occurred', {
        ...occurred,
        factDate: '2024-06-02',
      }),
    ).rejects.toBeInstanceOf(InputError);
    expect(
      await recordAfterConversion(deps(), staff, await project(), 'incident.occurred', {
        ...occurred,
        factDate: '2024-06-03',
      }),
    ).toEqual({ key: 'i1' });
    for (const key of ['incidentFirstReport:i1', 'incidentHandlingReport:i1', 'incidentFinalReport:i1'])
      expect((await deadline(id, key)).status).toBe('open');
    const assess = async (loss: boolean, compensated: boolean) =>
      recordAfterConversion(deps(), staff, await project(), 'incident.faultToleranceAssessed', {
        incidentId: 'i1',
        actualInvestorLoss: loss,
        lossesCompensated: compensated,
        marketStabilityAffected: false,
      });
    await expect(assess(false, true)).rejects.toBeInstanceOf(InputError);
    await assess(true, true);
    expect((await row(id, 'incident', 'i1')).data).toMatchObject({ qualifies: true });
    await recordAfterConversion(deps(), staff, await project(), 'incident.reportReceived', {
      incidentId: 'i1',
      stage: 'first',
      factDate: '2024-06-04',
      summary: 'f',
    });
    expect((await deadline(id, 'incidentFirstReport:i1')).status).toBe('met');
    await expect(
      recordAfterConversion(deps(), staff, await project(), 'incident.reportReceived', {
        incidentId: 'i1',
        stage: 'first',
        factDate: '2024-06-04',
        summary: 'again',
      }),
    ).rejects.toBeInstanceOf(InputError);
    await expect(
      recordAfterConversion(deps(), reader, await project(), 'complaint.logged', {
        factDate: '2024-06-04',
        summary: 's',
      }),
    ).rejects.toBeInstanceOf(PermissionError);
    expect((await project()).stage).toBe('regularOperation');
  });
});
