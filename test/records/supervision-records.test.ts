import { describe, expect, it } from 'vitest';
import { InputError, PermissionError } from '../../src/errors.ts';
import { closeRectificationItem } from '../../src/records/close-rectification-item.ts';
import { editRecord } from '../../src/records/edit-record.ts';
import { listRecords } from '../../src/records/list-records.ts';
import { openRectificationItem } from '../../src/records/open-rectification-item.ts';
import type { UserActor } from '../../src/roles/resolve-actor.ts';
import { accept, confirm, proposeSanction, reportViolation, staffA, staffB, toPiloting } from '../support/machines.ts';
import { insertProjectAt } from '../support/projects.ts';
import { recordsBench } from '../support/records.ts';

const { clock, deps, db, piloting, act, rows, row, deadline } = recordsBench('P-2024');
const staff = staffA as UserActor;
const reader: UserActor = { kind: 'user', userId: 'U_READER', roles: ['reviewer'] };

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
    const audit = await db().prisma.auditEvent.findMany({
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
    const p = await insertProjectAt(db().prisma, { ...s, context: { ...s.context, ref: 'P-2024-090' } } as never);
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
    const audit = await db().prisma.auditEvent.findMany({ where: { projectId: p.id, eventType: 'record.edited' } });
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
    const forStaff = await listRecords(db().prisma, staff, p.ref, 'complaint', '2024-06-03');
    expect(forStaff.items[0]!.personal).toEqual({ complainantName: '张三', complainantContact: '138' });
    const forReader = await listRecords(db().prisma, reader, forStaff.ref, 'complaint', '2024-06-03');
    expect(forReader.items[0]!.personal).toBeNull();
    expect(forReader.editor).toBe(false);
  });
});
