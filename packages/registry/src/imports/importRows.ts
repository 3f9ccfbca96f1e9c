/**
 * Imports validated rows into the registry: every row is validated, its enterprise reference
 * resolved and its permission checked before it is written; rows are upserted on their natural
 * key through `upsertRecordStream` (≤ 5,000 rows per statement, audited in the same statement,
 * unchanged rows neither written nor audited). All-or-nothing (the default): the rows already
 * checked are written while the rest are checked, so the server and the checks overlap; any issue
 * stops the writes and rolls the whole transaction back. With `allOrNothing: false` a part is
 * written once all its rows are checked (a later duplicate refuses an earlier row). A dry run does
 * the writes in a transaction that is rolled back, so its counts are exact.
 */
import { EventEmitter, on } from 'node:events';
import { type Db, quoteIdent } from '../db.ts';
import { type Actor, assertCanWrite, PermissionError } from '../permissions.ts';
import { BATCH_SIZE, type RecordValues, upsertRecordStream } from '../writeRecord.ts';
import type { ImportKind, RecordScope } from './importKind.ts';
import {
  type ImportIssue,
  type ImportTable,
  type NormalisedRecord,
  startValidation,
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
  /**
   * Called as rows are written: `done` of `total` rows of the part (all-or-nothing: the rows read
   * so far, which grows while a file is still being read; otherwise the valid rows).
   */
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
export type ImportPart = {
  kind: ImportKind;
  /**
   * The rows, or a function reading them, called when the part's turn comes (the parts before
   * it are still being written then); its table may still be arriving (`ImportTable.more`).
   */
  table: ImportTable | (() => Promise<ImportTable>);
};

/** Rows checked between two handovers to the writer (one statement's worth). */
const CHUNK_ROWS = BATCH_SIZE;

/** Rows validated between two yields to the event loop (so the writer can send a statement). */
const ROWS_PER_YIELD = 2500;

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

/**
 * Import several kinds in one transaction, in order (enterprises before their yearly figures:
 * figures may refer to enterprises of the same batch). With `allOrNothing` (default) an issue in
 * any part writes nothing at all, and the rows already checked are written while the rest are
 * checked (one writer, part after part, one statement in flight while the next is prepared); an
 * issue stops the writes and the transaction is rolled back. Without it, a part is written once
 * all its rows are checked.
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
      const writer = new Writer(tx, actor, options);
      let refused = false;
      try {
        for (const part of parts) {
          const table = typeof part.table === 'function' ? await part.table() : part.table;
          const report = newReport(part.kind, table, dryRun);
          reports.push(report);
          // Referenced enterprises' ids (USCC → id): stored ones found by the check, this
          // import's own looked up by the writer.
          const enterpriseIds = new Map<string, number>();
          const write = (fields: string[], total: () => number) =>
            writer.startPart(part.kind, fields, total, {
              pendingEnterprises,
              enterpriseIds,
              report,
            });
          const checked = await checkPart(tx, actor, part.kind, table, {
            zones,
            pendingEnterprises,
            enterpriseIds,
            options,
            // All-or-nothing: chunks go to the writer until the first issue (then the whole
            // import is rolled back, so nothing more need be written).
            streaming: allOrNothing,
            refused: () => refused,
            onStart: write,
            onRefused: () => {
              refused = true;
              writer.stop();
            },
          });
          Object.assign(report, {
            rejected: checked.rejected,
            issues: checked.issues,
            warnings: checked.warnings,
          });
          if (!allOrNothing && checked.valid.length > 0) {
            const channel = write(checked.fields, () => checked.valid.length);
            channel.send(checked.valid);
            channel.end();
          }
        }
      } catch (error) {
        // Writes still running must end before the transaction is rolled back.
        writer.stop();
        await writer.settled();
        throw error;
      }
      await writer.done();
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

/** A part as checked: its valid rows and everything refused. */
type CheckedPart = {
  valid: NormalisedRecord[];
  fields: string[];
  issues: ImportIssue[];
  warnings: ImportIssue[];
  rejected: number;
};

type CheckContext = {
  zones: readonly ZoneRef[];
  /** Enterprises of this import's earlier parts (USCC → region); filled by an enterprises part. */
  pendingEnterprises: Map<string, string | null>;
  /** Filled with the referenced enterprises already stored (USCC → id). */
  enterpriseIds: Map<string, number>;
  options: ImportOptions;
  streaming: boolean;
  refused: () => boolean;
  /** Streaming: the part's rows are about to be handed over, chunk by chunk. */
  onStart: (fields: string[], total: () => number) => PartChannel;
  /** An issue refuses the whole import (all-or-nothing). */
  onRefused: () => void;
};

/**
 * Validate a part's rows, resolve their enterprise references and check permissions, chunk by
 * chunk; streaming, each chunk's rows go to the writer while no issue has been found.
 */
async function checkPart(
  tx: Db,
  actor: Actor,
  kind: ImportKind,
  table: ImportTable,
  context: CheckContext,
): Promise<CheckedPart> {
  const { options, pendingEnterprises, enterpriseIds } = context;
  const validation = startValidation(kind, table, {
    acceptUsccWarnings: options.acceptUsccWarnings,
    zones: context.zones,
  });
  // Issues found after validation (reference, permission), and the rows they refuse.
  const issues: ImportIssue[] = [];
  const rejected = new Set<number>();
  const valid: NormalisedRecord[] = [];
  const refuseIfAny = () => {
    if (context.streaming && (validation.hasIssues() || issues.length > 0)) context.onRefused();
  };
  refuseIfAny();
  const channel =
    context.streaming && !context.refused()
      ? context.onStart(validation.fields, () => table.rows.length)
      : undefined;
  const checkChunk = async (rows: NormalisedRecord[]) => {
    let chunk = await resolveReferences(tx, kind, rows, pendingEnterprises, enterpriseIds, {
      issues,
      rejected,
    });
    chunk = await checkPermissions(tx, actor, kind, chunk, issues, rejected);
    if (kind.table === 'enterprises') {
      for (const r of chunk) {
        pendingEnterprises.set(String(r.values.uscc), String(r.values.region_code));
      }
    }
    // A loop, not push(...chunk): a partial import's one chunk can exceed the argument limit.
    for (const r of chunk) valid.push(r);
    refuseIfAny();
    if (!context.refused()) channel?.send(chunk);
  };
  try {
    // Rows as they come (a table still being read gives more as it is parsed).
    for (let index = 0; ; index++) {
      if (index === table.rows.length && !(await moreRows(table))) break;
      validation.validateRow(index);
      if (index % ROWS_PER_YIELD === ROWS_PER_YIELD - 1) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (context.streaming && index % CHUNK_ROWS === CHUNK_ROWS - 1) {
        await checkChunk(validation.take());
      }
    }
    const result = validation.finish();
    await checkChunk(context.streaming ? validation.take() : result.valid);
    const allIssues = [...result.issues, ...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    refuseIfAny();
    return {
      valid,
      fields: result.fields,
      issues: allIssues,
      warnings: result.warnings,
      rejected: result.rejected + rejected.size,
    };
  } finally {
    channel?.end();
  }
}

/** Waits until table has rows beyond those seen, or is complete (false). */
async function moreRows(table: ImportTable): Promise<boolean> {
  const seen = table.rows.length;
  while (table.more && (await table.more())) {
    if (table.rows.length > seen) return true;
  }
  return table.rows.length > seen;
}

/**
 * Resolve each row's enterprise reference (统一社会信用代码 → stored enterprise, or one of this
 * import's earlier part) and take its region; rows referring to no enterprise are refused.
 */
async function resolveReferences(
  tx: Db,
  kind: ImportKind,
  rows: NormalisedRecord[],
  pendingEnterprises: ReadonlyMap<string, string | null>,
  enterpriseIds: Map<string, number>,
  refusals: { issues: ImportIssue[]; rejected: Set<number> },
): Promise<NormalisedRecord[]> {
  if (!kind.reference) return rows;
  const field = kind.reference.field;
  // Enterprises of this import are looked up when written; only the others are looked up now.
  const found = await enterprisesByUscc(
    tx,
    rows.map((r) => String(r.values[field])).filter((u) => !pendingEnterprises.has(u)),
  );
  return rows.filter((r) => {
    const uscc = String(r.values[field]);
    const known = found.get(uscc);
    if (known === undefined && !pendingEnterprises.has(uscc)) {
      refusals.issues.push({
        row: r.row,
        column: kind.columns.find((c) => c.field === field)?.zh,
        value: uscc,
        zh: `统一社会信用代码为 ${uscc} 的企业不在登记库中（请先导入企业名录）`,
        en: `no enterprise with USCC ${uscc} in the registry (import it with the enterprises first)`,
      });
      refusals.rejected.add(r.row);
      return false;
    }
    if (known) enterpriseIds.set(uscc, known.id);
    // The region as it will be: this import's enterprise row wins over the stored one.
    r.values.region_code = pendingEnterprises.has(uscc)
      ? (pendingEnterprises.get(uscc) ?? null)
      : known?.regionCode;
    return true;
  });
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

function textOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** What one part's writer receives: the rows checked. */
type PartChannel = {
  send: (rows: NormalisedRecord[]) => void;
  end: () => void;
};

/** What a part's writer shares with the rest of the import. */
type PartContext = {
  /** Enterprises of this import's earlier parts (USCC → region). */
  pendingEnterprises: ReadonlyMap<string, string | null>;
  /** Referenced enterprises' ids: the check adds the stored ones, the writer this import's. */
  enterpriseIds: Map<string, number>;
  /** Gets the part's counts once it is written. */
  report: ImportReport;
};

/** The report of a part before it is checked and written. */
function newReport(kind: ImportKind, table: ImportTable, dryRun: boolean): ImportReport {
  return {
    kind: kind.name,
    rows: table.rows.length,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    issues: [],
    warnings: [],
    dryRun,
    written: false,
  };
}

/**
 * The import's one writer: parts are written in order (a part's statements start once the
 * earlier part's are done), each from the chunks its check sends, through `upsertRecordStream`.
 */
class Writer {
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;
  private current: PartChannel | undefined;

  constructor(
    private readonly tx: Db,
    private readonly actor: Actor,
    private readonly options: ImportOptions,
  ) {}

  /** Queue a part's writing; the chunks sent meanwhile are kept until its turn. */
  startPart(
    kind: ImportKind,
    fields: string[],
    total: () => number,
    part: PartContext,
  ): PartChannel {
    const events = new EventEmitter();
    // Subscribed now, so that chunks sent before this part's turn are kept.
    const chunks = on(events, 'chunk', { close: ['end'] }) as AsyncIterableIterator<
      [NormalisedRecord[]]
    >;
    this.chain = this.chain.then(async () => {
      const counts = await writePart(this.tx, this.actor, kind, fields, total, chunks, {
        ...part,
        stopped: () => this.stopped,
        options: this.options,
      });
      Object.assign(part.report, counts);
    });
    // A failed write is rethrown by done().
    this.chain.catch(() => {});
    this.current = {
      send: (rows) => {
        if (rows.length > 0) events.emit('chunk', rows);
      },
      end: () => events.emit('end'),
    };
    return this.current;
  }

  /** Write nothing more (statements already sent finish). */
  stop(): void {
    this.stopped = true;
    this.current?.end();
  }

  /** Resolves once every write has ended, failed or not. */
  settled(): Promise<void> {
    return this.chain.catch(() => {});
  }

  /** Resolves once every write has ended; rejects with the first failure. */
  done(): Promise<void> {
    return this.chain;
  }
}

/** Upsert one part's rows as its chunks arrive; returns the counts. */
async function writePart(
  tx: Db,
  actor: Actor,
  kind: ImportKind,
  fields: string[],
  total: () => number,
  chunks: AsyncIterable<[NormalisedRecord[]]>,
  context: PartContext & { stopped: () => boolean; options: ImportOptions },
): Promise<Pick<ImportReport, 'inserted' | 'updated' | 'unchanged'>> {
  const { options, enterpriseIds: ids } = context;
  const reference = kind.reference;
  const columns = fields.filter((f) => f !== reference?.field);
  if (reference) columns.push(reference.column);
  async function* records(): AsyncIterable<RecordValues[]> {
    if (reference && context.pendingEnterprises.size > 0) {
      // The enterprises this import's earlier parts wrote (all written by now), looked up once.
      for (const [uscc, e] of await enterprisesByUscc(tx, [...context.pendingEnterprises.keys()])) {
        ids.set(uscc, e.id);
      }
    }
    for await (const [rows] of chunks) {
      if (context.stopped()) return;
      // The checked values are written as they are (the writer reads only `columns`).
      if (reference) {
        for (const r of rows) {
          const uscc = String(r.values[reference.field]);
          r.values[reference.column] = ids.get(uscc);
        }
      }
      yield rows.map((r): RecordValues => r.values);
    }
  }
  options.onProgress?.({ kind: kind.name, done: 0, total: total() });
  return upsertRecordStream(tx, actor, kind.table, kind.conflict, columns, records(), {
    onProgress: (done) => options.onProgress?.({ kind: kind.name, done, total: total() }),
  });
}
