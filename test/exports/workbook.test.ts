import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { withheld } from '../../src/exports/tables.ts';
import { buildCsv, buildXlsx, type ExportTable } from '../../src/exports/workbook.ts';

const table: ExportTable = {
  sheetName: '项目',
  columns: [
    { header: '项目编号', description: '编号', type: 'text', width: 14 },
    { header: '序号', description: '数', type: 'number', width: 8 },
    { header: '到期日', description: '日期', type: 'date', width: 12 },
    { header: '创建时间', description: '时间', type: 'datetime', width: 18 },
  ],
  rows: [
    ['P-2026-001', 1, new Date('2026-12-31T00:00:00Z'), new Date('2026-12-31T16:30:00Z')],
    ['=HYPERLINK("http://evil")', 2, null, null],
  ],
  about: {
    sheetName: '字段说明',
    column: '列名',
    description: '说明',
    format: '格式',
    formats: { text: '文本', number: '整数', date: '日期', datetime: '日期时间' },
  },
};

describe('export files', () => {
  it('xlsx: typed cells, Shanghai wall-clock times (an instant late on the 31st is the 1st), widths, frozen header', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildXlsx(table)).buffer);
    const sheet = wb.getWorksheet('项目')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.columns.map((c) => c.width)).toEqual([14, 8, 12, 18]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const row = sheet.getRow(2);
    expect(row.getCell(2).value).toBe(1);
    expect(row.getCell(3).value).toEqual(new Date('2026-12-31T00:00:00Z'));
    expect(row.getCell(4).value).toEqual(new Date('2027-01-01T00:30:00Z'));
    expect(row.getCell(4).numFmt).toBe('yyyy-mm-dd hh:mm');
    // In a workbook the text stays text: a cell is never a formula.
    expect(sheet.getRow(3).getCell(1).value).toBe('=HYPERLINK("http://evil")');
    expect(wb.getWorksheet('字段说明')!.getRow(5).values).toEqual([undefined, '创建时间', '时间', '日期时间']);
  });

  it('csv: UTF-8 with BOM, dates as Shanghai text, formula-like text neutralised', async () => {
    const bytes = Buffer.from(await buildCsv(table));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\n');
    expect(lines[0]).toBe('项目编号,序号,到期日,创建时间');
    expect(lines[1]).toBe('P-2026-001,1,2026-12-31,2027-01-01 00:30');
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://evil"")",2,,`);
    const sheet = await new ExcelJS.Workbook().csv.read(Readable.from([bytes.subarray(3)]));
    expect(sheet.getRow(2).getCell(1).value).toBe('P-2026-001');
  });

  it('withholds personal fields at any depth of an audit payload, keeping the rest', () => {
    expect(
      withheld({ contactName: '张三', nested: [{ contactPhone: '138', note: 'n' }], contactEmail: null }, 'X'),
    ).toEqual({ contactName: 'X', nested: [{ contactPhone: 'X', note: 'n' }], contactEmail: null });
  });
});
