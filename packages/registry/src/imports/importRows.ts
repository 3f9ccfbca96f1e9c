/**
 * Imports validated rows into the registry: every row of a part is validated, its enterprise
 * reference resolved and its permission checked before any of that part is written; then the
 * rows are upserted on their natural key through `upsertRecords` (≤ 5,000 rows per statement,
 * audited in the same statement, unchanged rows neither written nor audited). The next part is
 * validated while the server writes the previous one. All-or-nothing by default (an issue in any
 * part rolls the whole transaction back); a dry run does the writes in a transaction that is
 * rolled back, so its counts are exact.
 */
import type { Db } from '../db.ts';
import { type Actor, assertCanWrite, PermissionError } from '../permissions.ts';
import { type RecordValues, upsertRecords } from '../writeRecord.ts';
import type { ImportKind, RecordScope } from './importKind.ts';
import {
  type ImportIssue,
  type ImportTable,
  type NormalisedRecord,
  validateRowsAsync,
  type ZoneRef,
} from './validateRows.ts';

/** Options of {@link importRows}. */
export type ImportOptions = {
  /** Validate and count what would be inserted, updated and unchanged; write nothing. */
  dryRun?: boolean;
  /** Default true: any issue → nothing is written. false: the valid rows are written. */
  allOrNothing?: boolean;
  /** Accept 统一社会信用代码 warnings (embedded 组织机构代码 check) instead of refusing the row. */
  acceptUsccWarnings?: boolean;
  /** Called as rows are written (`done` of `total` valid rows, per part). */
  onProgress?: (progress: { kind: string; done: number; total: number }) => void;
};

/** What an import did (or, for a dry run or a refused all-or-nothing import, would do). */
export type ImportReport = {
  kind: string;
  /** Data rows in the file. */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows refused (validation, reference or permission). */
  rejected: number;
  /** Problems that refuse rows; sorted by row. */
  issues: ImportIssue[];
  /** Problems that refuse nothing (ignored columns, accepted 统一社会信用代码 warnings). */
  warnings: ImportIssue[];
  dryRun: boolean;
  /** Whether anything was committed. */
  written: boolean;
};

/** One kind's rows in an import batch. */
export type ImportPart = { kind: ImportKind; table: ImportTable };

/** Thrown to roll back a dry run or a refused import that had begun writing. */
class Rollback extends Error {
  constructor(readonly reports: ImportReport[]) {
    super('import rolled back');
  }
}

/** Import one kind's rows; see {@link importBatch}. */
export async function importRows(
  db: Db,
  actor: Actor,
  kind: ImportKind,
  table: ImportTable,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const [report] = await importBatch(db, actor, [{ kind, table }], options);
  return report as ImportReport;
}

type Prepared = {
  part: ImportPart;
  valid: NormalisedRecord[];
  fields: string[];
  issues: ImportIssue[];
  warnings: ImportIssue[];
  rejected: Set<number>;
  validationRejected: number;
  /** Referenced enterprises already stored when the part was checked (USCC → id). */
  enterpriseIds: Map<string, number>;
};

/**
 * Import several kinds in one transaction, in order (enterprises before their yearly figures:
 * figures may refer to enterprises of the same batch). With `allOrNothing` (default) an issue in
 * any part writes nothing at all.
 */
