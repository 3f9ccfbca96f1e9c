/**
 * Validation of an import before anything is written: headers (Chinese or English, any case or
 * spacing), every cell by its column type, the natural key unique within the file. Every
 * problem is reported at once, naming row (spreadsheet numbering, header = row 1), column,
 * value and reason in Chinese and English.
 */
import type { ImportColumn, ImportKind, Text } from './importKind.ts';
import {
  type Cell,
  cellCode,
  cellText,
  isBlank,
  type Parsed,
  parseBoolean,
  parseDate,
  parseDecimal,
  parseEnum,
  parseInteger,
  parseTextList,
} from './parseCell.ts';
import { checkUscc, resolveRegion } from './referenceData.ts';

/** Rows already parsed by a reader (CSV or XLSX), as the CLI's `readTable` gives them. */
export type ImportTable = {
  header: readonly string[];
  rows: readonly Record<string, Cell>[];
  /** Spreadsheet row of `rows[i]` (header = row 1); default i + 2. */
  rowNumbers?: readonly number[];
  /**
   * A table still being read: resolves true once more rows have been appended to `rows` (and
   * `rowNumbers`), false once the table is complete; rejects if reading fails. Absent: the
   * table is complete.
   */
  more?: () => Promise<boolean>;
};

/** One problem in an import. `row` is the spreadsheet row (header = 1); absent for the file. */
export type ImportIssue = {
  row?: number;
  column?: string;
  value?: string;
  zh: string;
  en: string;
};

/** A functional zone for the zone column (from the database's functional_zones). */
export type ZoneRef = { code: string; name_zh: string; name_en?: string | null };

/** What validation may consult besides the rows. */
export type ValidationContext = {
  /** Accept 统一社会信用代码 whose embedded 组织机构代码 check fails (stored with a warning). */
  acceptUsccWarnings?: boolean;
  /** Functional zones known to the database; without it zone cells are taken as codes. */
  zones?: readonly ZoneRef[];
};

/** A row that passed validation: the values for the target table, by field. */
export type NormalisedRecord = {
  /** Spreadsheet row. */
  row: number;
  /** field → value as stored (jsonb keys folded into their column's object). */
  values: Record<string, unknown>;
  /** The natural key as text (for messages). */
  key: string;
};

/** The outcome of validateRows. */
export type ValidationResult = {
  valid: NormalisedRecord[];
  /** Problems that reject a row (or the whole file, for header problems). */
  issues: ImportIssue[];
  /** Problems that do not reject anything (ignored columns, accepted 统一社会信用代码 warnings). */
  warnings: ImportIssue[];
  /** Rows that were refused. */
  rejected: number;
  /** Fields the file provides (columns absent from the file are left unchanged in the database). */
  fields: string[];
};

/** Fold a header for matching: NFKC, lower case, no spaces, underscores or hyphens. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-*]+/g, '');
}

/** A header without its trailing unit in brackets: `销售收入（万元）` → `销售收入`. */
function withoutUnit(header: string): string {
  return header.replace(/\s*[(（][^()（）]*[)）]\s*$/, '');
}

/** The names a column answers to (folded). */
function headerNames(column: ImportColumn): Set<string> {
  const names = [
    column.zh,
    column.en,
    withoutUnit(column.zh),
    withoutUnit(column.en),
    column.field,
  ];
  return new Set(names.map(foldHeader).filter((n) => n !== ''));
}

/** Match the file's header to the kind's columns; header problems are reported on row 1. */
export function matchHeader(
  kind: ImportKind,
  header: readonly string[],
): { columns: Map<string, ImportColumn>; issues: ImportIssue[]; warnings: ImportIssue[] } {
  const columns = new Map<string, ImportColumn>();
  const issues: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const byColumn = new Map<ImportColumn, string>();
  for (const h of header) {
    if (h.trim() === '') continue;
    const folded = foldHeader(h);
    const column = kind.columns.find((c) => headerNames(c).has(folded));
    if (!column) {
      warnings.push({
        row: 1,
        column: h,
        zh: `未知的列“${h}”，已忽略`,
        en: `unknown column "${h}" ignored`,
      });
      continue;
    }
    const earlier = byColumn.get(column);
    if (earlier !== undefined) {
      issues.push({
        row: 1,
        column: h,
        zh: `列“${h}”与列“${earlier}”是同一列（${column.zh}）`,
        en: `column "${h}" is the same column as "${earlier}" (${column.en})`,
      });
      continue;
    }
    byColumn.set(column, h);
    columns.set(h, column);
  }
  for (const c of kind.columns) {
    if (c.required && !byColumn.has(c)) {
      issues.push({
        row: 1,
        column: c.zh,
        zh: `缺少必填列“${c.zh}”（英文表头 ${c.en}）`,
        en: `required column "${c.en}" (${c.zh}) is missing`,
      });
    }
  }
  return { columns, issues, warnings };
}

