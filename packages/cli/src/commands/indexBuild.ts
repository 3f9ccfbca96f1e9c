/**
 * `kechuang index build`: iMeta + iData (CSV or XLSX, COINr conventions) + spec JSON → every
 * dataset as CSV, results.xlsx (datasets, Ranks) and the ranking of the top-level index.
 * Everything is read, checked and computed before anything is written: on any problem, nothing
 * is written to --out.
 */
import { basename, extname, resolve } from 'node:path';
import {
  type CoinrData,
  compileFramework,
  createIndex,
  type Framework,
  frameworkFromMeta,
  type IndexBuild,
  type IndexInput,
  IndexInputError,
  type IndexSpec,
  type InputIssue,
  metaRowOf,
  runIndex,
  tablesFromData,
  tiersOf,
  type UnitTable,
} from '@kechuang/index-engine';
import { CliInputError, type FileIssue, fileError } from '../errors.ts';
import { issuesFromError, type Locator } from '../io/formatIssues.ts';
import { readSpecFile, resolveSpec, type SpecFile } from '../io/readSpec.ts';
import { readTable, splitSheet, type Table } from '../io/readTable.ts';
import { writeDatasets } from '../io/writeDatasets.ts';
import { rankingLines } from '../ranking.ts';

export type BuildIndexOptions = {
  /** iMeta file (CSV or XLSX, `file.xlsx#Sheet` for a sheet). */
  meta: string;
  /** iData file. */
  data: string;
  /** Spec JSON file. */
  spec: string;
  /** Output directory (created if needed). */
  out: string;
  /** Time point to build when the data hold several (default: the latest). */
  time?: number | string;
  /** Rows of the printed ranking (default: all). */
  top?: number;
};

export type BuildIndexResult = {
  build: IndexBuild;
  /** Absolute output directory. */
  outDir: string;
  /** Paths written. */
  files: string[];
  /** Notes for the user (time chosen, units screened out, NAs left …), bilingual lines. */
  notes: string[];
  /** The ranking table of the top-level index, as lines. */
  ranking: string[];
};

/** Validated inputs of one build, with what is needed to point problems at rows. */
export type LoadedInput = {
  /** The validated input, ready for `runIndex`. */
  input: IndexInput;
  framework: Framework;
  table: UnitTable;
  time: number | undefined;
  spec: IndexSpec;
  notes: string[];
  /** Maps engine issues to files, rows and columns. */
  locate: Locator;
  specFile: string;
};

/**
 * Read and check iMeta, iData and the spec together (every problem reported at once) and
 * choose the time point; throws {@link CliInputError}. Nothing is computed or written.
 */
export async function loadIndexInput(
  options: Pick<BuildIndexOptions, 'meta' | 'data' | 'spec' | 'time'>,
): Promise<LoadedInput> {
  const notes: string[] = [];
  const wantedTime = parseTime(options.time);
  const issues: FileIssue[] = [];
  const collect = <T>(result: PromiseSettledResult<T>): T | undefined => {
    if (result.status === 'fulfilled') return result.value;
    if (result.reason instanceof CliInputError) issues.push(...result.reason.issues);
    else throw result.reason;
    return undefined;
  };
  const [metaResult, dataResult, specResult] = await Promise.allSettled([
    readTable(options.meta),
    readTable(options.data),
    readSpecFile(options.spec),
  ]);
  const meta = collect(metaResult);
  const data = collect(dataResult);
  const specFile = collect(specResult);

  let framework: Framework | undefined;
  if (meta) {
    try {
      framework = frameworkFromMeta(meta.rows, frameworkId(options.meta), meta.rowNumbers);
    } catch (err) {
      issues.push(...engineIssues(err, metaLocator(meta)));
    }
  }
  if (meta && framework) {
    // Structure (parents, cycles, levels, weights) now, so its issues come with the data's.
    try {
      compileFramework(framework);
    } catch (err) {
      const locate = structureLocator(meta, data, options.spec, framework, new Map());
      issues.push(...engineIssues(err, locate));
    }
  }
  let spec: IndexSpec | undefined;
  if (specFile) spec = await collectSpec(specFile, framework, issues);
  let coinr: CoinrData | undefined;
  if (framework && data) {
    try {
      coinr = tablesFromData(data.rows, framework, data.rowNumbers);
    } catch (err) {
      issues.push(...engineIssues(err, dataLocator(data)));
    }
  }
  if (issues.length > 0) throw new CliInputError(issues);
  if (!framework || !data || !meta || !coinr || !spec) throw new Error('unreachable');

  const { table, time } = chooseTime(coinr, data, wantedTime, notes);
  const unitRows = coinr.rowOf.get(time) ?? new Map<string, number>();
  const locate = structureLocator(meta, data, options.spec, framework, unitRows);
  let input: IndexInput;
  try {
    input = createIndex(framework, table);
  } catch (err) {
    if (err instanceof IndexInputError) throw new CliInputError(issuesFromError(err, locate));
    throw err;
  }
  return { input, framework, table, time, spec, notes, locate, specFile: options.spec };
}

