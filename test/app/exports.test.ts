import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Prisma } from '../../src/db/client.ts';
import { ADMIN, startTestApp, type TestApp } from '../support/app.ts';
import type { FakeFile } from '../support/fake-slack.ts';
import { applicant, pilotInput, uscc } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';
import { SlackUser } from '../support/slack-user.ts';

// 2026-12-01 10:00 Shanghai.
const clock = fixedClock('2026-12-01T02:00:00Z');
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |Error:|undefined|\[object/);

const DATA_EXCHANGE = applicant({ n: 1, name: '上海数据交易所有限公司', uscc: uscc('91310000MA1FL7777') });
const CHAIN_TECH = applicant({ n: 2, name: '链上科技股份有限公司', institutionType: 'techCompany', lead: false });

describe('/pilot export, search and history (issue 14)', () => {
  let t: TestApp;
  let admin: SlackUser;
  let staff: SlackUser;
  let english: SlackUser;
  let nobody: SlackUser;
  const prisma = () => t.server.db.prisma;

  /** The file a command's export delivered: waits for Slack's completion call and returns the uploaded file. */
  async function delivered(before: number): Promise<{ file: FakeFile; complete: Record<string, unknown> }> {
    const call = await t.fake.waitForCall(
      'files.completeUploadExternal',
      (c) => t.fake.callsTo('files.completeUploadExternal').indexOf(c) >= before && (c.response as { ok: boolean }).ok,
    );
    const id = (call.args.files as Array<{ id: string }>)[0]!.id;
    return { file: t.fake.files.get(id)!, complete: call.args };
  }

  async function workbookOf(file: FakeFile): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes! as unknown as ArrayBuffer);
    return wb;
  }

  beforeAll(async () => {
    t = await startTestApp({ server: { clock } });
    admin = new SlackUser(t, ADMIN);
    staff = new SlackUser(t, 'U0STAFFEXP');
    english = new SlackUser(t, 'U0ENGLEXP');
    nobody = new SlackUser(t, 'U0NOBODYEX');
    await admin.command(`roles grant <@${staff.id}> staff`);
    await admin.command(`roles grant <@${english.id}> manager`);
    await english.command('lang en');
    const projects = [
      { ref: 'P-2026-001', title: '数据交易链上存证', applicants: [DATA_EXCHANGE, CHAIN_TECH] },
      { ref: 'P-2026-002', title: 'Smart Custody', applicants: [applicant({ n: 3 })] },
      { ref: 'P-2026-003', title: '智能投顾风控', applicants: [applicant({ n: 4, name: '北京某某证券有限公司' })] },
    ];
    for (const p of projects) {
      await insertProject(prisma(), { ...pilotInput(p), track: 'pilot' }, { ownerId: staff.id });
      await prisma().project.update({
        where: { ref: p.ref },
        data: {
          createdAt: new Date('2026-11-20T01:30:00Z'),
          intake: { contactName: '张三', contactPhone: '+86 138 0000 0000', contactEmail: 'zhang@example.org' },
        },
      });
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('staff export projects: an .xlsx uploaded through both upload calls to their DM, read back cell by cell', async () => {
    const before = t.fake.callsTo('files.completeUploadExternal').length;
    const answer = await staff.command('export projects 2026-11-01 2026-11-30');
    expect(answer.text).toContain('项目清单（3 行，2026-11-01 至 2026-11-30），不含个人信息');
    const { file, complete } = await delivered(before);

    // Both calls, in order, and the bytes at the upload URL.
    const open = t.fake.lastCall('conversations.open')!;
    expect(open.args.users).toBe(staff.id);
    const dm = (open.response as { channel: { id: string } }).channel.id;
    expect(dm).toMatch(/^D/);
    expect(complete.channel_id).toBe(dm);
    const urlCall = t.fake.lastCall('files.getUploadURLExternal')!;
    expect(urlCall.args.filename).toBe(file.filename);
    expect(Number(urlCall.args.length)).toBe(file.bytes!.length);
    expect(file.filename).toMatch(/^pilotdesk-projects-20261201-1000\.xlsx$/);
    expect(String(complete.initial_comment)).toContain('项目清单：3 行');

    const wb = await workbookOf(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['项目', '字段说明']);
    const sheet = wb.getWorksheet('项目')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '项目编号',
      '类型',
      '项目名称',
      '当前阶段',
      '批次',
      '牵头申请单位',
      '牵头单位统一社会信用代码',
      '全部申请单位',
      '负责人',
      '创建时间',
      '最近更新',
    ]);
    expect(sheet.columns.map((c) => c.width)).toEqual([14, 10, 40, 28, 16, 32, 22, 60, 14, 18, 18]);
    expect(sheet.rowCount).toBe(4);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('P-2026-001');
    expect(first.getCell(2).value).toBe('试点项目');
    expect(first.getCell(3).value).toBe('数据交易链上存证');
    expect(first.getCell(6).value).toBe('上海数据交易所有限公司');
    expect(first.getCell(7).value).toBe(DATA_EXCHANGE.uscc);
    expect(first.getCell(8).value).toBe(
      `上海数据交易所有限公司（${DATA_EXCHANGE.uscc}）；链上科技股份有限公司（${CHAIN_TECH.uscc}）`,
    );
    // A real date cell holding Shanghai's wall-clock time: 01:30 UTC is 09:30 in Shanghai.
    const created = first.getCell(10);
    expect(created.value).toBeInstanceOf(Date);
    expect((created.value as Date).toISOString()).toBe('2026-11-20T09:30:00.000Z');
    expect(created.numFmt).toBe('yyyy-mm-dd hh:mm');
    // No personal data by default, anywhere in the file.
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain('张三');
    const about = wb.getWorksheet('字段说明')!;
    expect((about.getRow(1).values as unknown[]).slice(1)).toEqual(['列名', '说明', '格式']);
    expect(about.rowCount).toBe(12);
    expect(about.getRow(11).getCell(1).value).toBe('创建时间');
    expect(about.getRow(11).getCell(3).value).toBe('日期时间（上海时间）');

    // The bytes are dropped once Slack has them; the hash stays and matches what was uploaded.
    const row = await prisma().generatedFile.findFirstOrThrow({ where: { filename: file.filename } });
    expect(row.bytes).toBeNull();
    expect(row.slackFileId).toBe(file.id);
    expect(row.sha256).toBe(createHash('sha256').update(file.bytes!).digest('hex'));
    const audit = await prisma().auditEvent.findFirstOrThrow({
      where: { eventType: 'export.generated', actorId: staff.id },
    });
    expect(audit.payload).toMatchObject({ kind: 'projects', personalData: false, rows: 3, sha256: row.sha256 });
  });

  it('an admin asking for personal data gets it in CSV with a BOM, and the request is audited', async () => {
    const before = t.fake.callsTo('files.completeUploadExternal').length;
    const answer = await admin.command('export projects csv with-personal-data');
    expect(answer.text).toContain('含个人信息（已记入审计）');
    const { file } = await delivered(before);
    expect(file.filename).toMatch(/\.csv$/);
    expect([...file.bytes!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const wb = new ExcelJS.Workbook();
    const { Readable } = await import('node:stream');
    const sheet = await wb.csv.read(Readable.from([file.bytes!.subarray(3)]), { parserOptions: { delimiter: ',' } });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-3)).toEqual(['联系人', '联系电话', '联系邮箱']);
    const text = file.bytes!.toString('utf8');
    expect(text).toContain('张三');
    // A phone starting with + would be a formula in Excel: written as text.
    expect(text).toContain("'+86 138 0000 0000");
    expect(text).toContain('2026-11-20 09:30');
    const audit = await prisma().auditEvent.findFirstOrThrow({
      where: { eventType: 'export.generated', actorId: ADMIN },
      orderBy: { id: 'desc' },
    });
    expect(audit.payload).toMatchObject({ kind: 'projects', format: 'csv', personalData: true, rows: 3 });
    expect(audit.actorRoles).toContain('admin');
  });

  it('staff asking for personal data, and people without a working-group role, are refused and nothing is written', async () => {
    const files = await prisma().generatedFile.count();
    const audits = await prisma().auditEvent.count();
    const personal = await staff.command('export projects with-personal-data');
    expect(personal.text).toContain('只有管理员可以导出含个人信息');
    const outsider = await nobody.command('export audit');
    expect(outsider.text).toContain('只有专项工作组工作人员、负责人或管理员可以导出数据');
    expect((await nobody.command('search 数据')).text).toContain('只有专项工作组工作人员');
    expect((await nobody.command('history P-2026-001')).text).toContain('只有专项工作组工作人员');
    for (const a of [personal, outsider]) noStackTrace(a.text);
    expect(await prisma().generatedFile.count()).toBe(files);
    expect(await prisma().auditEvent.count()).toBe(audits);
  });

  it.each([
    ['export', '用法：`/pilot export'],
    ['export frob', '没有“frob”这种导出'],
    ['export projects 2026-13-01', '“2026-13-01”不是有效日期'],
    ['export projects 2026-12-01 2026-01-01', '起始日期 2026-12-01 晚于截止日期 2026-01-01'],
    ['export projects 2026-01-01 2026-02-01 2026-03-01', '最多写两个日期'],
    ['export projects yesterday', '看不懂“yesterday”'],
    ['export batch 不存在的批次', '没有名为“不存在的批次”的批次'],
    ['search', '用法：`/pilot search'],
    ['search a', '至少要 2 个字符'],
    ['history', '用法：`/pilot history'],
    ['history P-2026-999', '找不到项目 P-2026-999'],
    ['history P-2026-001 0', '“0”不是有效页码'],
  ])('"/pilot %s" is answered plainly in Chinese and changes nothing', async (text, expected) => {
    const audits = await prisma().auditEvent.count();
    const answer = await staff.command(text);
    expect(answer.text).toContain(expected);
    noStackTrace(answer.text);
    expect(await prisma().auditEvent.count()).toBe(audits);
  });

  it('an English reader gets English answers, headers and column sheet', async () => {
    expect((await english.command('export projects 2026-12-01 2026-01-01')).text).toContain(
      'The start date 2026-12-01 is after the end date 2026-01-01',
    );
    const before = t.fake.callsTo('files.completeUploadExternal').length;
    const answer = await english.command('export deadlines');
    expect(answer.text).toContain('Deadline list generated (0 rows, all dates), without personal data');
    const wb = await workbookOf((await delivered(before)).file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Deadlines', 'Columns']);
    expect(wb.getWorksheet('Deadlines')!.getRow(1).getCell(7).value).toBe('Due date');
    expect(wb.getWorksheet('Columns')!.getRow(8).getCell(3).value).toBe('Date (year-month-day)');
  });

  it("exports the audit trail with each row's chain position and hash, personal fields withheld", async () => {
    const { id } = await prisma().project.findUniqueOrThrow({ where: { ref: 'P-2026-002' } });
    await prisma().auditEvent.create({
      data: {
        projectId: id,
        actorKind: 'user',
        actorId: staff.id,
        actorRoles: ['staff'],
        eventType: 'intake.update',
        payload: { contactName: '李四', title: 'Smart Custody' } as Prisma.InputJsonValue,
        fromState: 'intake',
        toState: 'intake',
        recordedAt: new Date('2026-11-25T08:00:00Z'),
        factDate: new Date('2026-11-24T00:00:00Z'),
      },
    });
    const before = t.fake.callsTo('files.completeUploadExternal').length;
    await staff.command('export audit 2026-11-25 2026-11-25');
    const wb = await workbookOf((await delivered(before)).file);
    const sheet = wb.getWorksheet('审计记录')!;
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2);
    expect(row.getCell(2).value).toEqual(new Date('2026-11-25T16:00:00Z'));
    expect(row.getCell(3).value).toEqual(new Date('2026-11-24T00:00:00Z'));
    expect(row.getCell(3).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(4).value).toBe('P-2026-002');
    expect(row.getCell(9).value).toBe('申报材料准备');
    expect(String(row.getCell(11).value)).toContain('"contactName":"（已隐去）"');
    expect(String(row.getCell(11).value)).not.toContain('李四');
    expect(String(row.getCell(12).value)).toMatch(/^[0-9a-f-]{36}:\d+$/);
    expect(String(row.getCell(13).value)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("R-APP-3: a batch's selection list for the CSRC is exported with each project's screening outcome", async () => {
    await staff.command('batch open 第一批 2026-11-01 2026-12-31');
    const batch = await prisma().batch.findUniqueOrThrow({ where: { name: '第一批' } });
    for (const [ref, decision] of [
      ['P-2026-001', { kind: 'screeningPass', confirmedAt: '2026-11-28T02:00:00.000Z' }],
      ['P-2026-003', { kind: 'screeningFilterOut', confirmedAt: '2026-11-29T02:00:00.000Z' }],
    ] as const) {
      const p = await prisma().project.findUniqueOrThrow({ where: { ref } });
      const snapshot = p.snapshot as { context: Record<string, unknown> };
      snapshot.context.batchId = batch.id;
      snapshot.context.decisions = [
        { ...decision, proposedBy: staff.id, proposedAt: decision.confirmedAt, details: {}, confirmedBy: ADMIN },
      ];
      await prisma().project.update({ where: { ref }, data: { snapshot: snapshot as Prisma.InputJsonValue } });
    }
    const before = t.fake.callsTo('files.completeUploadExternal').length;
    const answer = await staff.command('export batch 第一批');
    expect(answer.text).toContain('批次“第一批”遴选结果名单（2 行');
    const sheet = (await workbookOf((await delivered(before)).file)).getWorksheet('遴选结果')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '项目编号',
      '项目名称',
      '牵头申请单位',
      '牵头单位统一社会信用代码',
      '机构类型',
      '遴选结果',
      '决定日期',
      '当前阶段',
    ]);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 7)).toEqual([
      'P-2026-001',
      '数据交易链上存证',
      '上海数据交易所有限公司',
      DATA_EXCHANGE.uscc,
      '证券公司',
      '入选',
    ]);
    expect(sheet.getRow(2).getCell(7).value).toEqual(new Date('2026-11-28T00:00:00Z'));
    expect(sheet.getRow(3).getCell(6).value).toBe('筛除');
  });

  it('Slack refusing the upload (no files:write) keeps the file and its message for a retry', async () => {
    t.fake.setScopes(['commands', 'chat:write', 'users:read', 'im:write']);
    try {
      await staff.command('export deadlines csv');
      const row = await prisma().generatedFile.findFirstOrThrow({ where: { format: 'csv', requesterId: staff.id } });
      await t.server.services.idle();
      const message = await prisma().outboxMessage.findUniqueOrThrow({ where: { key: `file:${row.id}` } });
      expect(message.lastError).toContain('missing_scope');
      expect(message.status).toBe('dead');
      expect((await prisma().generatedFile.findUniqueOrThrow({ where: { id: row.id } })).bytes).not.toBeNull();
    } finally {
      t.fake.setScopes(['commands', 'chat:write', 'users:read', 'files:write', 'im:write']);
    }
  });

  it.each([
    ['数据交易', ['P-2026-001'], '名称'],
    ['ＳＭＡＲＴ　ｃｕｓｔｏｄｙ', ['P-2026-002'], '名称'],
    ['上海数据交易所股份有限公司', ['P-2026-001'], '申请单位'],
    ['链上科技', ['P-2026-001'], '申请单位'],
    [DATA_EXCHANGE.uscc.toLowerCase().replace(/(.{6})/, '$1 '), ['P-2026-001'], '信用代码'],
    ['p-2026-003', ['P-2026-003'], '编号'],
  ])('search "%s" finds %j (matched in %s)', async (text, refs, where) => {
    const answer = await staff.command(`search ${text}`);
    const found = answer.blocks.flatMap((b) => (b.accessory ? [String(b.accessory.value)] : []));
    expect(found).toEqual(refs);
    expect(JSON.stringify(answer.blocks)).toContain(where);
    expect(SlackUser.buttons(answer.blocks)).toContain(`list.show.${refs[0]}`);
  });

  it('search says plainly when nothing matches, and reads new changes (the index follows the version)', async () => {
    expect((await staff.command('search 量子')).text).toContain('没有找到与“量子”相符的项目');
    await prisma().project.update({
      where: { ref: 'P-2026-003' },
      data: { title: '量子安全通信', version: { increment: 1 } },
    });
    const answer = await staff.command('search 量子');
    expect(answer.blocks.flatMap((b) => (b.accessory ? [String(b.accessory.value)] : []))).toEqual(['P-2026-003']);
  });

  it('history pages through every audit row with who, when, fact date and from → to, filterable by kind', async () => {
    const { id } = await prisma().project.findUniqueOrThrow({ where: { ref: 'P-2026-001' } });
    for (let i = 0; i < 12; i++)
      await prisma().auditEvent.create({
        data: {
          projectId: id,
          actorKind: i === 11 ? 'system' : 'user',
          actorId: i === 11 ? null : staff.id,
          actorRoles: ['staff'],
          eventType: i % 3 === 0 ? 'decision.propose' : 'intake.update',
          payload: {},
          fromState: 'intake',
          toState: i === 11 ? 'screening.review' : 'intake',
          recordedAt: new Date(Date.UTC(2026, 10, 20, 2, i)),
          factDate: i === 0 ? new Date('2026-11-19T00:00:00Z') : null,
        },
      });
    const first = await staff.command('history P-2026-001');
    expect(first.text).toBe('P-2026-001 数据交易链上存证');
    const body = JSON.stringify(first.blocks);
    expect(body).toContain('共 12 条，第 1/2 页');
    expect(body).toContain('提出决定');
    expect(body).toContain(`<@${staff.id}>`);
    expect(body).toContain('事实日期 2026年11月19日（周四）');
    expect(body).toContain('2026年11月20日（周五） 10:00');
    expect(SlackUser.buttons(first.blocks)).toEqual(['history.page.next']);
    const second = await staff.press(first.blocks, 'history.page.next');
    const page2 = JSON.stringify(second.answer);
    expect(page2).toContain('第 2/2 页');
    expect(page2).toContain('申报材料准备 → 项目遴选');
    const decisions = JSON.stringify((await staff.command('history P-2026-001 decision')).blocks);
    expect(decisions).toContain('（类型：decision）：共 4 条，第 1/1 页');
    const none = await english.command('history P-2026-001 csrc');
    expect(none.text).toBe('P-2026-001 has no "csrc" entries.');
  });

  it('an upload that fails is retried with a fresh upload URL; a file already delivered is not sent again', async () => {
    t.fake.failUploads({ status: 500, times: 1 });
    const urls = t.fake.callsTo('files.getUploadURLExternal').length;
    await staff.command('export audit');
    await t.server.services.idle();
    const pending = await prisma().outboxMessage.findFirstOrThrow({
      where: { method: 'pilotdesk.file', status: 'pending' },
    });
    expect(pending.lastError).toBe('transient: upload http 500');
    const { fileId } = pending.args as { fileId: string };
    expect((await prisma().generatedFile.findUniqueOrThrow({ where: { id: fileId } })).bytes).not.toBeNull();
    // After the backoff the outbox tries again: a new upload URL, the bytes, completion.
    clock.set('2026-12-01T02:05:00Z');
    await t.server.services.flushOutbox();
    await t.server.services.idle();
    expect((await prisma().outboxMessage.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe('sent');
    expect(t.fake.callsTo('files.getUploadURLExternal')).toHaveLength(urls + 2);
    const file = await prisma().generatedFile.findUniqueOrThrow({ where: { id: fileId } });
    expect(file.deliveredAt).not.toBeNull();
    expect(t.fake.files.get(file.slackFileId!)?.channel).toMatch(/^D/);
    // The same message sent again (a crash before its row was marked): Slack is not asked a second time.
    await prisma().outboxMessage.update({
      where: { id: pending.id },
      data: { status: 'pending', nextAttemptAt: clock.now() },
    });
    await t.server.services.flushOutbox();
    await t.server.services.idle();
    expect(t.fake.callsTo('files.getUploadURLExternal')).toHaveLength(urls + 2);
    expect((await prisma().outboxMessage.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe('sent');
  });
});
