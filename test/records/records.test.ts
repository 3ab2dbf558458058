import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../machines/shared/actor.ts';
import { fixedClock } from '../../src/clock.ts';
import { InputError, PermissionError } from '../../src/errors.ts';
import { closeRectificationItem } from '../../src/records/close-rectification-item.ts';
import { editRecord } from '../../src/records/edit-record.ts';
import { listRecords } from '../../src/records/list-records.ts';
import { openRectificationItem } from '../../src/records/open-rectification-item.ts';
import type { UserActor } from '../../src/roles/resolve-actor.ts';
import { type ApplyEventDeps, applyEvent, type EventInput } from '../../src/runtime/apply-event.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { accept, confirm, proposeSanction, reportViolation, staffA, staffB, toPiloting } from '../support/machines.ts';
import { insertProjectAt } from '../support/projects.ts';

let db: TestDatabase;
const clock = fixedClock('2024-06-03T04:00:00Z');
const deps = (): ApplyEventDeps => ({ prisma: db.prisma, clock, afterCommit: () => {}, hooks: runtimeHooks });
const staff = staffA as UserActor;
const reader: UserActor = { kind: 'user', userId: 'U_READER', roles: ['reviewer'] };

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

let n = 0;
async function piloting() {
  const s = toPiloting();
  return insertProjectAt(db.prisma, {
    ...s,
    context: { ...s.context, ref: `P-2024-${String(++n).padStart(3, '0')}` },
  } as never);
}

/** Applies one event as staff A, recorded at the clock's instant (set first when given). */
async function act(
  projectId: string,
  type: string,
  payload: Record<string, unknown>,
  at?: string,
  actor: Actor = staffA,
) {
  if (at) clock.set(at);
  return applyEvent(deps(), projectId, {
    type,
    actor,
    recordedAt: clock.now().toISOString(),
    ...payload,
  } as EventInput);
}

const rows = (projectId: string, kind: string) =>
  db.prisma.supervisionRecord.findMany({ where: { projectId, kind }, orderBy: { key: 'asc' } });
const row = async (projectId: string, kind: string, key: string) =>
  db.prisma.supervisionRecord.findUniqueOrThrow({ where: { projectId_kind_key: { projectId, kind, key } } });
const deadline = (projectId: string, key: string) =>
  db.prisma.deadline.findUniqueOrThrow({ where: { projectId_key: { projectId, key } } });
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

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
    await editRecord({ ...deps() }, staff, acknowledged.id, { compensation: '赔付 5,000 元' });
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

describe('inspections, findings and rectification items (R-SUP-2)', () => {
  it('R-SUP-2: an inspection with two findings opens two items; one closed on time, one late', async () => {
    const p = await piloting();
    await act(
      p.id,
      'inspection.scheduled',
      { inspectionId: 'n1', authority: 'shanghaiBureau', mode: 'onSite', scheduledFor: '2024-06-14' },
      '2024-06-03T02:00:00Z',
    );
    expect(await row(p.id, 'inspection', 'n1')).toMatchObject({ status: 'scheduled' });
    await act(
      p.id,
      'inspection.findingsRecorded',
      { inspectionId: 'n1', factDate: '2024-06-14', findings: '1. 客户适当性记录不全\n2. 应急演练未留痕\n' },
      '2024-06-14T02:00:00Z',
    );
    const findings = await rows(p.id, 'finding');
    expect(findings.map((f) => [f.key, f.parentKey, (f.data as { text: string }).text])).toEqual([
      ['n1-f1', 'n1', '客户适当性记录不全'],
      ['n1-f2', 'n1', '应急演练未留痕'],
    ]);
    clock.set('2024-06-20T02:00:00Z');
    await expect(
      openRectificationItem(deps(), staff, findings[0]!.id, { requiredChange: '补全记录', dueDate: '2024-06-20' }),
    ).rejects.toBeInstanceOf(InputError);
    expect(await rows(p.id, 'rectification')).toHaveLength(0);
    await openRectificationItem(deps(), staff, findings[0]!.id, { requiredChange: '补全记录', dueDate: '2024-07-01' });
    await openRectificationItem(deps(), staff, findings[1]!.id, { requiredChange: '补做演练', dueDate: '2024-07-10' });
    expect((await deadline(p.id, 'rectificationItemDue:r1')).rule).toBe('R-SUP-2');
    const [r1, r2] = await rows(p.id, 'rectification');
    clock.set('2024-06-28T02:00:00Z');
    await closeRectificationItem(deps(), staff, r1!.id, { evidence: 'https://example.cn/r1', closedOn: '2024-06-28' });
    clock.set('2024-07-16T02:00:00Z');
    expect(
      await closeRectificationItem(deps(), staff, r2!.id, { evidence: '演练记录', closedOn: '2024-07-15' }),
    ).toEqual({
      key: 'r2',
      late: true,
    });
    expect(await row(p.id, 'rectification', 'r1')).toMatchObject({ status: 'closed', late: false, parentKey: 'n1-f1' });
    expect(await row(p.id, 'rectification', 'r2')).toMatchObject({ status: 'closed', late: true, parentKey: 'n1-f2' });
    expect((await deadline(p.id, 'rectificationItemDue:r1')).status).toBe('met');
    expect((await deadline(p.id, 'rectificationItemDue:r2')).status).toBe('metLate');
    await expect(
      closeRectificationItem(deps(), staff, r2!.id, { evidence: 'x', closedOn: '2024-07-15' }),
    ).rejects.toBeInstanceOf(InputError);
    const audit = await db.prisma.auditEvent.findMany({
      where: { projectId: p.id, eventType: { startsWith: 'record.' } },
    });
    expect(audit.map((a) => a.eventType).sort()).toEqual([
      'record.itemClosed',
      'record.itemClosed',
      'record.itemOpened',
      'record.itemOpened',
    ]);
  });
});

