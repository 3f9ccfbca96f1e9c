/**
 * The only write path of the registry: check permission, read `before`, write, audit, all in one
 * transaction. A row whose values do not change is not written and not audited, so re-importing
 * the same file changes nothing.
 */
import { type Db, quoteIdent } from './db.ts';
import { type Actor, assertCanWrite } from './permissions.ts';

/** A record to write: column name → value (snake_case, as in the migrations). */
export type RecordValues = Record<string, unknown>;

/** What happened to one record. */
export type WriteStatus = 'inserted' | 'updated' | 'unchanged';

/** What a batched upsert did. */
export type UpsertSummary = { inserted: number; updated: number; unchanged: number };

/** Rows per statement in upsertRecords. */
export const BATCH_SIZE = 5000;

/** A record that cannot be written as given (unknown column, duplicate or missing key). */
export class RecordError extends Error {
  readonly code = 'invalid';
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'RecordError';
  }
}

/** How a table's rows are scoped for permissions: by region column, by USCC column, or via enterprise_id. */
type Scope = { region?: string; uscc?: string; viaEnterprise?: boolean; targets?: boolean };

const SCOPES: Record<string, Scope> = {
  enterprises: { region: 'region_code', uscc: 'uscc' },
  enterprise_year_figures: { viaEnterprise: true },
  qualifications: { viaEnterprise: true },
  platforms: { region: 'region_code', uscc: 'host_uscc' },
  talents: { region: 'region_code' },
  patents: { region: 'region_code', uscc: 'owner_uscc' },
  achievements: { region: 'region_code', uscc: 'owner_uscc' },
  contracts: { region: 'seller_region_code' },
  projects: { region: 'region_code', uscc: 'owner_uscc' },
  targets: { targets: true },
  indicator_values: { region: 'region_code' },
  published_results: { region: 'region_code' },
  assessment_runs: { region: 'scope_code' },
  assessment_results: { region: 'region_code', uscc: 'uscc' },
};

const columnTypeCache = new Map<string, Map<string, string>>();