type CellResult = Parsed<unknown> & { warning?: Text };

function parseByType(
  column: ImportColumn,
  cell: Cell,
  context: ValidationContext,
  usccResults?: Map<string, CellResult>,
): CellResult {
  switch (column.type) {
    case 'text': {
      const text = cellText(cell);
      if (column.pattern && !column.pattern.test(text)) {
        return {
          ok: false,
          zh: `“${text}”格式不符：${column.description.zh}`,
          en: `"${text}" has the wrong form: ${column.description.en}`,
        };
      }
      return { ok: true, value: text };
    }
    case 'textList':
      return { ok: true, value: parseTextList(cell) };
    case 'integer':
      return parseInteger(cell, { min: column.min, max: column.max });
    case 'decimal':
      return parseDecimal(cell, { min: column.min });
    case 'date':
      return parseDate(cell);
    case 'boolean':
      return parseBoolean(cell);
    case 'enum':
      return parseEnum(cell, column.values ?? []);
    case 'uscc': {
      const code = cellCode(cell);
      let result = usccResults?.get(code);
      if (!result) {
        result = checkUscc(code, context.acceptUsccWarnings === true);
        usccResults?.set(code, result);
      }
      return result;
    }
    case 'region':
      return resolveRegion(cellText(cell));
    case 'zone':
      return resolveZone(cellText(cell), context.zones);
  }
}

function resolveZone(text: string, zones: readonly ZoneRef[] | undefined): Parsed<string> {
  if (!zones) return { ok: true, value: text };
  const folded = foldHeader(text);
  const zone = zones.find(
    (z) =>
      foldHeader(z.code) === folded ||
      foldHeader(z.name_zh) === folded ||
      (z.name_en && foldHeader(z.name_en) === folded),
  );
  if (zone) return { ok: true, value: zone.code };
  return {
    ok: false,
    zh: `未知的功能区“${text}”（可选：${zones.map((z) => z.name_zh).join('、')}）`,
    en: `unknown functional zone "${text}" (known: ${zones.map((z) => z.name_en ?? z.code).join(', ')})`,
  };
}

/** Put a value under its field; `column.key` fields go into a jsonb object. */
function setField(values: Record<string, unknown>, field: string, value: unknown): void {
  const dot = field.indexOf('.');
  if (dot < 0) {
    values[field] = value;
    return;
  }
  const column = field.slice(0, dot);
  const key = field.slice(dot + 1);
  const object = (values[column] ?? {}) as Record<string, unknown>;
  if (value !== null) object[key] = value;
  values[column] = Object.keys(object).length > 0 ? object : null;
}

/** Target-table fields the file provides (jsonb keys folded to their column). */
function providedFields(columns: Iterable<ImportColumn>): string[] {
  const fields = new Set<string>();
  for (const c of columns) fields.add(c.field.split('.')[0] as string);
  return [...fields];
}

function shown(cell: Cell): string {
  return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? '').trim();
}

/**
 * Validate every row of an import (nothing is written): header, required cells, types, code
 * lists, 统一社会信用代码, regions, and natural keys unique within the file (both rows named).
 */
export function validateRows(
  kind: ImportKind,
  table: ImportTable,
  context: ValidationContext = {},
): ValidationResult {
  const validation = startValidation(kind, table, context);
  for (let index = 0; index < table.rows.length; index++) validation.validateRow(index);
  return validation.finish();
}

/**
 * A validation under way: the header is checked when it starts; rows are then validated one by
 * one (a table still being read is validated as its rows arrive; a refused header makes
 * `validateRow` do nothing). `take` hands out the rows accepted since the last call, so an
 * all-or-nothing import can write them while later rows are checked (a later duplicate of a
 * taken row is still reported, which refuses the import); `finish` gives the whole result.
 */
export type RowValidation = {
  /** Fields the file provides (as in the result). */
  fields: string[];
  validateRow: (index: number) => void;
  /** Rows accepted since the last call, in file order. */
  take: () => NormalisedRecord[];
  /** Whether any row or the header has been refused so far. */
  hasIssues: () => boolean;
  finish: () => ValidationResult;
};

