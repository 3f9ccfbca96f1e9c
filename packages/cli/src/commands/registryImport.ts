/**
 * `kechuang import <kind> <file>`, `kechuang export <kind> --out file` and
 * `kechuang template <kind>`: registry imports from CSV (UTF-8, UTF-16, GB18030) or XLSX through
 * the CLI's table reader, all-or-nothing by default, with a row-level report in Chinese and
 * English; exports and templates as XLSX or CSV with a BOM (Excel opens it as UTF-8).
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Writable } from 'node:stream';
import { type SheetData, toCsv, toXlsx } from '@kechuang/api';
import {
  type Db,
  exportRows,
  getImportKind,
  IMPORT_KIND_NAMES,
  type ImportIssue,
  type ImportKind,
  type ImportOptions,
  type ImportReport,
  type ImportTable,
  importBatch,
  isImportKindName,
  templateWorkbook,
} from '@kechuang/registry';
import cliProgress from 'cli-progress';
import { CliInputError, type FileIssue, fileError } from '../errors.ts';
import { readTable, type Table } from '../io/readTable.ts';
import { CLI_ACTOR, openRegistry } from './registryDb.ts';

type Env = Record<string, string | undefined>;

/** The kind named on the command line, or a user error listing the kinds. */
export function kindArgument(name: string): ImportKind {
  if (!isImportKindName(name)) {
    throw fileError(
      undefined,
      `未知的类型“${name}”（可选：${IMPORT_KIND_NAMES.join('、')}）`,
      `unknown kind "${name}" (one of: ${IMPORT_KIND_NAMES.join(', ')})`,
    );
  }
  return getImportKind(name);
}

/**
 * Read a file for import, incrementally (rows are handed out as they are parsed). CSV bytes that
 * decode neither as UTF-8 nor as GB18030 (or a binary file) are refused with one clear message
 * instead of a CSV syntax error.
 */
export function readImportFile(file: string): Promise<Table> {
  return readTable(file, { strictEncoding: true, incremental: true });
}

/** Issues of an import located in the user's file. */
export function fileIssues(file: string, issues: readonly ImportIssue[]): FileIssue[] {
  return issues.map((i) => ({
    file,
    row: i.row,
    column: i.column,
    zh:
      i.value !== undefined && i.value !== '' && !i.zh.includes(i.value)
        ? `${i.zh}（值：${i.value}）`
        : i.zh,
    en:
      i.value !== undefined && i.value !== '' && !i.en.includes(i.value)
        ? `${i.en} (value: ${i.value})`
        : i.en,
  }));
}

/** One line summing up a report. */
export function summaryLine(report: ImportReport): string {
  const verb = report.dryRun ? '试运行（未写入）' : report.written ? '已导入' : '未写入';
  const en = report.dryRun
    ? 'dry run (nothing written)'
    : report.written
      ? 'imported'
      : 'nothing written';
  return (
    `${report.kind}：${verb}，新增 ${report.inserted}，更新 ${report.updated}，未变 ${report.unchanged}，拒绝 ${report.rejected} / ` +
    `${en}: ${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected`
  );
}

/**
 * A progress bar per part on `stream` (plain lines when it is not a terminal); its total grows
 * while the file is still being read. `stop` ends the last bar (also one left short by an import
 * refused while it was writing).
 */
function progressBar(stream: Writable | undefined): {
  onProgress: ImportOptions['onProgress'];
  stop: () => void;
} {
  let bar: cliProgress.SingleBar | undefined;
  let barKind: string | undefined;
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  if (!stream) return { onProgress: undefined, stop };
  return {
    stop,
    onProgress: ({ kind, done, total }) => {
      if (kind !== barKind) stop();
      if (total < 5000) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            stream,
            noTTYOutput: true,
            notTTYSchedule: 2000,
            format: '{bar} {percentage}% | {value}/{total} 行 rows | {duration_formatted}',
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
        barKind = kind;
      }
      if (bar.getTotal() !== total) bar.setTotal(total);
      bar.update(done);
    },
  };
}

/** Options of {@link importCommand}. */
export type ImportCommandOptions = {
  dryRun?: boolean;
  partial?: boolean;
  acceptUsccWarnings?: boolean;
  progress?: Writable;
};

