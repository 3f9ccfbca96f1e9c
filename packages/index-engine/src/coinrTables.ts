/**
 * Read COINr's table conventions (iMeta and iData) from already-parsed rows, so COINr users can
 * bring their files unchanged. Pure: the caller parses CSV/XLSX into rows of cells.
 *
 * iMeta columns: Level, iCode, iName, Direction, Weight, Parent, Type (Indicator | Aggregate |
 * Group | Denominator | Other), optional Unit, Target, Denominator; Kechuang extras: iNameZh
 * (or iName_zh), Standard (标准值), Source, Confirmed.
 * iData columns: uCode, optional uName (uNameEn), the Group columns, optional Time, Reference
 * (1 marks a reference unit such as the city as a whole), denominators and indicators.
 */
import { bilingual, IndexInputError, type InputIssue } from './errors.ts';
import type { Direction, Framework, FrameworkNode, Names, Unit, UnitTable } from './types.ts';

export type Cell = string | number | boolean | null | undefined;
export type TableRow = Record<string, Cell>;

const CJK = /[\u3400-\u9fff]/;

function text(v: Cell): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

function isBlank(v: Cell): boolean {
  const t = text(v);
  return t === '' || t === 'NA' || t === 'NaN';
}

/** Parse a numeric cell; blank / NA → NaN; anything else non-numeric → undefined. */
export function parseNumber(v: Cell): number | undefined {
  if (typeof v === 'number') return v;
  if (isBlank(v)) return Number.NaN;
  const t = text(v).replace(/,/g, '');
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function nonNumeric(row: number, column: string, value: Cell, code?: string): InputIssue {
  return {
    kind: 'nonNumeric',
    row,
    field: column,
    node: code,
    message: bilingual(
      `第 ${row} 行 ${column} 列：“${text(value)}”不是数字`,
      `row ${row}, column ${column}: "${text(value)}" is not a number`,
    ),
  };
}

function namesFrom(row: TableRow, base: string): Names {
  const primary = text(row[base]);
  const zh = text(row[`${base}Zh`] ?? row[`${base}_zh`]);
  const en = text(row[`${base}En`] ?? row[`${base}_en`]);
  const names: Names = {};
  if (zh) names.zh = zh;
  if (en) names.en = en;
  if (primary) {
    if (CJK.test(primary)) names.zh ??= primary;
    else names.en ??= primary;
  }
  return names;
}

/**
 * Build a framework from iMeta rows; issues name the row and column. Rows are numbered by
 * `rowNumbers` (e.g. as a spreadsheet shows them), else 1-based data rows.
 */
export function frameworkFromMeta(
  rows: readonly TableRow[],
  id?: string,
  rowNumbers?: readonly number[],
): Framework {
  const issues: InputIssue[] = [];
  const nodes: FrameworkNode[] = [];
  const groups: NonNullable<Framework['groups']> = [];
  const denominators: NonNullable<Framework['denominators']> = [];
  rows.forEach((row, i) => {
    const r = rowNumbers?.[i] ?? i + 1;
    const code = text(row.iCode);
    const type = text(row.Type) || 'Indicator';
    if (!code) {
      issues.push({
        kind: 'missingValue',
        row: r,
        field: 'iCode',
        message: bilingual(`第 ${r} 行缺少 iCode`, `row ${r}: iCode is empty`),
      });
      return;
    }
    if (type === 'Group') {
      groups.push({ code, names: namesFrom(row, 'iName') });
      return;
    }
    if (type === 'Denominator') {
      denominators.push({
        code,
        names: namesFrom(row, 'iName'),
        unit: text(row.Unit) || undefined,
      });
      return;
    }
    if (type === 'Other') return;
    if (type !== 'Indicator' && type !== 'Aggregate') {
      issues.push({
        kind: 'unknownType',
        row: r,
        field: 'Type',
        node: code,
        message: bilingual(
          `第 ${r} 行 Type 列：未知类型“${type}”（可用 Indicator, Aggregate, Group, Denominator, Other）`,
          `row ${r}, column Type: unknown type "${type}" (use Indicator, Aggregate, Group, Denominator, Other)`,
        ),
      });
      return;
    }
    const num = (column: string, fallback?: number): number | undefined => {
      const v = parseNumber(row[column]);
      if (v === undefined) {
        issues.push(nonNumeric(r, column, row[column], code));
        return fallback;
      }
      return Number.isNaN(v) ? fallback : v;
    };
    const level = num('Level');
    const direction = num('Direction', 1);
    const weight = num('Weight', 1);
    const target = num('Target');
    const standard = num('Standard');
    if (level === undefined) {
      issues.push({
        kind: 'missingValue',
        row: r,
        field: 'Level',
        node: code,
        message: bilingual(`第 ${r} 行（${code}）缺少 Level`, `row ${r} (${code}): Level is empty`),
      });
      return;
    }
    const node: FrameworkNode = {
      code,
      names: namesFrom(row, 'iName'),
      level,
      parent: text(row.Parent) || null,
      direction: direction as Direction,
      weight: weight ?? Number.NaN,
    };
    if (text(row.Unit)) node.unit = text(row.Unit);
    if (text(row.Denominator)) node.denominator = text(row.Denominator);
    if (target !== undefined) node.target = target;
    if (standard !== undefined) node.standard = standard;
    const source = text(row.Source);
    const confirmed = text(row.Confirmed);
    if (source || confirmed) {
      node.provenance = {
        source: source || undefined,
        confirmed: confirmed ? /^(1|true|yes)$/i.test(confirmed) : undefined,
      };
    }
    nodes.push(node);
  });
  if (issues.length > 0) throw new IndexInputError(issues);
  const framework: Framework = { nodes, groups, denominators };
  if (id) framework.id = id;
  return attachRows(framework, rows, rowNumbers);
}

/** Remember each node's row so later structural issues can name it. */
const rowOfNode = new WeakMap<Framework, Map<string, number>>();

function attachRows(
  framework: Framework,
  rows: readonly TableRow[],
  rowNumbers?: readonly number[],
): Framework {
  const map = new Map<string, number>();
  rows.forEach((row, i) => {
    const code = text(row.iCode);
    if (code && !map.has(code)) map.set(code, rowNumbers?.[i] ?? i + 1);
  });
  rowOfNode.set(framework, map);
  return framework;
}

/** The iMeta row a node was read from (numbered as given), if the framework came from a table. */
export function metaRowOf(framework: Framework, code: string): number | undefined {
  return rowOfNode.get(framework)?.get(code);
}

export type CoinrData = {
  /** One table per time point, ascending; a single table when there is no Time column. */
  tables: UnitTable[];
  times: (number | undefined)[];
  /** Time → uCode → row (numbered as given), for mapping later issues to rows. */
  rowOf: Map<number | undefined, Map<string, number>>;
};

/**
 * Split iData rows into one table per time point, checking numbers and duplicate units. Rows
 * are numbered by `rowNumbers` (e.g. as a spreadsheet shows them), else 1-based data rows.
 */
export function tablesFromData(
  rows: readonly TableRow[],
  framework: Framework,
  rowNumbers?: readonly number[],
): CoinrData {
  const issues: InputIssue[] = [];
  const indicatorCodes = framework.nodes.filter((n) => n.level === 1).map((n) => n.code);
  const groupCodes = (framework.groups ?? []).map((g) => g.code);
  const denominatorCodes = (framework.denominators ?? []).map((d) => d.code);
  const header = new Set(rows.length > 0 ? Object.keys(rows[0] as TableRow) : []);
  for (const code of ['uCode', ...indicatorCodes]) {
    if (rows.length > 0 && !header.has(code)) {
      issues.push({
        kind: 'missingColumn',
        field: code,
        node: code,
        message: bilingual(`数据缺少列 ${code}`, `the data has no column ${code}`),
      });
    }
  }
  if (issues.length > 0) throw new IndexInputError(issues);
  const byTime = new Map<number | undefined, { row: TableRow; r: number }[]>();
  rows.forEach((row, i) => {
    const r = rowNumbers?.[i] ?? i + 1;
    let time: number | undefined;
    if (header.has('Time') && !isBlank(row.Time)) {
      const t = parseNumber(row.Time);
      if (t === undefined) issues.push(nonNumeric(r, 'Time', row.Time));
      else time = t;
    }
    const list = byTime.get(time) ?? [];
    list.push({ row, r });
    byTime.set(time, list);
  });
  const times = [...byTime.keys()].sort((a, b) => (a ?? 0) - (b ?? 0));
  const tables: UnitTable[] = [];
  const rowOf = new Map<number | undefined, Map<string, number>>();
  for (const time of times) {
    const entries = byTime.get(time) ?? [];
    const seen = new Map<string, number>();
    const units: Unit[] = [];
    const n = entries.length;
    const indicators: Record<string, Float64Array> = {};
    for (const c of indicatorCodes) indicators[c] = new Float64Array(n);
    const denominators: Record<string, Float64Array> = {};
    for (const c of denominatorCodes) if (header.has(c)) denominators[c] = new Float64Array(n);
    entries.forEach(({ row, r }, u) => {
      const code = text(row.uCode);
      if (!code) {
        issues.push({
          kind: 'missingValue',
          row: r,
          field: 'uCode',
          message: bilingual(`第 ${r} 行缺少 uCode`, `row ${r}: uCode is empty`),
        });
      } else if (seen.has(code)) {
        issues.push({
          kind: 'duplicateUnit',
          row: r,
          field: 'uCode',
          unit: code,
          message: bilingual(
            `第 ${r} 行 uCode 列：单元 ${code}${time === undefined ? '' : `（${time} 年）`}与第 ${seen.get(code)} 行重复`,
            `row ${r}, column uCode: unit ${code}${time === undefined ? '' : ` (time ${time})`} duplicates row ${seen.get(code)}`,
          ),
        });
      }
      seen.set(code, r);
      const groups: Record<string, string | null> = {};
      for (const g of groupCodes) groups[g] = isBlank(row[g]) ? null : text(row[g]);
      const unit: Unit = { code, names: namesFrom(row, 'uName'), groups };
      if (header.has('Reference') && /^(1|true|yes)$/i.test(text(row.Reference)))
        unit.isReference = true;
      units.push(unit);
      for (const c of indicatorCodes) {
        const v = parseNumber(row[c]);
        if (v === undefined) issues.push(nonNumeric(r, c, row[c], c));
        (indicators[c] as Float64Array)[u] = v ?? Number.NaN;
      }
      for (const c of Object.keys(denominators)) {
        const v = parseNumber(row[c]);
        if (v === undefined) issues.push(nonNumeric(r, c, row[c], c));
        (denominators[c] as Float64Array)[u] = v ?? Number.NaN;
      }
    });
    rowOf.set(time, seen);
    tables.push({ units, indicators, denominators, time });
  }
  if (issues.length > 0) throw new IndexInputError(issues);
  return { tables, times, rowOf };
}