export async function importBatch(
  db: Db,
  actor: Actor,
  parts: readonly ImportPart[],
  options: ImportOptions = {},
): Promise<ImportReport[]> {
  const allOrNothing = options.allOrNothing !== false;
  const dryRun = options.dryRun === true;
  try {
    return await db.transaction(async (tx) => {
      const zones = (await tx.query<ZoneRef>('SELECT code, name_zh, name_en FROM functional_zones'))
        .rows;
      const pendingEnterprises = new Map<string, string | null>();
      const reports: ImportReport[] = [];
      let refused = false;
      // Part k is written while part k + 1 is validated (validation yields to the event loop).
      let writing: Promise<void> = Promise.resolve();
      for (const part of parts) {
        const p = await prepare(tx, actor, part, zones, pendingEnterprises, options);
        const report = emptyReport(p, dryRun);
        reports.push(report);
        if (part.kind.table === 'enterprises') {
          for (const r of p.valid) {
            pendingEnterprises.set(String(r.values.uscc), String(r.values.region_code));
          }
        }
        if (allOrNothing && p.issues.length > 0) refused = true;
        if (!refused) {
          writing = writing.then(async () => {
            Object.assign(report, await write(tx, actor, p, options));
          });
          // A failed write is rethrown by the `await writing` below.
          writing.catch(() => {});
        }
      }
      await writing;
      if (refused) {
        // Parts written before the refused one are rolled back; the report counts nothing.
        for (const r of reports) Object.assign(r, { inserted: 0, updated: 0, unchanged: 0 });
        throw new Rollback(reports);
      }
      const wrote = reports.some((r) => r.inserted + r.updated > 0);
      if (dryRun && wrote) throw new Rollback(reports);
      for (const r of reports) r.written = !dryRun && r.inserted + r.updated > 0;
      return reports;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.reports;
    throw error;
  }
}

function emptyReport(p: Prepared, dryRun: boolean): ImportReport {
  return {
    kind: p.part.kind.name,
    rows: p.part.table.rows.length,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: p.validationRejected + p.rejected.size,
    issues: p.issues,
    warnings: p.warnings,
    dryRun,
    written: false,
  };
}

/** Validate, resolve enterprise references, check permissions; nothing written. */
async function prepare(
  tx: Db,
  actor: Actor,
  part: ImportPart,
  zones: readonly ZoneRef[],
  pendingEnterprises: ReadonlyMap<string, string | null>,
  options: ImportOptions,
): Promise<Prepared> {
  const { kind, table } = part;
  const result = await validateRowsAsync(kind, table, {
    acceptUsccWarnings: options.acceptUsccWarnings,
    zones,
  });
  const issues = [...result.issues];
  // Rows refused after validation (reference, permission); validation counts its own.
  const rejected = new Set<number>();
  let valid = result.valid;
  const enterpriseIds = new Map<string, number>();

  if (kind.reference) {
    const field = kind.reference.field;
    const found = await enterprisesByUscc(
      tx,
      valid.map((r) => String(r.values[field])),
    );
    valid = valid.filter((r) => {
      const uscc = String(r.values[field]);
      const known = found.get(uscc);
      // The region as it will be: this import's enterprise row wins over the stored one.
      const region = pendingEnterprises.has(uscc)
        ? pendingEnterprises.get(uscc)
        : known?.regionCode;
      if (known === undefined && !pendingEnterprises.has(uscc)) {
        issues.push({
          row: r.row,
          column: kind.columns.find((c) => c.field === field)?.zh,
          value: uscc,
          zh: `统一社会信用代码为 ${uscc} 的企业不在登记库中（请先导入企业名录）`,
          en: `no enterprise with USCC ${uscc} in the registry (import it with the enterprises first)`,
        });
        rejected.add(r.row);
        return false;
      }
      if (known) enterpriseIds.set(uscc, known.id);
      r.values.region_code = region ?? null;
      return true;
    });
  }

  valid = await checkPermissions(tx, actor, kind, valid, issues, rejected);
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    part,
    valid,
    fields: result.fields,
    issues,
    warnings: result.warnings,
    rejected,
    validationRejected: result.rejected,
    enterpriseIds,
  };
}

async function enterprisesByUscc(
  tx: Db,
  usccs: string[],
): Promise<Map<string, { id: number; regionCode: string | null }>> {
  const wanted = [...new Set(usccs)];
  const out = new Map<string, { id: number; regionCode: string | null }>();
  for (let i = 0; i < wanted.length; i += 10_000) {
    const { rows } = await tx.query<{ id: number; uscc: string; region_code: string | null }>(
      'SELECT id, uscc, region_code FROM enterprises WHERE uscc = ANY($1::text[])',
      [wanted.slice(i, i + 10_000)],
    );
    for (const r of rows) out.set(r.uscc, { id: Number(r.id), regionCode: r.region_code });
  }
  return out;
}

/** Each row's scope as it will be, and (for district and enterprise users) as it is now. */
async function checkPermissions(
  tx: Db,
  actor: Actor,
  kind: ImportKind,
  valid: NormalisedRecord[],
  issues: ImportIssue[],
  rejected: Set<number>,
): Promise<NormalisedRecord[]> {
  const refuse = (r: NormalisedRecord, error: PermissionError) => {
    issues.push({ row: r.row, value: r.key, zh: error.zh, en: error.en });
    rejected.add(r.row);
  };
  if (actor.role === 'cityAdmin') return valid;
  try {
    // Roles that may not write the table at all get one issue, not one per row.
    assertCanWrite(actor, {
      table: kind.table,
      regionCode: actor.regionCode ?? null,
      uscc: actor.uscc ?? null,
    });
  } catch (error) {
    if (!(error instanceof PermissionError)) throw error;
    issues.push({ zh: error.zh, en: error.en });
    for (const r of valid) rejected.add(r.row);
    return [];
  }
  if (actor.role !== 'districtEditor' && actor.role !== 'enterpriseUser') return valid;
  const existing = await existingScopes(tx, kind, valid);
  return valid.filter((r) => {
    try {
      const now = existing.get(r.key);
      if (now) assertCanWrite(actor, { table: kind.table, ...now });
      assertCanWrite(actor, { table: kind.table, ...kind.scope(r.values) });
      return true;
    } catch (error) {
      if (!(error instanceof PermissionError)) throw error;
      refuse(r, error);
      return false;
    }
  });
}

/** Scopes of the rows already in the database under these natural keys (record key → scope). */
async function existingScopes(
  tx: Db,
  kind: ImportKind,
  records: NormalisedRecord[],
): Promise<Map<string, RecordScope>> {
  const out = new Map<string, RecordScope>();
  if (records.length === 0) return out;
  const key = kind.key;
  const reference = kind.reference;
  // Key fields as they are in the file (uscc for references), compared as text.
  const keyExpr = key.map((f) =>
    reference && f === reference.field ? 'e.uscc' : `t.${quoteIdent(f)}::text`,
  );
  const from = reference
    ? `${quoteIdent(kind.table)} t JOIN enterprises e ON e.id = t.enterprise_id`
    : `${quoteIdent(kind.table)} t`;
  const params = key.map((f) => records.map((r) => textOf(r.values[f])));
  const { rows } = await tx.query<Record<string, unknown> & { __key: string }>(
    `SELECT t.*, ${reference ? 'e.uscc AS uscc, e.region_code AS region_code,' : ''}
       concat_ws(' / ', ${keyExpr.join(', ')}) AS __key
     FROM ${from}
     JOIN unnest(${key.map((_, i) => `$${i + 1}::text[]`).join(', ')})
       AS k(${key.map((_, i) => `k${i}`).join(', ')})
     ON ${keyExpr.map((e, i) => `${e} = k.k${i}`).join(' AND ')}`,
    params,
  );
  for (const row of rows) out.set(row.__key, kind.scope(row));
  return out;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function textOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** Upsert the valid rows of one part; returns the counts. */
async function write(
  tx: Db,
  actor: Actor,
  p: Prepared,
  options: ImportOptions,
): Promise<Pick<ImportReport, 'inserted' | 'updated' | 'unchanged'>> {
  const { kind } = p.part;
  const total = p.valid.length;
  if (total === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const ids = p.enterpriseIds;
  if (kind.reference) {
    // Only the enterprises this import's earlier part has written since the check need an id.
    const field = kind.reference.field;
    const missing = p.valid.map((r) => String(r.values[field])).filter((u) => !ids.has(u));
    for (const [uscc, e] of await enterprisesByUscc(tx, missing)) ids.set(uscc, e.id);
  }
  const columns = p.fields.filter((f) => f !== kind.reference?.field);
  if (kind.reference) columns.push(kind.reference.column);
  const records: RecordValues[] = p.valid.map((r) => {
    const record: RecordValues = {};
    for (const c of columns) record[c] = r.values[c] ?? null;
    if (kind.reference) {
      record[kind.reference.column] = ids.get(String(r.values[kind.reference.field]));
    }
    return record;
  });
  options.onProgress?.({ kind: kind.name, done: 0, total });
  return upsertRecords(tx, actor, kind.table, kind.conflict, records, {
    onProgress: (done) => options.onProgress?.({ kind: kind.name, done, total }),
  });
}
