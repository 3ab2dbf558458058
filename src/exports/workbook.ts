import ExcelJS from 'exceljs';

/** How a column's cells are written: text, a whole number, a calendar date or a date and time (Shanghai). */
export type ColumnType = 'text' | 'number' | 'date' | 'datetime';

/** One column of an export, already in the reader's language. */
export interface SheetColumn {
  header: string;
  description: string;
  type: ColumnType;
  /** Excel's column width, in characters. */
  width: number;
}

/** A cell as the tables produce it; dates are instants (datetime) or calendar dates at UTC midnight (date). */
export type Cell = string | number | Date | null;

/** A table ready to be written: its sheet's name, its columns and its rows, and the column sheet's labels. */
export interface ExportTable {
  sheetName: string;
  columns: SheetColumn[];
  rows: Cell[][];
  about: {
    sheetName: string;
    column: string;
    description: string;
    format: string;
    formats: Record<ColumnType, string>;
  };
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const NUM_FMT: Record<ColumnType, string | undefined> = {
  text: '@',
  number: '0',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

/**
 * Excel keeps dates without a time zone: an instant is written as its Shanghai wall-clock time (the programme's
 * clock, UTC+8 all year), so 2026-12-01T01:30Z reads 2026-12-01 09:30 in the cell.
 */
function cellValue(type: ColumnType, value: Cell): Cell {
  if (value instanceof Date && type === 'datetime') return new Date(value.getTime() + SHANGHAI_OFFSET_MS);
  return value;
}

/** The data sheet; for CSV an empty cell is an empty string, so every line has every column (exceljs drops trailing empty cells). */
function dataWorkbook(table: ExportTable, forCsv = false): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pilot Desk';
  // A fixed creation date keeps two exports of the same rows byte-comparable apart from the rows themselves.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width,
    style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] as string } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows)
    sheet.addRow(row.map((v, i) => (v === null && forCsv ? '' : cellValue(table.columns[i]!.type, v))));
  return workbook;
}

/** The .xlsx bytes: the data sheet (header row frozen, widths and number formats set) and a sheet describing each column. */
export async function buildXlsx(table: ExportTable): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = dataWorkbook(table);
  const about = workbook.addWorksheet(table.about.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  about.columns = [
    { header: table.about.column, key: 'column', width: 24 },
    { header: table.about.description, key: 'description', width: 80 },
    { header: table.about.format, key: 'format', width: 24 },
  ];
  about.getRow(1).font = { bold: true };
  for (const c of table.columns)
    about.addRow({ column: c.header, description: c.description, format: table.about.formats[c.type] });
  return Uint8Array.from(Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** Text Excel would run as a formula (=, +, -, @ first) is written with a leading apostrophe in CSV. */
function csvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A cell's date as text; the sheet already holds Shanghai wall-clock times in UTC fields. */
function csvDate(type: ColumnType, d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return type === 'datetime' ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : day;
}

/** The data sheet as CSV: UTF-8 with a byte-order mark (so Excel reads Chinese), dates as Shanghai text. */
export async function buildCsv(table: ExportTable): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = dataWorkbook(table, true);
  const types = table.columns.map((c) => c.type);
  const buffer = await workbook.csv.writeBuffer({
    sheetName: table.sheetName,
    formatterOptions: { writeBOM: true },
    map: (value: unknown, index: number) => {
      const type = types[index] ?? 'text';
      if (value instanceof Date) return csvDate(type, value);
      if (typeof value === 'string') return csvText(value);
      return value ?? '';
    },
  });
  return Uint8Array.from(Buffer.from(buffer));
}
