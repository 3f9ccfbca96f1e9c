/**
 * Decoding of uploaded or local table files (CSV/TSV or XLSX bytes) into rows of cells, the
 * shape `validateRows` and the index engine's COINr readers take. CSV: UTF-8 (BOM or not),
 * UTF-16 LE with BOM, or GB18030/GBK when the bytes are not valid UTF-8 (Chinese Excel saves CSV
 * in GBK). XLSX: the first sheet, or a named one. No file system: the CLI reads files, the API
 * receives uploads, both decode here.
 */
import { isUtf8 } from 'node:buffer';
import type { Cell, TableRow } from '@kechuang/index-engine';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A decoded table. */
export type DecodedTable = {
  /** XLSX: the sheet read. */
  sheet?: string;
  /** CSV: the encoding detected. */
  encoding?: 'utf-8' | 'utf-16le' | 'gb18030';
  header: string[];
  rows: TableRow[];
  /** Row of `rows[i]` as a spreadsheet shows it (the header is usually row 1; blank rows skipped). */
  rowNumbers: number[];
};

/** One problem with a table file (row as a spreadsheet shows it). */
export type TableFileIssue = { row?: number; column?: string; zh: string; en: string };

/** A file that cannot be read as a table; every issue at once, in Chinese and English. */
export class TableFileError extends Error {
  readonly code = 'badFile';
  constructor(readonly issues: TableFileIssue[]) {
    super(issues.map((i) => `${i.zh} / ${i.en}`).join('\n'));
    this.name = 'TableFileError';
  }
}

function fileError(zh: string, en: string, where: Partial<TableFileIssue> = {}): TableFileError {
  return new TableFileError([{ zh, en, ...where }]);
}

/** Table formats by file extension. */
export type TableFormat = 'csv' | 'tsv' | 'xlsx';

/**
 * The format of a file name's extension; throws TableFileError for `.xls` and unknown
 * extensions, naming what to use instead.
 */
export function tableFormatOf(fileName: string): TableFormat {
  const ext = /\.[^./\\]+$/.exec(fileName.toLowerCase())?.[0] ?? '';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv' || ext === '.txt') return 'tsv';
  if (ext === '.xls') {
    throw fileError(
      '不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 或 CSV',
      'the old .xls format is not supported; save it as .xlsx or CSV in Excel',
    );
  }
  throw fileError(
    `无法识别的文件类型“${ext || '（无扩展名）'}”，请使用 .csv 或 .xlsx`,
    `unknown file type "${ext || '(no extension)'}"; use .csv or .xlsx`,
  );
}

/**
 * The encoding of CSV bytes: UTF-16 LE when they start with its byte-order mark; else UTF-8 when
 * every byte sequence is valid UTF-8 (BOM or not); else GB18030 (superset of GBK).
 */
export function encodingOf(bytes: Uint8Array): NonNullable<DecodedTable['encoding']> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return isUtf8(bytes) ? 'utf-8' : 'gb18030';
}