/** Column name → SQL type (`format_type`) of table; cached per process (the schema is ours). */
async function columnTypes(tx: Db, table: string): Promise<Map<string, string>> {
  const cached = columnTypeCache.get(table);
  if (cached) return cached;
  const { rows } = await tx.query<{ name: string; type: string }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relname = $1 AND n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped`,
    [table],
  );
  if (rows.length === 0) {
    throw new RecordError(`没有数据表 ${table}`, `No table ${table}`);
  }
  const types = new Map(rows.map((r) => [r.name, r.type]));
  columnTypeCache.set(table, types);
  return types;
}

/** An element of a PostgreSQL array literal, quoted. */
function quotedElement(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function arrayLiteral(items: unknown[]): string {
  const parts = items.map((item) =>
    item === null || item === undefined ? 'NULL' : quotedElement(String(item)),
  );
  return `{${parts.join(',')}}`;
}

/**
 * One column of a batch as the text of a PostgreSQL array (for `$n::text[]`), built here in one
 * pass: finite numbers need no quotes, other values are quoted (the driver's own conversion of
 * an array of strings quotes and escapes every element, which showed in import profiles).
 */
function columnParam(batch: readonly RecordValues[], column: string, type: string): string {
  let out = '{';
  for (let i = 0; i < batch.length; i++) {
    const value = batch[i]?.[column];
    if (i > 0) out += ',';
    if (typeof value === 'number' && Number.isFinite(value)) out += String(value);
    else {
      const text = toText(value, type);
      out += text === null ? 'NULL' : quotedElement(text);
    }
  }
  return `${out}}`;
}

/** A value as the text PostgreSQL parses for the column's type (null stays null). */
function toText(value: unknown, type: string): string | null {
  if (value === null || value === undefined) return null;
  if (type === 'jsonb' || type === 'json') return JSON.stringify(value);
  if (Array.isArray(value)) return arrayLiteral(value);
  if (value instanceof Date) {
    return type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  return String(value);
}

/** The audit key of a record: its key values joined by '/'. */
export function recordKey(keyColumns: readonly string[], record: RecordValues): string {
  return keyColumns.map((c) => String(record[c] ?? '')).join('/');
}

function keySqlText(alias: string, keyColumns: readonly string[]): string {
  return `concat_ws('/', ${keyColumns.map((k) => `${alias}.${quoteIdent(k)}::text`).join(', ')})`;
}

type ScopeValue = { regionCode: string | null; uscc: string | null };

function needsScope(actor: Actor): boolean {
  return actor.role === 'districtEditor' || actor.role === 'enterpriseUser';
}

async function enterpriseScopes(tx: Db, ids: unknown[]): Promise<Map<string, ScopeValue>> {
  const wanted = [...new Set(ids.filter((id) => id !== null && id !== undefined).map(String))];
  if (wanted.length === 0) return new Map();
  const { rows } = await tx.query<{ id: number; region_code: string | null; uscc: string }>(
    'SELECT id, region_code, uscc FROM enterprises WHERE id = ANY($1::bigint[])',
    [wanted],
  );
  return new Map(rows.map((r) => [String(r.id), { regionCode: r.region_code, uscc: r.uscc }]));
}

/** Scope of each row (merged existing + new values) for the permission check. */
async function scopesOf(tx: Db, table: string, rows: RecordValues[]): Promise<ScopeValue[]> {
  const scope = SCOPES[table] ?? {};
  if (scope.viaEnterprise) {
    const byId = await enterpriseScopes(
      tx,
      rows.map((r) => r.enterprise_id),
    );
    return rows.map((r) => byId.get(String(r.enterprise_id)) ?? { regionCode: null, uscc: null });
  }
  return rows.map((r) => ({
    regionCode: scope.targets
      ? r.scope_kind === 'region'
        ? String(r.scope_code ?? '')
        : null
      : scope.region
        ? ((r[scope.region] as string | null | undefined) ?? null)
        : null,
    uscc: scope.uscc ? ((r[scope.uscc] as string | null | undefined) ?? null) : null,
  }));
}

/** Existing rows for these keys, as `key text → row`. */
async function existingRows(
  tx: Db,
  table: string,
  keyColumns: readonly string[],
  types: Map<string, string>,
  records: RecordValues[],
): Promise<Map<string, RecordValues>> {
  const params = keyColumns.map((k) => records.map((r) => toText(r[k], types.get(k) ?? 'text')));
  const { rows } = await tx.query<RecordValues & { __key: string }>(
    `SELECT t.*, ${keySqlText('t', keyColumns)} AS __key FROM ${quoteIdent(table)} t
     JOIN unnest(${keyColumns.map((_, i) => `$${i + 1}::text[]`).join(', ')})
       AS k(${keyColumns.map((_, i) => `k${i}`).join(', ')})
     ON ${keyColumns.map((k, i) => `t.${quoteIdent(k)} = k.k${i}::${types.get(k)}`).join(' AND ')}`,
    params,
  );
  return new Map(rows.map(({ __key, ...row }) => [__key, row]));
}

/** Checks actor may write every record, as it is now (if it exists) and as it will be. */
async function checkBatch(
  tx: Db,
  actor: Actor,
  table: string,
  keyColumns: readonly string[],
  types: Map<string, string>,
  records: RecordValues[],
  deleting = false,
): Promise<void> {
  if (!needsScope(actor)) {
    assertCanWrite(actor, { table });
    return;
  }
  const existing = await existingRows(tx, table, keyColumns, types, records);
  const before = [...existing.values()];
  const after = deleting
    ? []
    : records.map((r) => ({ ...existing.get(recordKey(keyColumns, r)), ...r }));
  if (before.length + after.length === 0) assertCanWrite(actor, { table });
  for (const s of [...(await scopesOf(tx, table, before)), ...(await scopesOf(tx, table, after))]) {
    assertCanWrite(actor, { table, regionCode: s.regionCode, uscc: s.uscc });
  }
}

/** The key columns and the given ones, each checked to exist in table. */
function columnsOf(
  table: string,
  keyColumns: readonly string[],
  types: Map<string, string>,
  names: Iterable<string>,
): string[] {
  const columns = new Set([...keyColumns, ...names]);
  for (const c of columns) {
    if (!types.has(c)) {
      throw new RecordError(`数据表 ${table} 没有列 ${c}`, `Table ${table} has no column ${c}`);
    }
  }
  return [...columns];
}

/** Refuses a record without a key value, or with a key already seen (in `seen`, then added). */
function checkKeys(
  table: string,
  keyColumns: readonly string[],
  records: RecordValues[],
  seen = new Set<string>(),
): void {
  records.forEach((r, i) => {
    for (const k of keyColumns) {
      if (r[k] === null || r[k] === undefined) {
        throw new RecordError(
          `${table} 第 ${i + 1} 条记录缺少键列 ${k}`,
          `${table} record ${i + 1} has no value for key column ${k}`,
        );
      }
    }
    const key = recordKey(keyColumns, r);
    if (seen.has(key)) {
      throw new RecordError(
        `${table} 第 ${i + 1} 条记录的键 ${key} 与前面的记录重复`,
        `${table} record ${i + 1} repeats key ${key} of an earlier record`,
      );
    }
    seen.add(key);
  });
}

/** The one statement that upserts and audits a batch (≤ BATCH_SIZE rows). */
function upsertSql(
  table: string,
  keyColumns: readonly string[],
  columns: string[],
  types: Map<string, string>,
): string {
  const n = columns.length;
  const valueColumns = columns.filter((c) => !keyColumns.includes(c));
  const cols = columns.map(quoteIdent).join(', ');
  const keys = keyColumns.map(quoteIdent).join(', ');
  const conflict =
    valueColumns.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${valueColumns.map((c) => `${quoteIdent(c)} = EXCLUDED.${quoteIdent(c)}`).join(', ')}
         WHERE (${valueColumns.map((c) => `t.${quoteIdent(c)}`).join(', ')})
           IS DISTINCT FROM (${valueColumns.map((c) => `EXCLUDED.${quoteIdent(c)}`).join(', ')})`;
  return `WITH input AS (
    SELECT ${columns.map((c, i) => `u.c${i}::${types.get(c)} AS ${quoteIdent(c)}`).join(', ')}
    FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(', ')})
      AS u(${columns.map((_, i) => `c${i}`).join(', ')})
  ), written AS (
    INSERT INTO ${quoteIdent(table)} AS t (${cols}) SELECT ${cols} FROM input
    ON CONFLICT (${keys}) ${conflict}
    RETURNING ${keyColumns.map((k) => `t.${quoteIdent(k)}`).join(', ')},
      t.xmax <> 0 AS updated, ${keySqlText('t', keyColumns)} AS key, to_jsonb(t) AS row
  ), audit AS (
    -- Sub-statements share the statement's snapshot, so the subquery reads the row as it was.
    -- Only updated rows (xmax set by ON CONFLICT DO UPDATE) are looked up, one key at a time: a
    -- correlated subquery cannot be planned as a join that scans the whole table, which the
    -- planner chose while a table filled within the import still looked empty to it.
    INSERT INTO audit_log (actor, role, action, table_name, record_key, before, after)
    SELECT $${n + 1}, $${n + 2}, CASE WHEN w.updated THEN 'update' ELSE 'insert' END,
      $${n + 3}, w.key,
      CASE WHEN w.updated THEN (SELECT to_jsonb(b) FROM ${quoteIdent(table)} b
        WHERE ${keyColumns.map((k) => `b.${quoteIdent(k)} = w.${quoteIdent(k)}`).join(' AND ')}) END,
      w.row
    FROM written w
    RETURNING action
  )
  SELECT count(*) FILTER (WHERE action = 'insert')::int AS inserted,
    count(*) FILTER (WHERE action = 'update')::int AS updated
  FROM audit`;
}

