/**
 * Read a CSV or XLSX file into rows of cells (the shape `frameworkFromMeta` / `tablesFromData`
 * take). CSV: UTF-8 (BOM or not), or GB18030/GBK when the bytes are not valid UTF-8 (Chinese
 * Excel saves CSV in GBK). XLSX: the first sheet, or `file.xlsx#Sheet`.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Cell, TableRow } from '@kechuang/index-engine';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { CliInputError, type FileIssue, fileError } from '../errors.ts';

export type Table = {
  /** The file as the user named it (with `#Sheet` if given). */
  file: string;
  /** Path on disk. */
  path: string;
  /** XLSX: the sheet read. */
  sheet?: string;
  /** CSV: the encoding detected. */
  encoding?: 'utf-8' | 'utf-16le' | 'gb18030';
  header: string[];
  rows: TableRow[];
  /** Row of `rows[i]` as a spreadsheet shows it (the header is usually row 1; blank rows skipped). */
  rowNumbers: number[];
};

/** Split `file.xlsx#Sheet` into path and sheet name. */
export function splitSheet(file: string): { path: string; sheet?: string } {
  const hash = file.lastIndexOf('#');
  if (hash > 0 && /\.xlsx$/i.test(file.slice(0, hash))) {
    return { path: file.slice(0, hash), sheet: file.slice(hash + 1) };
  }
  return { path: file };
}

/** Read a table; throws {@link CliInputError} for a missing, unreadable or malformed file. */
export async function readTable(file: string): Promise<Table> {
  const { path, sheet } = splitSheet(file);
  await checkFile(file, path);
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return readXlsx(file, path, sheet);
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
    return readCsv(file, path, ext === '.csv' ? ',' : '\t');
  }
  if (ext === '.xls') {
    throw fileError(
      file,
      '不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 或 CSV',
      'the old .xls format is not supported; save it as .xlsx or CSV in Excel',
    );
  }
  throw fileError(
    file,
    `无法识别的文件类型“${ext || '（无扩展名）'}”，请使用 .csv 或 .xlsx`,
    `unknown file type "${ext || '(no extension)'}"; use .csv or .xlsx`,
  );
}

async function checkFile(file: string, path: string): Promise<void> {
  try {
    const s = await stat(path);
    if (!s.isFile()) {
      throw fileError(file, '不是文件（可能是目录）', 'is not a file (a directory?)');
    }
  } catch (err) {
    if (err instanceof CliInputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw fileError(file, '文件不存在', 'file not found');
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw fileError(file, '没有读取权限', 'permission denied');
    }
    throw err;
  }
}

/** Decode CSV bytes: UTF-8 (BOM stripped), UTF-16 LE with BOM, else GB18030 (superset of GBK). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Table['encoding'] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

type CsvRecord = { record: string[]; info: { lines: number } };

async function readCsv(file: string, path: string, delimiter: string): Promise<Table> {
  const { text, encoding } = decodeText(await readFile(path));
  let records: CsvRecord[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      info: true,
      skip_empty_lines: true,
    }) as unknown as CsvRecord[];
  } catch (err) {
    const e = err as Error & { code?: string; lines?: number };
    if (!e.code?.startsWith('CSV_')) throw err;
    const line = e.lines;
    throw new CliInputError([
      {
        file,
        row: line,
        zh: `CSV 格式错误：${e.message}`,
        en: `malformed CSV: ${e.message}`,
      },
    ]);
  }
  const first = records[0];
  if (!first) throw fileError(file, '文件是空的', 'the file is empty');
  const header = first.record.map((h) => h.trim());
  checkHeader(file, header);
  const rows: TableRow[] = [];
  const rowNumbers: number[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.every((v) => v.trim() === '')) continue;
    rows.push(toRow(header, record));
    // The row number a spreadsheet shows (header on its own line, usually row 1).
    rowNumbers.push(info.lines);
  }
  return { file, path, encoding, header, rows, rowNumbers };
}

async function readXlsx(file: string, path: string, sheetName?: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (err) {
    throw fileError(
      file,
      `无法读取 XLSX 文件（${(err as Error).message}）`,
      `cannot read the XLSX file (${(err as Error).message})`,
    );
  }
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) {
    const names = workbook.worksheets.map((w) => w.name).join(', ');
    throw sheetName === undefined
      ? fileError(file, '工作簿中没有工作表', 'the workbook has no sheets')
      : fileError(
          file,
          `没有名为“${sheetName}”的工作表（现有：${names}）`,
          `no sheet named "${sheetName}" (sheets: ${names})`,
        );
  }
  let header: string[] | undefined;
  const rows: TableRow[] = [];
  const rowNumbers: number[] = [];
  sheet.eachRow((row) => {
    const values: Cell[] = [];
    const count = header ? header.length : row.cellCount;
    for (let c = 1; c <= count; c++) values.push(cellValue(row.getCell(c).value));
    if (values.every((v) => v === null || v === undefined || String(v).trim() === '')) return;
    if (!header) {
      header = values.map((v) => (v === null || v === undefined ? '' : String(v).trim()));
      while (header.length > 0 && header.at(-1) === '') header.pop();
      return;
    }
    rows.push(toRow(header, values));
    rowNumbers.push(row.number);
  });
  const found = header as string[] | undefined;
  if (!found)
    throw fileError(file, `工作表“${sheet.name}”是空的`, `sheet "${sheet.name}" is empty`);
  checkHeader(file, found);
  return { file, path, sheet: sheet.name, header: found, rows, rowNumbers };
}

/** An exceljs cell value as a plain cell: formulas give their result, rich text its text. */
export function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('error' in value) return String(value.error);
    if ('text' in value) return String(value.text);
  }
  return String(value);
}

function toRow(header: readonly string[], values: readonly Cell[]): TableRow {
  const row: TableRow = {};
  header.forEach((h, i) => {
    if (h !== '') row[h] = values[i] ?? null;
  });
  return row;
}

function checkHeader(file: string, header: readonly string[]): void {
  const issues: FileIssue[] = [];
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') continue;
    if (seen.has(h)) {
      issues.push({
        file,
        row: 1,
        column: h,
        zh: `表头中列名 ${h} 出现了不止一次`,
        en: `column name ${h} appears more than once in the header`,
      });
    }
    seen.add(h);
  }
  if (issues.length > 0) throw new CliInputError(issues);
}
