/**
 * Exports (导出) of a register as a table with the template's Chinese headers and columns, so an
 * export can be re-imported unchanged. Reads respect permissions: the public sees only published
 * data (indicator values; published results are not an import kind), an enterprise user her own
 * enterprise's records and published data, city and district staff everything.
 */
import { type Db, quoteIdent } from '../db.ts';
import { type Actor, canReadUnpublished, PermissionError } from '../permissions.ts';
import type { ImportColumn, ImportKind } from './importKind.ts';

/** Tables whose content is published (readable by everyone). */
export const PUBLISHED_TABLES: ReadonlySet<string> = new Set([
  'indicator_values',
  'published_results',
]);

/** Optional restrictions of an export. */
export type ExportFilter = { regionCode?: string; year?: number };

/** An exported table: header (Chinese) and rows of plain cells. */
export type ExportTable = {
  header: string[];
  rows: (string | number | boolean | null)[][];
};

/** A stored value as the cell an import reads back to the same value. */
function cellOf(column: ImportColumn, row: Record<string, unknown>): string | number | null {
  const [field, key] = column.field.split('.') as [string, string | undefined];
  let value = row[field];
  if (key !== undefined) value = (value as Record<string, unknown> | null)?.[key];
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'textList':
      return (value as unknown[]).join('；');
    case 'boolean':
      return value ? '是' : '否';
    case 'enum':
      return column.values?.find((v) => v.code === value)?.zh ?? String(value);
    case 'integer':
    case 'decimal':
      return Number(value);
    default:
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  }
}

/** Why actor may not read kind (throws PermissionError), and the rows she may see. */
function readScope(actor: Actor, kind: ImportKind): { uscc?: string } {
  if (canReadUnpublished(actor) || PUBLISHED_TABLES.has(kind.table)) return {};
  const own = kind.reference !== undefined || kind.table === 'enterprises';
  if (actor.role === 'enterpriseUser' && actor.uscc && own) return { uscc: actor.uscc };
  throw new PermissionError(
    `${actor.name}（${actor.role}）只能查看已发布的数据，不能导出${kind.zh}`,
    `${actor.name} (${actor.role}) may read published data only, not ${kind.en}`,
  );
}

/**
 * Export a kind's rows (Chinese headers, template columns), sorted by natural key; throws
 * PermissionError when actor may not read them.
 */
export async function exportRows(
  db: Db,
  actor: Actor,
  kind: ImportKind,
  filter: ExportFilter = {},
): Promise<ExportTable> {
  const scope = readScope(actor, kind);
  const reference = kind.reference;
  const from = reference
    ? `${quoteIdent(kind.table)} t JOIN enterprises e ON e.id = t.${quoteIdent(reference.column)}`
    : `${quoteIdent(kind.table)} t`;
  const select = reference ? `t.*, e.uscc AS ${quoteIdent(reference.field)}` : 't.*';
  const where: string[] = [];
  const params: unknown[] = [];
  const columns = new Set(kind.columns.map((c) => c.field));
  const regionColumn = reference
    ? 'e.region_code'
    : ['region_code', 'seller_region_code'].find((c) => columns.has(c));
  if (filter.regionCode !== undefined && regionColumn) {
    params.push(filter.regionCode);
    where.push(
      `${regionColumn.includes('.') ? regionColumn : `t.${regionColumn}`} = $${params.length}`,
    );
  }
  if (filter.year !== undefined && columns.has('year')) {
    params.push(filter.year);
    where.push(`t.year = $${params.length}`);
  }
  if (scope.uscc !== undefined) {
    params.push(scope.uscc);
    where.push(`${reference ? 'e.uscc' : 't.uscc'} = $${params.length}`);
  }
  const order = kind.key.map((f) =>
    reference && f === reference.field ? 'e.uscc' : `t.${quoteIdent(f)}`,
  );
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT ${select} FROM ${from} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${order.join(', ')}`,
    params,
  );
  return {
    header: kind.columns.map((c) => c.zh),
    rows: rows.map((row) => kind.columns.map((c) => cellOf(c, row))),
  };
}