/** Run the command in-process; throws {@link CliInputError} for any problem with the input. */
export async function buildIndexCommand(options: BuildIndexOptions): Promise<BuildIndexResult> {
  const { input, spec, notes, locate } = await loadIndexInput(options);
  let build: IndexBuild;
  try {
    build = runIndex(input, spec);
    // Tiers can fail (e.g. the Chongqing rule without a reference unit): before writing anything.
    if (spec.tiers) tiersOf(build, spec.tiers);
  } catch (err) {
    if (err instanceof IndexInputError) {
      throw new CliInputError(issuesFromError(err, locate));
    }
    throw bilingualError(err, options.spec);
  }
  notes.push(...buildNotes(build));
  const outDir = resolve(options.out);
  const files = await writeDatasets(build, outDir).catch((err: NodeJS.ErrnoException) => {
    if (!['EEXIST', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS'].includes(err.code ?? '')) throw err;
    throw fileError(
      options.out,
      `无法写入输出目录（${err.message}）`,
      `cannot write to the output directory (${err.message})`,
    );
  });
  notes.push(
    `已写出 ${files.length} 个文件到 ${outDir} / wrote ${files.length} files to ${outDir}`,
  );
  return { build, outDir, files, notes, ranking: rankingLines(build, options.top) };
}

function frameworkId(file: string): string {
  const { path } = splitSheet(file);
  return basename(path, extname(path));
}

function parseTime(time: number | string | undefined): number | undefined {
  if (time === undefined) return undefined;
  const t = typeof time === 'number' ? time : Number(time.trim());
  if (!Number.isFinite(t)) {
    throw fileError(
      undefined,
      `--time 须为数字（如 2023），现为“${time}”`,
      `--time must be a number (e.g. 2023), got "${time}"`,
    );
  }
  return t;
}

async function collectSpec(
  specFile: SpecFile,
  framework: Framework | undefined,
  issues: FileIssue[],
): Promise<IndexSpec | undefined> {
  try {
    return (await resolveSpec(specFile, framework)).spec;
  } catch (err) {
    if (!(err instanceof CliInputError)) throw err;
    issues.push(...err.issues);
    return undefined;
  }
}

/** Pick the time point: --time, or the latest when the data hold several (and say so). */
function chooseTime(
  coinr: CoinrData,
  data: Table,
  wanted: number | undefined,
  notes: string[],
): { table: UnitTable; time: number | undefined } {
  const times = coinr.times;
  const listed = times.map((t) => (t === undefined ? '（无）' : String(t))).join(', ');
  if (wanted !== undefined) {
    const i = times.indexOf(wanted);
    if (i < 0) {
      throw fileError(
        data.file,
        `没有时间点 ${wanted} 的数据（现有：${listed || '无 Time 列'}）`,
        `no data for time ${wanted} (available: ${listed || 'no Time column'})`,
        { column: 'Time' },
      );
    }
    return { table: coinr.tables[i] as UnitTable, time: wanted };
  }
  const timed = times.filter((t): t is number => t !== undefined);
  const latest = timed.length > 0 ? Math.max(...timed) : undefined;
  if (times.length > 1) {
    notes.push(
      `数据含 ${times.length} 个时间点（${listed}），构建最新的 ${latest}；可用 --time 选择其他时间点 / ` +
        `the data hold ${times.length} time points (${listed}); building the latest, ${latest}; ` +
        'choose another with --time',
    );
  }
  const i = times.indexOf(latest);
  return { table: coinr.tables[Math.max(i, 0)] as UnitTable, time: times[Math.max(i, 0)] };
}

/** The engine already numbers rows as the file shows them (we pass `rowNumbers`). */
function fileRow(_table: Table, row: number | undefined): number | undefined {
  return row;
}

function engineIssues(err: unknown, locate: Locator): FileIssue[] {
  if (err instanceof IndexInputError) return issuesFromError(err, locate);
  throw err;
}

function metaLocator(meta: Table): Locator {
  return (issue) => ({ file: meta.file, row: fileRow(meta, issue.row), column: issue.field });
}

function dataLocator(data: Table): Locator {
  return (issue) => ({ file: data.file, row: fileRow(data, issue.row), column: issue.field });
}

/** Issues from createIndex / runIndex: nodes → iMeta rows, units → iData rows, else the spec. */
function structureLocator(
  meta: Table,
  data: Table | undefined,
  specFile: string,
  framework: Framework,
  unitRows: ReadonlyMap<string, number>,
): Locator {
  const dataHeader = new Set(data?.header);
  const dataFile = data?.file;
  const nodeRow = (issue: InputIssue): number | undefined => {
    if (!issue.node) return undefined;
    if (issue.kind === 'duplicateCode') {
      // metaRowOf names the first occurrence; the duplicate is the second one.
      const at = meta.rows
        .map((r, i) =>
          String(r.iCode ?? '').trim() === issue.node ? (meta.rowNumbers[i] ?? i + 1) : -1,
        )
        .filter((i) => i > 0);
      return at[1] ?? at[0];
    }
    return metaRowOf(framework, issue.node);
  };
  return (issue) => {
    if (issue.unit !== undefined) {
      const column =
        issue.field ?? (issue.node && dataHeader.has(issue.node) ? issue.node : undefined);
      const row = data ? fileRow(data, unitRows.get(issue.unit)) : undefined;
      const unit = issue.kind === 'stepFailed' ? issue.unit : undefined;
      return { file: dataFile, row, column, unit };
    }
    if (issue.kind === 'missingColumn' || issue.kind === 'lengthMismatch') {
      return { file: dataFile, column: issue.field };
    }
    const row = nodeRow(issue);
    if (row !== undefined || issue.kind !== 'stepFailed') {
      return { file: meta.file, row: fileRow(meta, row), column: issue.field };
    }
    return { file: specFile };
  };
}

/** The engine throws plain bilingual errors (`中文 / English`) for some spec problems. */
export function bilingualError(err: unknown, specFile: string): unknown {
  if (!(err instanceof Error) || err instanceof CliInputError) return err;
  const m = /^(.*?) \/ (.*)$/s.exec(err.message);
  if (!m || !/[\u4e00-\u9fff]/.test(m[1] as string)) return err;
  return fileError(specFile, m[1] as string, m[2] as string);
}

/** Notes about what the steps did: units screened out, values still missing, treatments. */
function buildNotes(build: IndexBuild): string[] {
  const notes: string[] = [];
  const excluded = build.details.screen?.filter((s) => !s.included).map((s) => s.unit) ?? [];
  if (excluded.length > 0) {
    notes.push(
      `筛选剔除 ${excluded.length} 个单元：${excluded.join(', ')} / ` +
        `screening excluded ${excluded.length} units: ${excluded.join(', ')}`,
    );
  }
  const treated = build.details.treat?.filter((t) => t.applied !== 'none') ?? [];
  if (treated.length > 0) {
    const list = treated.map((t) => `${t.code} (${t.applied})`).join(', ');
    notes.push(
      `异常值处理 ${treated.length} 个指标 / outliers treated in ${treated.length} indicators: ${list}`,
    );
  }
  for (const m of build.messages) {
    notes.push(`${m.step}：${m.message.zh ?? ''} / ${m.step}: ${m.message.en ?? ''}`);
  }
  return notes;
}