describe('sanctions and guidance as records (R-EXIT-5, R-TOL-1, R-SUP-3)', () => {
  it('R-EXIT-5: a confirmed sanction keeps the measures allowed, the incidents’ facts, both people and the basis', async () => {
    const s = accept(toPiloting(), reportViolation('minor'), proposeSanction('suspend'), confirm(staffB));
    const p = await insertProjectAt(db.prisma, { ...s, context: { ...s.context, ref: 'P-2024-090' } } as never);
    // The snapshot was built without the runtime: the sanction is written when the next one is confirmed.
    await act(p.id, 'decision.propose', {
      decisionKind: 'sanction',
      measure: 'resume',
      bureauDecisionDate: '2024-07-01',
      summary: '整改到位',
    });
    await act(p.id, 'decision.confirm', {}, undefined, staffB);
    const sanction = await row(p.id, 'sanction', 's2');
    expect(sanction).toMatchObject({ status: 'resume' });
    expect(sanction.data).toMatchObject({
      measure: 'resume',
      severity: 'minor',
      allowedMeasures: ['resume', 'stop', 'suspend'],
      proposedBy: staffA.kind === 'user' ? staffA.userId : '',
      confirmedBy: staffB.kind === 'user' ? staffB.userId : '',
      legalBasis: ['R-EXIT-5'],
      summary: '整改到位',
    });
  });

  it('R-EXIT-5: the first measure lists what the severity allows', async () => {
    const p = await piloting();
    await act(p.id, 'sanction.reportedToCsrc', {
      factDate: '2024-06-01',
      violation: 'commitment',
      severity: 'serious',
      summary: 's',
    });
    await act(p.id, 'decision.propose', {
      decisionKind: 'sanction',
      measure: 'administrativeMeasures',
      bureauDecisionDate: '2024-06-05',
      summary: '出具警示函',
    });
    await act(p.id, 'decision.confirm', {}, undefined, staffB);
    expect((await row(p.id, 'sanction', 's1')).data).toMatchObject({
      allowedMeasures: ['administrativeMeasures'],
      violation: 'commitment',
      faultTolerance: [],
    });
  });

  it('R-SUP-3: guidance recorded and relayed are rows', async () => {
    const p = await piloting();
    await act(p.id, 'guidance.recorded', {
      guidanceKind: 'issueFound',
      factDate: '2024-06-03',
      summary: '数据报送延迟',
    });
    await act(p.id, 'guidance.relayed', {
      noticeRef: '证监办发〔2024〕1号',
      factDate: '2024-06-04',
      summary: '加强数据安全',
    });
    expect((await rows(p.id, 'guidance')).map((g) => g.data)).toEqual([
      { guidanceKind: 'issueFound', summary: '数据报送延迟', noticeRef: null },
      { guidanceKind: 'csrcRelayed', summary: '加强数据安全', noticeRef: '证监办发〔2024〕1号' },
    ]);
  });
});

describe('editing with a trail', () => {
  it('staff edit what was written: before and after in the audit, personal data audited without its values', async () => {
    const p = await piloting();
    await act(
      p.id,
      'complaint.logged',
      { complaintId: 'q1', factDate: '2024-06-03', summary: '原摘要' },
      '2024-06-03T04:00:00Z',
    );
    const q1 = await row(p.id, 'complaint', 'q1');
    await expect(editRecord(deps(), reader, q1.id, { summary: 'x' })).rejects.toBeInstanceOf(PermissionError);
    await expect(editRecord(deps(), staff, q1.id, { summary: '  ' })).rejects.toBeInstanceOf(InputError);
    expect(
      await editRecord(deps(), staff, q1.id, { summary: '新摘要', complainantName: '张三', complainantContact: '138' }),
    ).toEqual({ changed: ['summary', 'complainantName', 'complainantContact'] });
    expect(await editRecord(deps(), staff, q1.id, { summary: '新摘要' })).toEqual({ changed: [] });
    const audit = await db.prisma.auditEvent.findMany({ where: { projectId: p.id, eventType: 'record.edited' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.payload).toMatchObject({
      key: 'q1',
      changes: [
        { field: 'summary', before: '原摘要', after: '新摘要' },
        { field: 'complainantName', personal: true },
        { field: 'complainantContact', personal: true },
      ],
    });
    expect(JSON.stringify(audit[0]!.payload)).not.toContain('张三');
    const forStaff = await listRecords(
      db.prisma,
      staff,
      'P-2024-' + String(n).padStart(3, '0'),
      'complaint',
      '2024-06-03',
    );
    expect(forStaff.items[0]!.personal).toEqual({ complainantName: '张三', complainantContact: '138' });
    const forReader = await listRecords(db.prisma, reader, forStaff.ref, 'complaint', '2024-06-03');
    expect(forReader.items[0]!.personal).toBeNull();
    expect(forReader.editor).toBe(false);
  });
});