/** One file of an import batch. */
export type ImportFile = { kind: ImportKind; file: string; table?: ImportTable };

/**
 * Import files in one transaction (in order); refused imports throw CliInputError (exit 2)
 * with every issue; returns the summary lines and any non-blocking warnings.
 */
export async function importFiles(
  db: Db,
  files: readonly ImportFile[],
  options: ImportCommandOptions = {},
): Promise<{ lines: string[]; warnings: FileIssue[]; reports: ImportReport[] }> {
  // Each file is read when its turn comes, while the parts before it are still being written;
  // its rows are checked and written as they are parsed. A file that cannot be read refuses the
  // whole import (its error is thrown in the transaction, which is rolled back).
  const parts = files.map((f) => ({
    kind: f.kind,
    table: f.table ?? (() => readImportFile(f.file)),
  }));
  const progress = progressBar(options.progress);
  const reports = await importBatch(db, CLI_ACTOR, parts, {
    dryRun: options.dryRun,
    allOrNothing: !options.partial,
    acceptUsccWarnings: options.acceptUsccWarnings,
    onProgress: progress.onProgress,
  }).finally(progress.stop);
  const issues = reports.flatMap((r, i) => fileIssues(files[i]?.file ?? '', r.issues));
  const warnings = reports.flatMap((r, i) => fileIssues(files[i]?.file ?? '', r.warnings));
  if (issues.length > 0 && !options.partial) {
    issues.push({
      zh: '全部或全不：未写入任何数据（可用 --partial 只导入无误的行，--dry-run 预览）',
      en: 'all or nothing: nothing was written (use --partial to import the valid rows only, --dry-run to preview)',
    });
    throw new CliInputError(issues);
  }
  return { lines: reports.map(summaryLine), warnings: [...warnings, ...issues], reports };
}

/** `kechuang import <kind> <file>`. */
export async function importCommand(
  env: Env,
  kindName: string,
  file: string,
  options: ImportCommandOptions = {},
): Promise<{ lines: string[]; warnings: FileIssue[] }> {
  const kind = kindArgument(kindName);
  const table = await readImportFile(file);
  const registry = await openRegistry(env);
  try {
    return await importFiles(registry.db, [{ kind, file, table }], options);
  } finally {
    await registry.close();
  }
}

/** Write rows as XLSX (sheets) or CSV with a BOM (first sheet only), by the file's extension. */
export async function writeSheets(out: string, sheets: readonly SheetData[]): Promise<void> {
  const ext = extname(out).toLowerCase();
  if (ext === '.csv') {
    await writeFile(out, toCsv(sheets[0] ?? { name: '', rows: [] }));
    return;
  }
  if (ext !== '.xlsx') {
    throw fileError(out, '输出文件须为 .xlsx 或 .csv', 'the output file must be .xlsx or .csv');
  }
  await writeFile(out, await toXlsx(sheets));
}

/** `kechuang export <kind> --out file.xlsx|csv`. */
export async function exportCommand(env: Env, kindName: string, out: string): Promise<string[]> {
  const kind = kindArgument(kindName);
  if (!/\.(xlsx|csv)$/i.test(out)) {
    throw fileError(out, '输出文件须为 .xlsx 或 .csv', 'the output file must be .xlsx or .csv');
  }
  const registry = await openRegistry(env);
  try {
    const table = await exportRows(registry.db, CLI_ACTOR, kind);
    await writeSheets(out, [{ name: kind.zh, rows: [table.header, ...table.rows] }]);
    return [
      `已导出 ${table.rows.length} 行到 ${out} / exported ${table.rows.length} rows to ${out}`,
    ];
  } finally {
    await registry.close();
  }
}

/** `kechuang template <kind> [--out file]` (default `<kind>-template.xlsx`). */
export async function templateCommand(kindName: string, out?: string): Promise<string[]> {
  const kind = kindArgument(kindName);
  const file = out ?? `${kind.name}-template.xlsx`;
  await writeSheets(file, templateWorkbook(kind).sheets);
  return [`已写出模板 ${file} / wrote the template ${file}`];
}