/** Decode CSV bytes in the encoding {@link encodingOf} finds (a BOM is stripped). */
export function decodeText(bytes: Uint8Array): {
  text: string;
  encoding: NonNullable<DecodedTable['encoding']>;
} {
  const encoding = encodingOf(bytes);
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/** Whether bytes start like a ZIP archive (an XLSX is one): `PK\x03\x04`. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Options of {@link decodeTable}. */
export type DecodeTableOptions = {
  format: TableFormat;
  /** XLSX: the sheet to read (default the first). */
  sheet?: string;
  /**
   * CSV: refuse bytes that decode neither as UTF-8 nor as GB18030 (or binary content) with one
   * clear message instead of a CSV syntax error.
   */
  strictEncoding?: boolean;
};

/** @internal The csv-parse delimiter of a text format. */
export function delimiterOf(format: TableFormat): string {
  return format === 'csv' ? ',' : '\t';
}

/** Decode table bytes; throws {@link TableFileError} for malformed or empty content. */
export async function decodeTable(
  bytes: Uint8Array,
  options: DecodeTableOptions,
): Promise<DecodedTable> {
  if (options.format === 'xlsx') return decodeXlsx(bytes, options.sheet);
  return decodeCsv(bytes, delimiterOf(options.format), options.strictEncoding);
}

function decodeCsv(bytes: Uint8Array, delimiter: string, strict?: boolean): DecodedTable {
  const { text, encoding } = decodeText(bytes);
  if (strict && (hasUndecodable(text) || isZip(bytes))) throw undecodableError();
  let records: CsvRecord[];
  try {
    records = parse(text, csvParseOptions(delimiter)) as unknown as CsvRecord[];
  } catch (err) {
    throw csvSyntaxError(err);
  }
  const table = new CsvTableBuilder();
  for (const record of records) table.add(record);
  return { encoding, ...table.finish() };
}

/**
 * The csv-parse options of every CSV decode (buffered or streaming), so both give the same
 * records and line numbers.
 * @internal
 */
export function csvParseOptions(delimiter: string) {
  return { bom: true, delimiter, info: true, skip_empty_lines: true } as const;
}

/** @internal A record as csv-parse gives it with `info: true`. */
export type CsvRecord = { record: string[]; info: { lines: number } };

/**
 * Whether decoded text shows that the bytes were not text in the encoding used: a replacement
 * character (undecodable bytes) or NUL (binary content).
 * @internal
 */
export function hasUndecodable(text: string): boolean {
  return text.includes('\uFFFD') || text.includes('\u0000');
}

/** @internal The one message for bytes that are neither UTF-8 nor GB18030 text. */
export function undecodableError(): TableFileError {
  return fileError(
    '文件编码无法识别：既不是 UTF-8 也不是 GB18030（或不是文本文件）。请在 Excel 中另存为“CSV UTF-8”或 .xlsx',
    'cannot decode the file: it is neither UTF-8 nor GB18030 (or not a text file). Save it as "CSV UTF-8" or .xlsx in Excel',
  );
}

/** @internal A csv-parse error as a TableFileError naming the line; other errors unchanged. */
export function csvSyntaxError(err: unknown): unknown {
  const e = err as Error & { code?: string; lines?: number };
  if (!e.code?.startsWith('CSV_')) return err;
  return fileError(`CSV 格式错误：${e.message}`, `malformed CSV: ${e.message}`, { row: e.lines });
}

/**
 * Builds a table from CSV records one at a time: the first record is the header, blank records
 * are skipped, each row keeps the line number a spreadsheet shows.
 * @internal
 */
export class CsvTableBuilder {
  private header: string[] | undefined;
  private readonly rows: TableRow[] = [];
  private readonly rowNumbers: number[] = [];

  add({ record, info }: CsvRecord): void {
    if (!this.header) {
      this.header = record.map((h) => h.trim());
      return;
    }
    if (record.every((v) => v.trim() === '')) return;
    this.rows.push(toRow(this.header, record));
    // The row number a spreadsheet shows (header on its own line, usually row 1).
    this.rowNumbers.push(info.lines);
  }

  /** Whether the header has been read. */
  hasHeader(): boolean {
    return this.header !== undefined;
  }

  /**
   * The header (checked: throws TableFileError if it repeats a name) and the rows so far, as
   * arrays that grow as more records are added.
   */
  live(): Pick<DecodedTable, 'header' | 'rows' | 'rowNumbers'> {
    if (!this.header) throw new Error('CsvTableBuilder.live() before the header');
    checkHeader(this.header);
    return { header: this.header, rows: this.rows, rowNumbers: this.rowNumbers };
  }

  /** The table; throws TableFileError when there was no header or it repeats a name. */
  finish(): Pick<DecodedTable, 'header' | 'rows' | 'rowNumbers'> {
    if (!this.header) throw fileError('文件是空的', 'the file is empty');
    checkHeader(this.header);
    return { header: this.header, rows: this.rows, rowNumbers: this.rowNumbers };
  }
}

async function decodeXlsx(bytes: Uint8Array, sheetName?: string): Promise<DecodedTable> {
  const workbook = new ExcelJS.Workbook();
  if (!isZip(bytes)) {
    throw fileError(
      '无法读取 XLSX 文件（内容不是 ZIP 压缩包，不是有效的 XLSX）',
      'cannot read the XLSX file (the content is not a ZIP archive, so not a valid XLSX)',
    );
  }
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(
        bytes.byteOffset,
        bytes.byteOffset + bytes.byteLength,
      ) as unknown as ExcelJS.Buffer,
    );
  } catch (err) {
    throw fileError(
      `无法读取 XLSX 文件（${(err as Error).message}）`,
      `cannot read the XLSX file (${(err as Error).message})`,
    );
  }
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) {
    const names = workbook.worksheets.map((w) => w.name).join(', ');
    throw sheetName === undefined
      ? fileError('工作簿中没有工作表', 'the workbook has no sheets')
      : fileError(
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
  if (!found) throw fileError(`工作表“${sheet.name}”是空的`, `sheet "${sheet.name}" is empty`);
  checkHeader(found);
  return { sheet: sheet.name, header: found, rows, rowNumbers };
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

function checkHeader(header: readonly string[]): void {
  const issues: TableFileIssue[] = [];
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') continue;
    if (seen.has(h)) {
      issues.push({
        row: 1,
        column: h,
        zh: `表头中列名 ${h} 出现了不止一次`,
        en: `column name ${h} appears more than once in the header`,
      });
    }
    seen.add(h);
  }
  if (issues.length > 0) throw new TableFileError(issues);
}
