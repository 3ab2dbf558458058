import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../src/db/generated/client.ts';
import { enqueueMessages } from '../../src/outbox/enqueue-messages.ts';
import { nextRef, normaliseRef } from '../../src/projects/next-ref.ts';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/db.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** JSON that trips naive encoders: unicode, quotes, backslashes, nesting, nulls, big-but-safe numbers. */
const TRICKY_JSON = {
  title: '基于区块链的基金份额登记 🚀',
  quote: 'it\'s "quoted" \\ back\\slash',
  nested: { list: [1, 2.5, -3, null, true, 'x', { deep: [] }], empty: {} },
  maxSafe: Number.MAX_SAFE_INTEGER,
  nothing: null,
};

/** Array elements that need quoting in PostgreSQL's array literal syntax. */
const TRICKY_STRINGS = ['admin', '管理员', '', 'with,comma', 'with"quote', '{braces}', 'NULL', ' spaced '];

let projectSeq = 0;
function projectData(over: Partial<Prisma.ProjectUncheckedCreateInput> = {}): Prisma.ProjectUncheckedCreateInput {
  projectSeq += 1;
  return {
    ref: `P-2099-${String(projectSeq).padStart(3, '0')}`,
    track: 'pilot',
    title: `项目 ${projectSeq}`,
    intake: { scenario: 's' },
    machine: 'pilot',
    machineVersion: 1,
    snapshot: { value: 'intake' },
    stage: 'intake',
    status: 'active',
    ownerId: 'U0OWNER01',
    createdById: 'U0ADMIN01',
    ...over,
  };
}

function prismaCode(error: unknown): string | undefined {
  return error instanceof Prisma.PrismaClientKnownRequestError ? error.code : undefined;
}

/** Models this file writes and reads; kept next to the check that the schema has no others. */
const COVERED = [
  'AppSetting',
  'AuditEvent',
  'AuditVerification',
  'Batch',
  'CalendarYear',
  'ChannelPreference',
  'Deadline',
  'DeclaredConflict',
  'DigestSubscription',
  'Expert',
  'ExpertAffiliation',
  'GeneratedFile',
  'IncentiveTick',
  'OutboxMessage',
  'Project',
  'ProjectSearch',
  'RefCounter',
  'ReportPeriod',
  'ReportPlan',
  'ReviewDraft',
  'SupervisionRecord',
  'SupervisionReport',
  'SupportRecord',
  'UserPreference',
  'UserRole',
];

