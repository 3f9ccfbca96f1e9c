/**
 * Cell parsers for registry imports: one function per column type, each returning the value in
 * the form the database stores, or a bilingual reason the cell was refused. Cells come from CSV
 * (strings) or XLSX (numbers, booleans, dates already as `YYYY-MM-DD` or Excel serial numbers).
 */

/** One spreadsheet cell as a reader delivers it. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A parsed cell: the stored value, or why the cell was refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };

/** A cell with nothing in it (null, undefined, or only whitespace). */
export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The cell as trimmed text (names keep their full-width brackets). */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoDate(cell);
  return String(cell).trim();
}

/** Anything but printable ASCII (which NFKC leaves unchanged, so such text skips it). */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

/** The cell as trimmed text with full-width digits, letters and signs folded to ASCII (NFKC). */
export function cellCode(cell: Cell): string {
  const text = cellText(cell);
  return NOT_PRINTABLE_ASCII.test(text) ? text.normalize('NFKC').trim() : text;
}

function fail<T>(zh: string, en: string): Parsed<T> {
  return { ok: false, zh, en };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Thousands separators as Excel writes them: 1,234,567.8 */
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** A decimal number; thousands separators are accepted, units and words are not. */
export function parseDecimal(cell: Cell, options: { min?: number } = {}): Parsed<number> {
  let n: number;
  if (typeof cell === 'number') n = cell;
  else {
    const text = cellCode(cell);
    if (!NUMBER.test(text) && !GROUPED.test(text)) {
      return fail(`“${text}”不是数字`, `"${text}" is not a number`);
    }
    n = Number(text.replaceAll(',', ''));
  }
  if (!Number.isFinite(n)) return fail(`“${cellText(cell)}”不是数字`, `"${cell}" is not a number`);
  if (options.min !== undefined && n < options.min) {
    return fail(`${n} 小于最小值 ${options.min}`, `${n} is below the minimum ${options.min}`);
  }
  return { ok: true, value: n };
}

/** A whole number (a decimal part other than .0 is refused). */
export function parseInteger(
  cell: Cell,
  options: { min?: number; max?: number } = {},
): Parsed<number> {
  const parsed = parseDecimal(cell);
  if (!parsed.ok) return parsed;
  const n = parsed.value;
  if (!Number.isInteger(n)) return fail(`${n} 不是整数`, `${n} is not a whole number`);
  if (options.min !== undefined && n < options.min) {
    return fail(`${n} 小于最小值 ${options.min}`, `${n} is below the minimum ${options.min}`);
  }
  if (options.max !== undefined && n > options.max) {
    return fail(`${n} 大于最大值 ${options.max}`, `${n} is above the maximum ${options.max}`);
  }
  return { ok: true, value: n };
}

/** `YYYY-MM-DD` of a date, in UTC (as exceljs and the readers give dates). */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** Excel's serial day 1 is 1900-01-01; day 0 of its (leap-year-bugged) count is 1899-12-30. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A calendar date as `YYYY-MM-DD`: `2023-05-01`, `2023/5/1`, `2023.5.1`, `2023年5月1日`,
 * `20230501`, a Date, or an Excel date serial (a date cell read as its number).
 */
export function parseDate(cell: Cell): Parsed<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('无效日期', 'invalid date');
    return { ok: true, value: isoDate(cell) };
  }
  if (typeof cell === 'number') {
    // Excel serials for 1901-01-01 … 2099-12-31.
    if (!Number.isFinite(cell) || cell < 367 || cell > 73050) {
      return fail(`${cell} 不是日期`, `${cell} is not a date`);
    }
    return { ok: true, value: isoDate(new Date(EXCEL_EPOCH + Math.floor(cell) * 86_400_000)) };
  }
  const text = cellCode(cell);
  const m = DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (!m) {
    return fail(
      `“${text}”不是日期（应为 YYYY-MM-DD 或 YYYY/M/D）`,
      `"${text}" is not a date (use YYYY-MM-DD or YYYY/M/D)`,
    );
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return fail(`“${text}”不是有效日期`, `"${text}" is not a valid calendar date`);
  }
  if (y < 1900 || y > 2100) {
    return fail(`“${text}”的年份不合理`, `"${text}" has an implausible year`);
  }
  return { ok: true, value: isoDate(date) };
}

const TRUE = new Set(['是', '有', 'true', 'yes', 'y', '1', 't', '√', '✓']);
const FALSE = new Set(['否', '无', 'false', 'no', 'n', '0', 'f', '×', '✗']);

/** A yes/no cell: 是/否, true/false, yes/no, 1/0. */
export function parseBoolean(cell: Cell): Parsed<boolean> {
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  const text = cellCode(cell).toLowerCase();
  if (TRUE.has(text)) return { ok: true, value: true };
  if (FALSE.has(text)) return { ok: true, value: false };
  return fail(`“${text}”应为“是”或“否”`, `"${text}" should be yes or no (是/否)`);
}

/** One allowed value of an enum column: its code and its labels. */
export type EnumValue = { code: string; zh: string; en?: string; aliases?: readonly string[] };

/** Compare labels ignoring case, spaces and full-width forms. */
export function foldLabel(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** An enum value by code, Chinese label, English label or alias; the stored form is the code. */
export function parseEnum(cell: Cell, values: readonly EnumValue[]): Parsed<string> {
  const text = cellText(cell);
  const folded = foldLabel(text);
  for (const v of values) {
    const labels = [v.code, v.zh, v.en ?? '', ...(v.aliases ?? [])];
    if (labels.some((l) => l !== '' && foldLabel(l) === folded)) return { ok: true, value: v.code };
  }
  const shown = values.slice(0, 12).map((v) => (v.zh === v.code ? v.code : `${v.zh}(${v.code})`));
  const more = values.length > 12 ? ' …' : '';
  return fail(
    `“${text}”不是允许的值（可选：${shown.join('、')}${more}）`,
    `"${text}" is not an allowed value (allowed: ${shown.join(', ')}${more})`,
  );
}

/** A list in one cell, separated by ；; 、 | or line breaks (e.g. former names). */
export function parseTextList(cell: Cell): string[] {
  return cellText(cell)
    .split(/[;；、|\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