/** Options of {@link upsertRecords} and {@link upsertRecordStream}. */
export type UpsertOptions = {
  /** Called after each statement with the number of records done so far. */
  onProgress?: (done: number) => void;
};

/**
 * Upserts records into table on its natural key (keyColumns must match a UNIQUE constraint),
 * BATCH_SIZE rows per statement (`INSERT … SELECT FROM unnest($1::text[], …) ON CONFLICT … DO
 * UPDATE … WHERE row differs`), auditing inserted and changed rows in the same statement.
 * Columns are the union of the records' keys; a record without one of them writes NULL there;
 * columns no record names are left as they are on update, but a batch must name every NOT NULL
 * column (PostgreSQL checks the proposed insert first). Duplicate keys in the input are refused.
 */
export async function upsertRecords(
  tx: Db,
  actor: Actor,
  table: string,
  keyColumns: readonly string[],
  records: RecordValues[],
  options: UpsertOptions = {},
): Promise<UpsertSummary> {
  if (records.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const columns = new Set<string>();
  for (const r of records) for (const c of Object.keys(r)) columns.add(c);
  // One batch: every key is checked before the first statement.
  return upsertRecordStream(tx, actor, table, keyColumns, [...columns], [records], options);
}

/**
 * {@link upsertRecords} over batches of records as they arrive (an import writes the rows
 * already checked while it checks the rest). The columns are given up front; a key repeated
 * across batches is refused. The parameters of the next statement are built, and the next
 * batch awaited, while the server runs the previous statement.
 */
export async function upsertRecordStream(
  tx: Db,
  actor: Actor,
  table: string,
  keyColumns: readonly string[],
  columnNames: readonly string[],
  batches: Iterable<RecordValues[]> | AsyncIterable<RecordValues[]>,
  options: UpsertOptions = {},
): Promise<UpsertSummary> {
  const summary: UpsertSummary = { inserted: 0, updated: 0, unchanged: 0 };
  return tx.transaction(async (t) => {
    const types = await columnTypes(t, table);
    const columns = columnsOf(table, keyColumns, types, columnNames);
    const sql = upsertSql(table, keyColumns, columns, types);
    const seen = new Set<string>();
    type Sent = {
      size: number;
      result: Promise<{ rows: { inserted: number; updated: number }[] }>;
    };
    const collect = async ({ size, result }: Sent) => {
      const { rows } = await result;
      const inserted = rows[0]?.inserted ?? 0;
      const updated = rows[0]?.updated ?? 0;
      summary.inserted += inserted;
      summary.updated += updated;
      summary.unchanged += size - inserted - updated;
      options.onProgress?.(summary.inserted + summary.updated + summary.unchanged);
    };
    let inFlight: Sent | undefined;
    let latest: Sent | undefined;
    try {
      for await (const records of batches) {
        checkKeys(table, keyColumns, records, seen);
        for (let start = 0; start < records.length; start += BATCH_SIZE) {
          const batch = records.slice(start, start + BATCH_SIZE);
          await checkBatch(t, actor, table, keyColumns, types, batch);
          const params: unknown[] = columns.map((c) =>
            columnParam(batch, c, types.get(c) ?? 'text'),
          );
          params.push(actor.name, actor.role, table);
          const sent: Sent = { size: batch.length, result: t.query(sql, params) };
          // Its failure is reported when it is collected; until then it must not count as unhandled.
          sent.result.catch(() => {});
          latest = sent;
          if (inFlight) await collect(inFlight);
          inFlight = sent;
        }
      }
      if (inFlight) await collect(inFlight);
    } catch (error) {
      // Wait for a statement still running before the transaction is rolled back.
      await latest?.result.catch(() => {});
      throw error;
    }
    return summary;
  });
}

/**
 * Upserts one record (see upsertRecords); columns it does not name keep their stored values.
 * Returns what happened and the row as stored.
 */
export async function upsertRecord(
  tx: Db,
  actor: Actor,
  table: string,
  keyColumns: readonly string[],
  record: RecordValues,
): Promise<{ status: WriteStatus; key: string; row: RecordValues }> {
  checkKeys(table, keyColumns, [record]);
  const key = recordKey(keyColumns, record);
  return tx.transaction(async (t) => {
    const types = await columnTypes(t, table);
    columnsOf(table, keyColumns, types, Object.keys(record));
    // A partial record updates the named columns only: fill the rest from the stored row, since
    // PostgreSQL checks NOT NULL on the proposed insert before it sees the conflict.
    const stored = (await existingRows(t, table, keyColumns, types, [record])).get(key);
    const summary = await upsertRecords(t, actor, table, keyColumns, [{ ...stored, ...record }]);
    const row = (await existingRows(t, table, keyColumns, types, [record])).get(
      key,
    ) as RecordValues;
    const status: WriteStatus =
      summary.inserted > 0 ? 'inserted' : summary.updated > 0 ? 'updated' : 'unchanged';
    return { status, key, row };
  });
}

/** Deletes the record with this key (permission-checked, audited); 'missing' if there was none. */
export async function deleteRecord(
  tx: Db,
  actor: Actor,
  table: string,
  keyColumns: readonly string[],
  key: RecordValues,
): Promise<'deleted' | 'missing'> {
  checkKeys(table, keyColumns, [key]);
  return tx.transaction(async (t) => {
    const types = await columnTypes(t, table);
    columnsOf(table, keyColumns, types, Object.keys(key));
    await checkBatch(t, actor, table, keyColumns, types, [key], true);
    const params = keyColumns.map((k) => toText(key[k], types.get(k) ?? 'text'));
    const { rows } = await t.query<{ key: string; row: unknown }>(
      `DELETE FROM ${quoteIdent(table)} t
       WHERE ${keyColumns.map((k, i) => `t.${quoteIdent(k)} = $${i + 1}::${types.get(k)}`).join(' AND ')}
       RETURNING ${keySqlText('t', keyColumns)} AS key, to_jsonb(t) AS row`,
      params,
    );
    const deleted = rows[0];
    if (!deleted) return 'missing';
    await t.query(
      `INSERT INTO audit_log (actor, role, action, table_name, record_key, before, after)
       VALUES ($1, $2, 'delete', $3, $4, $5::jsonb, NULL)`,
      [actor.name, actor.role, table, deleted.key, JSON.stringify(deleted.row)],
    );
    return 'deleted';
  });
}