describe(`every model round-trips on ${TEST_ENGINE}`, () => {
  it('covers every model in schema.prisma', () => {
    expect(Object.values(Prisma.ModelName).sort()).toEqual(COVERED);
  });

  it('ReportPlan, ReportPeriod, SupervisionReport: dates and arrays read back, one period per (project, seq), one report per period', async () => {
    const p = await db.prisma.project.create({ data: projectData() });
    const plan = await db.prisma.reportPlan.create({
      data: { projectId: p.id, intervalMonths: 3, anchorOn: new Date('2027-01-01T00:00:00Z'), anchorSeq: 1 },
    });
    expect(plan.anchorOn.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    const period = {
      projectId: p.id,
      seq: 1,
      startsOn: new Date('2027-01-01T00:00:00Z'),
      endsOn: new Date('2027-03-31T00:00:00Z'),
      dueDate: new Date('2027-04-15T00:00:00Z'),
      deadlineKey: 'periodicReport:1',
      unknownYears: [2027],
    };
    const created = await db.prisma.reportPeriod.create({ data: period });
    expect(created).toMatchObject({ ...period, state: 'planned', scheduledAt: null });
    expect(prismaCode(await db.prisma.reportPeriod.create({ data: period }).catch((e: unknown) => e))).toBe('P2002');
    const report = {
      projectId: p.id,
      periodId: created.id,
      kind: 'periodic',
      receivedOn: new Date('2027-04-14T00:00:00Z'),
      summary: '第一季度运行报告',
    };
    expect(await db.prisma.supervisionReport.create({ data: report })).toMatchObject({ ...report, reviewStatus: null });
    expect(prismaCode(await db.prisma.supervisionReport.create({ data: report }).catch((e: unknown) => e))).toBe(
      'P2002',
    );
  });

  it('SupervisionRecord: typed JSON and personal data kept apart, one key per (project, kind)', async () => {
    const p = await db.prisma.project.create({ data: projectData() });
    const row = {
      projectId: p.id,
      kind: 'complaint',
      key: 'c1',
      status: 'received',
      data: { summary: '投资者投诉：赎回延迟', channel: '电话' },
      personal: { complainantName: '张三', complainantContact: '138 0000 0000' },
      openedOn: new Date('2027-02-01T00:00:00Z'),
      dueDate: new Date('2027-02-03T00:00:00Z'),
    };
    const created = await db.prisma.supervisionRecord.create({ data: row });
    expect(created).toMatchObject({ ...row, late: false, closedOn: null, parentKey: null });
    expect(prismaCode(await db.prisma.supervisionRecord.create({ data: row }).catch((e: unknown) => e))).toBe('P2002');
  });

  it('Project: uuid id, defaults, Json columns, timestamps', async () => {
    const created = await db.prisma.project.create({
      data: projectData({ intake: TRICKY_JSON, snapshot: [{ step: 1 }, 'two', 3], channelId: 'C0PILOT01' }),
    });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.version).toBe(1);
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(created.updatedAt).toBeInstanceOf(Date);

    const read = await db.prisma.project.findUniqueOrThrow({ where: { ref: created.ref } });
    expect(read).toEqual(created);
    expect(read.intake).toEqual(TRICKY_JSON);
    expect(read.snapshot).toEqual([{ step: 1 }, 'two', 3]);
    expect(read.cardTs).toBeNull();

    const updated = await db.prisma.project.update({
      where: { id: created.id },
      data: { version: { increment: 1 }, cardTs: '1764138600.000100', threadTs: '1764138600.000100' },
    });
    expect(updated.version).toBe(2);
    expect(updated.cardTs).toBe('1764138600.000100');
  });

  it('Project.ref is unique (P2002)', async () => {
    const p = await db.prisma.project.create({ data: projectData() });
    const error = await db.prisma.project.create({ data: projectData({ ref: p.ref }) }).catch((e: unknown) => e);
    expect(prismaCode(error)).toBe('P2002');
  });

  it('SupportRecord: uuid id, date and optional note, read back by project', async () => {
    const p = await db.prisma.project.create({ data: projectData() });
    const created = await db.prisma.supportRecord.create({
      data: {
        projectId: p.id,
        programme: 'shanghaiJincai',
        status: 'granted',
        beneficiary: 'person',
        factDate: new Date('2026-11-20T00:00:00Z'),
        recordedBy: 'U0STAFF01',
      },
    });
    const read = await db.prisma.supportRecord.findMany({ where: { projectId: p.id } });
    expect(read).toEqual([created]);
    expect(read[0]!.note).toBeNull();
    expect(read[0]!.factDate.toISOString()).toBe('2026-11-20T00:00:00.000Z');
  });

  it('IncentiveTick: composite id (project, item), a second tick of the same item writes nothing', async () => {
    const p = await db.prisma.project.create({ data: projectData() });
    const row = {
      projectId: p.id,
      item: 'publicNotice',
      doneById: 'U0STAFF01',
      doneOn: new Date('2026-11-26T00:00:00Z'),
    };
    expect((await db.prisma.incentiveTick.createMany({ data: [row], skipDuplicates: true })).count).toBe(1);
    expect((await db.prisma.incentiveTick.createMany({ data: [row], skipDuplicates: true })).count).toBe(0);
    const read = await db.prisma.incentiveTick.findMany({ where: { projectId: p.id } });
    expect(read).toEqual([expect.objectContaining({ ...row, note: null })]);
    expect(read[0]!.doneOn.toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });

  it('GeneratedFile: uuid id, bytes read back exactly, and dropped to null once delivered', async () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x00, 0xff, 0x41]);
    const created = await db.prisma.generatedFile.create({
      data: {
        requesterId: 'U0STAFF01',
        kind: 'projects',
        format: 'csv',
        filename: 'pilotdesk-projects.csv',
        title: '项目清单',
        comment: '3 行',
        mimeType: 'text/csv; charset=utf-8',
        size: bytes.byteLength,
        sha256: 'a'.repeat(64),
        bytes,
      },
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    const read = await db.prisma.generatedFile.findUniqueOrThrow({ where: { id: created.id } });
    expect([...read.bytes!]).toEqual([...bytes]);
    expect(read.deliveredAt).toBeNull();
    await db.prisma.generatedFile.update({ where: { id: created.id }, data: { bytes: null, slackFileId: 'F1' } });
    expect((await db.prisma.generatedFile.findUniqueOrThrow({ where: { id: created.id } })).bytes).toBeNull();
  });

  it('ProjectSearch: one row per project, Chinese text kept as written', async () => {
    const p = await db.prisma.project.create({ data: projectData() });
    const row = {
      projectId: p.id,
      version: 1,
      text: 't:数据交易\nu:91310000ma1fl0001x',
      names: '数据交易所',
      updatedAt: new Date(),
    };
    await db.prisma.projectSearch.create({ data: row });
    expect(await db.prisma.projectSearch.findUniqueOrThrow({ where: { projectId: p.id } })).toEqual(row);
    const error = await db.prisma.projectSearch.create({ data: row }).catch((e: unknown) => e);
    expect(prismaCode(error)).toBe('P2002');
  });

  it('RefCounter: composite id', async () => {
    await db.prisma.refCounter.create({ data: { prefix: 'Z', year: 2098, last: 41 } });
    const row = await db.prisma.refCounter.findUniqueOrThrow({ where: { prefix_year: { prefix: 'Z', year: 2098 } } });
    expect(row).toEqual({ prefix: 'Z', year: 2098, last: 41 });
  });

  it('AuditEvent: BigInt ids, String[], Json, timestamptz and date, relation to Project', async () => {
    const project = await db.prisma.project.create({ data: projectData() });
    const recordedAt = new Date('2026-02-28T16:00:00.123Z');
    const a = await db.prisma.auditEvent.create({
      data: {
        projectId: project.id,
        actorKind: 'user',
        actorId: 'U0ADMIN01',
        actorRoles: TRICKY_STRINGS,
        eventType: 'project.created',
        payload: TRICKY_JSON,
        fromState: null,
        toState: 'intake',
        machineVersion: 3,
        recordedAt,
        factDate: new Date('2026-10-01'),
      },
    });
    const b = await db.prisma.auditEvent.create({
      data: { actorKind: 'system', actorRoles: [], eventType: 'tick', payload: {}, recordedAt },
    });
    expect(typeof a.id).toBe('bigint');
    expect(b.id > a.id).toBe(true);

    const read = await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: a.id }, include: { project: true } });
    expect(read.actorRoles).toEqual(TRICKY_STRINGS);
    expect(read.payload).toEqual(TRICKY_JSON);
    expect(read.recordedAt.toISOString()).toBe('2026-02-28T16:00:00.123Z');
    expect(read.factDate?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(read.project?.ref).toBe(project.ref);

    const readB = await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: b.id } });
    expect(readB.actorRoles).toEqual([]);
    expect(readB.factDate).toBeNull();
    expect(readB.projectId).toBeNull();
  });

  it('BigInt ids beyond 2^53 are exact', async () => {
    const id = 2n ** 53n + 1n; // 9007199254740993 is not a double
    await db.prisma.auditEvent.create({
      data: { id, actorKind: 'system', actorRoles: [], eventType: 'big', payload: {}, recordedAt: new Date(0) },
    });
    const read = await db.prisma.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(read.id).toBe(9007199254740993n);
    const raw = await db.prisma.$queryRaw<{ id: bigint }[]>`SELECT id FROM "AuditEvent" WHERE "eventType" = 'big'`;
    expect(raw).toEqual([{ id: 9007199254740993n }]);
  });

  it('AuditVerification: BigInt id, nullable text, Json heads', async () => {
    const heads = { programme: { seq: 3, hash: 'a'.repeat(64) } };
    const run = await db.prisma.auditVerification.create({
      data: { ranAt: new Date('2026-12-01T01:00:00.000Z'), ok: true, rowsChecked: 3, chains: 1, heads },
    });
    const read = await db.prisma.auditVerification.findUniqueOrThrow({ where: { id: run.id } });
    expect(typeof read.id).toBe('bigint');
    expect(read.problem).toBeNull();
    expect(read.heads).toEqual(heads);
    expect(read.ranAt.toISOString()).toBe('2026-12-01T01:00:00.000Z');
  });

  it('UserRole: composite id, default grantedAt; a second grant of the same role is P2002', async () => {
    const granted = await db.prisma.userRole.create({
      data: { userId: 'U0STAFF01', role: 'staff', grantedBy: 'U0ADMIN01' },
    });
    expect(granted.grantedAt).toBeInstanceOf(Date);
    await db.prisma.userRole.create({ data: { userId: 'U0STAFF01', role: 'reviewer', grantedBy: 'U0ADMIN01' } });
    const roles = await db.prisma.userRole.findMany({ where: { userId: 'U0STAFF01' }, orderBy: { role: 'asc' } });
    expect(roles.map((r) => r.role)).toEqual(['reviewer', 'staff']);
    const dup = await db.prisma.userRole
      .create({ data: { userId: 'U0STAFF01', role: 'staff', grantedBy: 'U0OTHER01' } })
      .catch((e: unknown) => e);
    expect(prismaCode(dup)).toBe('P2002');
  });

  it('OutboxMessage: defaults, BigInt id, Json args and result, relation to Project', async () => {
    const project = await db.prisma.project.create({ data: projectData() });
    const m = await db.prisma.outboxMessage.create({
      data: {
        key: 'model-test:1',
        projectId: project.id,
        method: 'chat.postMessage',
        args: { channel: 'C0PILOT01', text: '已创建', blocks: [{ type: 'section' }] },
      },
    });
    expect(typeof m.id).toBe('bigint');
    expect(m).toMatchObject({ status: 'pending', attempts: 0, lastError: null, result: null, sentAt: null });
    expect(m.nextAttemptAt).toBeInstanceOf(Date);

    const sentAt = new Date('2026-11-26T06:30:00.999Z');
    await db.prisma.outboxMessage.update({
      where: { id: m.id },
      data: { status: 'sent', sentAt, result: { ok: true, ts: '1764138600.000100' } },
    });
    const read = await db.prisma.outboxMessage.findUniqueOrThrow({
      where: { key: 'model-test:1' },
      include: { project: true },
    });
    expect(read.args).toEqual({ channel: 'C0PILOT01', text: '已创建', blocks: [{ type: 'section' }] });
    expect(read.result).toEqual({ ok: true, ts: '1764138600.000100' });
    expect(read.sentAt?.toISOString()).toBe('2026-11-26T06:30:00.999Z');
    expect(read.project?.id).toBe(project.id);
  });

  it('Deadline: Int[] and String[], Json, date and timestamptz, unique (projectId, key)', async () => {
    const project = await db.prisma.project.create({ data: projectData() });
    const data = {
      projectId: project.id,
      key: 'complaintResolve:c-17',
      kind: 'complaintResolve',
      rule: 'RULES.md#complaints',
      clock: 'ours',
      responsible: 'owner',
      responsibleUserId: 'U0OWNER01',
      basis: '2026-09-30',
      spec: { periods: [{ workingDays: 15 }] },
      dueDate: new Date('2026-10-22'),
      dueAt: new Date('2026-10-22T09:59:59.999Z'),
      explanation: { steps: ['国庆节 skipped'], holidays: ['2026-10-01'] },
      unknownYears: [2027, 2028],
      stepsDone: ['remind-3d', 'remind-1d'],
      nextStep: 'escalate',
      nextStepAt: new Date('2026-10-23T01:00:00.000Z'),
    };
    const created = await db.prisma.deadline.create({ data });
    expect(created.status).toBe('open');
    const read = await db.prisma.deadline.findUniqueOrThrow({
      where: { projectId_key: { projectId: project.id, key: data.key } },
    });
    expect(read).toMatchObject({ ...data, snoozedUntil: null, closedAt: null });
    expect(read.dueDate.toISOString()).toBe('2026-10-22T00:00:00.000Z');
    const dup = await db.prisma.deadline.create({ data }).catch((e: unknown) => e);
    expect(prismaCode(dup)).toBe('P2002');
    const withDeadlines = await db.prisma.project.findUniqueOrThrow({
      where: { id: project.id },
      include: { deadlines: true },
    });
    expect(withDeadlines.deadlines.map((d) => d.key)).toEqual([data.key]);
  });

  it('CalendarYear: Int id, String[] of dates', async () => {
    const data = {
      year: 2027,
      holidays: ['2027-01-01', '2027-02-06'],
      adjustedWorkingDays: ['2027-02-14'],
      source: '国务院办公厅通知',
      loadedBy: 'U0ADMIN01',
    };
    await db.prisma.calendarYear.create({ data });
    const read = await db.prisma.calendarYear.findUniqueOrThrow({ where: { year: 2027 } });
    expect(read).toMatchObject(data);
    expect(read.loadedAt).toBeInstanceOf(Date);
  });

  it('DigestSubscription: String id, Json filters', async () => {
    const filters = { tracks: ['pilot'], stages: [], owner: null };
    await db.prisma.digestSubscription.create({ data: { channelId: 'C0DIGEST1', filters, createdById: 'U0MGR0001' } });
    const read = await db.prisma.digestSubscription.findUniqueOrThrow({ where: { channelId: 'C0DIGEST1' } });
    expect(read.filters).toEqual(filters);
    expect(read.createdById).toBe('U0MGR0001');
  });

  it('UserPreference and ChannelPreference: String ids, upsert, @updatedAt', async () => {
    const user = await db.prisma.userPreference.upsert({
      where: { userId: 'U0PREF001' },
      create: { userId: 'U0PREF001', lang: 'en' },
      update: { lang: 'en' },
    });
    expect(user.updatedAt).toBeInstanceOf(Date);
    await db.prisma.userPreference.upsert({
      where: { userId: 'U0PREF001' },
      create: { userId: 'U0PREF001', lang: 'en' },
      update: { lang: 'zh-CN' },
    });
    expect(await db.prisma.userPreference.findUniqueOrThrow({ where: { userId: 'U0PREF001' } })).toMatchObject({
      lang: 'zh-CN',
    });
    expect(await db.prisma.userPreference.count({ where: { userId: 'U0PREF001' } })).toBe(1);

    await db.prisma.channelPreference.create({ data: { channelId: 'C0PREF001', lang: 'en' } });
    const channel = await db.prisma.channelPreference.findUniqueOrThrow({ where: { channelId: 'C0PREF001' } });
    expect(channel.lang).toBe('en');
    expect(channel.updatedAt).toBeInstanceOf(Date);
  });

  it('Batch: uuid id, date columns, nullable timestamptz, unique name', async () => {
    const data = {
      name: '2026 第二批',
      opensOn: new Date('2026-12-01'),
      closesOn: new Date('2026-12-31'),
      createdById: 'U0STAFF01',
    };
    const created = await db.prisma.batch.create({ data });
    expect(created.closedEarly).toBeNull();
    const closedEarly = new Date('2026-12-20T07:00:00.005Z');
    await db.prisma.batch.update({ where: { id: created.id }, data: { closedEarly } });
    const read = await db.prisma.batch.findUniqueOrThrow({ where: { name: data.name } });
    expect(read.opensOn.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(read.closesOn.toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(read.closedEarly?.toISOString()).toBe('2026-12-20T07:00:00.005Z');
    const dup = await db.prisma.batch.create({ data }).catch((e: unknown) => e);
    expect(prismaCode(dup)).toBe('P2002');
  });

  it('Expert, ExpertAffiliation, DeclaredConflict: String[] tags, date columns, cascade on delete', async () => {
    const project = await db.prisma.project.create({ data: projectData() });
    await db.prisma.expert.create({
      data: {
        userId: 'U0EXPERT01',
        tags: TRICKY_STRINGS,
        awayFrom: new Date('2026-03-02T00:00:00Z'),
        createdById: 'U0ADMIN01',
        affiliations: {
          create: [
            { name: '上海某某科技有限公司', uscc: '91310000MA1FL8XQ3X', endedOn: new Date('2024-01-31T00:00:00Z') },
            { name: 'Current Co' },
          ],
        },
        conflicts: { create: { projectId: project.id, declaredAt: new Date('2026-03-02T01:02:03.456Z') } },
      },
    });
    const read = await db.prisma.expert.findUniqueOrThrow({
      where: { userId: 'U0EXPERT01' },
      include: { affiliations: { orderBy: { name: 'asc' } }, conflicts: true },
    });
    expect(read.tags).toEqual(TRICKY_STRINGS);
    expect(read.maxLoad).toBe(3);
    expect(read.awayFrom?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(read.awayUntil).toBeNull();
    expect(read.affiliations.map((a) => [a.name, a.uscc, a.endedOn?.toISOString() ?? null])).toEqual([
      ['Current Co', null, null],
      ['上海某某科技有限公司', '91310000MA1FL8XQ3X', '2024-01-31T00:00:00.000Z'],
    ]);
    expect(read.conflicts[0]?.declaredAt.toISOString()).toBe('2026-03-02T01:02:03.456Z');
    await expect(
      db.prisma.declaredConflict.create({
        data: { expertId: 'U0EXPERT01', projectId: project.id, declaredAt: new Date() },
      }),
    ).rejects.toSatisfy((e) => prismaCode(e) === 'P2002');
    await db.prisma.expert.delete({ where: { userId: 'U0EXPERT01' } });
    expect(await db.prisma.expertAffiliation.count({ where: { expertId: 'U0EXPERT01' } })).toBe(0);
    expect(await db.prisma.declaredConflict.count({ where: { expertId: 'U0EXPERT01' } })).toBe(0);
  });

  it('ReviewDraft and AppSetting: composite id, Json values, upsert', async () => {
    const key = { projectId_reviewerId: { projectId: '00000000-0000-4000-8000-000000000001', reviewerId: 'U0R1' } };
    await db.prisma.reviewDraft.upsert({
      where: key,
      create: { projectId: '00000000-0000-4000-8000-000000000001', reviewerId: 'U0R1', values: TRICKY_JSON },
      update: {},
    });
    await db.prisma.reviewDraft.upsert({
      where: key,
      create: { ...key.projectId_reviewerId, values: {} },
      update: { values: { a: 1 } },
    });
    expect((await db.prisma.reviewDraft.findUniqueOrThrow({ where: key })).values).toEqual({ a: 1 });
    await db.prisma.appSetting.create({ data: { key: 'reviews.autoAssign', value: false, updatedById: 'U0S' } });
    expect((await db.prisma.appSetting.findUniqueOrThrow({ where: { key: 'reviews.autoAssign' } })).value).toBe(false);
  });

  it('timestamptz and date values do not shift when the session time zone is Asia/Shanghai', async () => {
    const recordedAt = new Date('2026-12-31T16:30:00.250Z'); // 2027-01-01 00:30 in Shanghai
    const factDate = new Date('2026-12-31');
    const read = await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL TIME ZONE 'Asia/Shanghai'`);
      const created = await tx.auditEvent.create({
        data: { actorKind: 'system', actorRoles: [], eventType: 'tz', payload: {}, recordedAt, factDate },
      });
      return tx.auditEvent.findUniqueOrThrow({ where: { id: created.id } });
    });
    expect(read.recordedAt.toISOString()).toBe('2026-12-31T16:30:00.250Z');
    expect(read.factDate?.toISOString()).toBe('2026-12-31T00:00:00.000Z');
  });
});

describe('enqueueMessages', () => {
  it('a second enqueue with the same key is a no-op: the first message stays as written', async () => {
    const key = 'enqueue-test:dup';
    await db.prisma.$transaction((tx) =>
      enqueueMessages(tx, [{ key, method: 'chat.postMessage', args: { channel: 'C1', text: 'first' } }]),
    );
    await db.prisma.$transaction((tx) =>
      enqueueMessages(tx, [
        { key, method: 'chat.postMessage', args: { channel: 'C1', text: 'second' } },
        { key: 'enqueue-test:other', method: 'chat.update', args: { channel: 'C1', ts: '1.2', text: 'x' } },
      ]),
    );
    const rows = await db.prisma.outboxMessage.findMany({
      where: { key: { startsWith: 'enqueue-test:' } },
      orderBy: { key: 'asc' },
    });
    expect(rows.map((r) => [r.key, r.method, r.args])).toEqual([
      ['enqueue-test:dup', 'chat.postMessage', { channel: 'C1', text: 'first' }],
      ['enqueue-test:other', 'chat.update', { channel: 'C1', ts: '1.2', text: 'x' }],
    ]);
  });

  it('the same key twice in one call is stored once', async () => {
    await db.prisma.$transaction((tx) =>
      enqueueMessages(tx, [
        { key: 'enqueue-test:same-batch', method: 'chat.postMessage', args: { channel: 'C1', text: 'a' } },
        { key: 'enqueue-test:same-batch', method: 'chat.postMessage', args: { channel: 'C1', text: 'b' } },
      ]),
    );
    expect(await db.prisma.outboxMessage.count({ where: { key: 'enqueue-test:same-batch' } })).toBe(1);
  });

  it('rolled back with the transaction that wrote it', async () => {
    const failed = db.prisma.$transaction(async (tx) => {
      await enqueueMessages(tx, [{ key: 'enqueue-test:rollback', method: 'chat.postMessage', args: { text: 'x' } }]);
      throw new Error('the change failed');
    });
    await expect(failed).rejects.toThrow('the change failed');
    expect(await db.prisma.outboxMessage.count({ where: { key: 'enqueue-test:rollback' } })).toBe(0);
  });

  it('an empty list writes nothing', async () => {
    const before = await db.prisma.outboxMessage.count();
    await db.prisma.$transaction((tx) => enqueueMessages(tx, []));
    expect(await db.prisma.outboxMessage.count()).toBe(before);
  });
});

describe('nextRef', () => {
  it('20 concurrent transactions get 20 distinct, consecutive references', async () => {
    const refs = await Promise.all(
      Array.from({ length: 20 }, () => db.prisma.$transaction((tx) => nextRef(tx, 'P', 2040))),
    );
    expect(new Set(refs).size).toBe(20);
    expect([...refs].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `P-2040-${String(i + 1).padStart(3, '0')}`));
  });

  it('counts per prefix and year', async () => {
    const take = (prefix: string, year: number) => db.prisma.$transaction((tx) => nextRef(tx, prefix, year));
    expect(await take('P', 2041)).toBe('P-2041-001');
    expect(await take('P', 2041)).toBe('P-2041-002');
    expect(await take('C', 2041)).toBe('C-2041-001');
    expect(await take('P', 2042)).toBe('P-2042-001');
  });

  it('a rolled-back transaction frees its number', async () => {
    const failed = db.prisma.$transaction(async (tx) => {
      expect(await nextRef(tx, 'P', 2043)).toBe('P-2043-001');
      throw new Error('creation failed');
    });
    await expect(failed).rejects.toThrow('creation failed');
    expect(await db.prisma.$transaction((tx) => nextRef(tx, 'P', 2043))).toBe('P-2043-001');
  });

  it('goes past 999 without wrapping', async () => {
    await db.prisma.refCounter.create({ data: { prefix: 'P', year: 2044, last: 999 } });
    expect(await db.prisma.$transaction((tx) => nextRef(tx, 'P', 2044))).toBe('P-2044-1000');
  });
});

describe('normaliseRef', () => {
  it.each([
    ['P-2026-001', 'P-2026-001'],
    ['p-2026-1', 'P-2026-001'],
    ['Ｐ－２０２６－００１', 'P-2026-001'],
    [' P 2026 001 ', 'P-2026-001'],
    ['c-2026-4', 'C-2026-004'],
    ['P2026001', 'P-2026-001'],
    ['P–2026–012', 'P-2026-012'],
    ['P-2026-1000', 'P-2026-1000'],
  ])('%j → %s', (raw, expected) => {
    expect(normaliseRef(raw)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'hello',
    'X-2026-001',
    'P-26-001',
    'P-2026-',
    'P-2026-1234567',
    'P-2026-001-2',
    'PP-2026-001',
    'P-2026-00a',
  ])('rejects %j', (raw) => {
    expect(normaliseRef(raw)).toBeNull();
  });
});
