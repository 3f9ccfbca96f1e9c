/**
 * A record sent as JSON, validated exactly as an import row is: the body's fields (the import
 * kind's field names, snake_case or camelCase) become a one-row table with the template's
 * headers, and the registry's `validateRows` checks types, code lists, 统一社会信用代码 and
 * regions (names or codes). The result is the row as the registry stores it.
 */
import {
  type Cell,
  type Db,
  type ImportKind,
  type RecordValues,
  validateRows,
  type ZoneRef,
} from '@kechuang/registry';
import { ApiError } from './apiError.ts';

/** snake_case → camelCase. */
export function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** A row's keys in camelCase (JSON from `to_jsonb`, or a registry row). */
export function camelRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v]));
}

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(String).join('；');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return JSON.stringify(value);
}

/** The body's fields as cells under the template headers; unknown fields are refused. */
function toTableRow(
  kind: ImportKind,
  body: Record<string, unknown>,
): { header: string[]; cells: Record<string, Cell> } {
  const byName = new Map<string, (typeof kind.columns)[number]>();
  for (const c of kind.columns) {
    byName.set(c.field, c);
    byName.set(camel(c.field), c);
    byName.set(camel(c.field.replace('.', '_')), c);
  }
  const header: string[] = [];
  const cells: Record<string, Cell> = {};
  const unknown: string[] = [];
  const put = (column: (typeof kind.columns)[number], value: unknown) => {
    if (!header.includes(column.zh)) header.push(column.zh);
    cells[column.zh] = cellOf(value);
  };
  for (const [key, value] of Object.entries(body)) {
    const column = byName.get(key);
    if (column) {
      put(column, value);
      continue;
    }
    // A jsonb column given as an object: { rdExpenseByCategory: { personnel: 120 } }.
    const nested = kind.columns.filter(
      (c) => camel(c.field.split('.')[0] as string) === camel(key),
    );
    if (nested.length > 0 && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [sub, v] of Object.entries(value)) {
        const c = nested.find((n) => n.field.split('.')[1] === sub);
        if (c) put(c, v);
        else unknown.push(`${key}.${sub}`);
      }
      continue;
    }
    unknown.push(key);
  }
  if (unknown.length > 0) {
    throw new ApiError(
      400,
      'validation',
      `未知字段：${unknown.join('、')}`,
      `Unknown fields: ${unknown.join(', ')}`,
      {
        issues: unknown.map((field) => ({ field, zh: '未知字段', en: 'unknown field' })),
        allowed: [...new Set(kind.columns.map((c) => camel(c.field.split('.')[0] as string)))],
      },
    );
  }
  return { header, cells };
}

/** A validated record: values by table column, and the columns the body provided. */
export type ValidatedRecord = { values: RecordValues; fields: string[]; warnings: unknown[] };

/** Validates a JSON body as one row of kind; 400 with every issue naming its field otherwise. */
export async function validateRecord(
  db: Db,
  kind: ImportKind,
  body: Record<string, unknown>,
  options: { acceptUsccWarnings?: boolean } = {},
): Promise<ValidatedRecord> {
  const { header, cells } = toTableRow(kind, body);
  const zones = (await db.query<ZoneRef>('SELECT code, name_zh, name_en FROM functional_zones'))
    .rows;
  const result = validateRows(
    kind,
    { header, rows: [cells], rowNumbers: [1] },
    { zones, acceptUsccWarnings: options.acceptUsccWarnings },
  );
  const fieldOf = new Map(kind.columns.map((c) => [c.zh, camel(c.field)]));
  if (result.issues.length > 0 || !result.valid[0]) {
    const issues = result.issues.map((i) => ({
      field: i.column ? (fieldOf.get(i.column) ?? i.column) : null,
      value: i.value ?? null,
      zh: i.zh,
      en: i.en,
    }));
    throw new ApiError(
      400,
      'validation',
      `记录有误：${issues.map((i) => `${i.field ?? ''} ${i.zh}`.trim()).join('；')}`,
      `Invalid record: ${issues.map((i) => `${i.field ?? ''} ${i.en}`.trim()).join('; ')}`,
      { issues },
    );
  }
  return {
    values: result.valid[0].values,
    fields: result.fields,
    warnings: result.warnings.map((w) => ({
      field: w.column ? fieldOf.get(w.column) : null,
      zh: w.zh,
      en: w.en,
    })),
  };
}

/**
 * The record as written to the kind's table: the provided columns, with an enterprise reference
 * (统一社会信用代码) replaced by the enterprise's id (404 when the enterprise is unknown).
 */
export async function tableRecord(
  db: Db,
  kind: ImportKind,
  validated: ValidatedRecord,
): Promise<RecordValues> {
  const reference = kind.reference;
  const record: RecordValues = {};
  for (const f of validated.fields) {
    if (f === reference?.field) continue;
    record[f] = validated.values[f] ?? null;
  }
  if (reference) {
    const uscc = String(validated.values[reference.field]);
    const { rows } = await db.query<{ id: number }>('SELECT id FROM enterprises WHERE uscc = $1', [
      uscc,
    ]);
    if (!rows[0]) {
      throw new ApiError(
        404,
        'notFound',
        `统一社会信用代码为 ${uscc} 的企业不在登记库中`,
        `No enterprise with USCC ${uscc} in the registry`,
      );
    }
    record[reference.column] = rows[0].id;
  }
  return record;
}