/** Start validating a table: checks its header; see {@link RowValidation}. */
export function startValidation(
  kind: ImportKind,
  table: ImportTable,
  context: ValidationContext = {},
): RowValidation {
  const matched = matchHeader(kind, table.header);
  const issues = [...matched.issues];
  const warnings = [...matched.warnings];
  // Key columns with a default (edition '') are always written, even when the file lacks them.
  const keyDefaults = kind.columns.filter(
    (c) =>
      c.default !== undefined &&
      kind.key.includes(c.field) &&
      ![...matched.columns.values()].includes(c),
  );
  const fields = providedFields([...matched.columns.values(), ...keyDefaults]);
  if (kind.table === 'enterprises' && fields.includes('uscc')) fields.push('uscc_warning');
  // Checked when the validation finishes: a table still being read has all its rows by then.
  const noRows = () => {
    if (table.rows.length > 0) return;
    issues.push({
      zh: '表中没有数据行（只有表头或完全为空）',
      en: 'the sheet has no data rows (only a header, or nothing)',
    });
  };
  if (matched.issues.length > 0) {
    return {
      fields,
      validateRow: () => {},
      take: () => [],
      hasIssues: () => true,
      finish: () => {
        noRows();
        issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
        return { valid: [], issues, warnings, rejected: table.rows.length, fields };
      },
    };
  }
  // A referenced enterprise's code repeats (one figures row per year): checked once.
  const usccResults = kind.reference ? new Map<string, CellResult>() : undefined;
  const candidates = new Map<number, NormalisedRecord>();
  let untaken: number[] = [];
  const rejectedRows = new Set<number>();
  const firstByKey = new Map<string, { row: number; index: number }>();
  const reportedDuplicate = new Set<number>();
  const validateRow = (index: number): void => {
    const cells = table.rows[index] as Record<string, Cell>;
    const row = table.rowNumbers?.[index] ?? index + 2;
    const values: Record<string, unknown> = {};
    for (const c of keyDefaults) values[c.field] = c.default;
    let bad = false;
    for (const [header, column] of matched.columns) {
      const cell = cells[header];
      if (isBlank(cell)) {
        if (column.required) {
          issues.push({
            row,
            column: header,
            value: '',
            zh: '必填项为空',
            en: 'required value is empty',
          });
          bad = true;
        } else if (column.default !== undefined) {
          setField(values, column.field, column.default);
        } else if (values[column.field.split('.')[0] as string] === undefined) {
          setField(values, column.field, column.type === 'textList' ? [] : null);
        }
        continue;
      }
      const parsed = parseByType(column, cell, context, usccResults);
      if (!parsed.ok) {
        issues.push({ row, column: header, value: shown(cell), zh: parsed.zh, en: parsed.en });
        bad = true;
        continue;
      }
      if (parsed.warning) {
        warnings.push({ row, column: header, value: shown(cell), ...parsed.warning });
        if (column.type === 'uscc' && kind.table === 'enterprises') {
          values.uscc_warning = parsed.warning.zh;
        }
      } else if (column.type === 'uscc' && kind.table === 'enterprises') {
        values.uscc_warning = null;
      }
      setField(values, column.field, parsed.value);
    }
    const problem = bad ? undefined : kind.refine?.(values);
    if (problem) {
      const column = kind.columns.find((c) => c.field === problem.field);
      const header = [...matched.columns].find(([, c]) => c === column)?.[0];
      const value = header === undefined ? undefined : shown(cells[header]);
      issues.push({ row, column: header, value, zh: problem.zh, en: problem.en });
      bad = true;
    }
    if (bad) {
      rejectedRows.add(index);
      return;
    }
    const key = kind.key.map((f) => String(values[f] ?? '')).join(' / ');
    const first = firstByKey.get(key);
    if (first) {
      issues.push({
        row,
        value: key,
        zh: `与第 ${first.row} 行重复（${keyNames(kind, 'zh')}：${key}）`,
        en: `duplicates row ${first.row} (${keyNames(kind, 'en')}: ${key})`,
      });
      rejectedRows.add(index);
      if (!reportedDuplicate.has(first.index)) {
        reportedDuplicate.add(first.index);
        rejectedRows.add(first.index);
        issues.push({
          row: first.row,
          value: key,
          zh: `与第 ${row} 行重复（${keyNames(kind, 'zh')}：${key}）`,
          en: `duplicates row ${row} (${keyNames(kind, 'en')}: ${key})`,
        });
      }
      return;
    }
    firstByKey.set(key, { row, index });
    candidates.set(index, { row, values, key });
    untaken.push(index);
  };
  const take = (): NormalisedRecord[] => {
    const taken = untaken.filter((i) => !rejectedRows.has(i));
    untaken = [];
    return taken.map((i) => candidates.get(i) as NormalisedRecord);
  };
  const finish = (): ValidationResult => {
    noRows();
    issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    const valid = [...candidates].filter(([i]) => !rejectedRows.has(i)).map(([, r]) => r);
    return { valid, issues, warnings, rejected: rejectedRows.size, fields };
  };
  return {
    fields,
    validateRow,
    take,
    hasIssues: () => issues.length > 0,
    finish,
  };
}

/** The natural key's column names, for messages. */
function keyNames(kind: ImportKind, lang: 'zh' | 'en'): string {
  return kind.key
    .map((f) => kind.columns.find((c) => c.field === f)?.[lang] ?? f)
    .join(lang === 'zh' ? '＋' : ' + ');
}
