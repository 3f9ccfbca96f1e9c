/**
 * `kechuang index uncertainty` and `kechuang index sensitivity`: Monte Carlo over alternative
 * modelling choices (COINr `get_sensitivity`), run on worker threads with a progress bar;
 * writes rank statistics (and Sobol indices) as CSV and XLSX and prints a summary.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type Alternative,
  finishSensitivity,
  finishUncertainty,
  IndexInputError,
  type PreparedAnalysis,
  prepareAnalysis,
  type ReplicationBlock,
  runAllBlocks,
  type SensitivityResult,
  type UncertaintyResult,
} from '@kechuang/index-engine';
import cliProgress from 'cli-progress';
import ExcelJS from 'exceljs';
import { CliInputError, fileError } from '../errors.ts';
import { issuesFromError } from '../io/formatIssues.ts';
import { renderTable } from '../io/textTable.ts';
import { defaultWorkers, runOnWorkers } from '../io/workerPool.ts';
import { formatNumber } from '../io/writeDatasets.ts';
import { bilingualError, loadIndexInput } from './indexBuild.ts';

export type AnalysisOptions = {
  meta: string;
  data: string;
  spec: string;
  alternatives: string;
  out: string;
  n: number;
  seed?: number;
  time?: string | number;
  target?: string;
  /** Worker threads; 0 runs in this thread. Default: the cores (≤ 8). */
  workers?: number;
  /** Sensitivity only: bootstrap replicates for the Sobol intervals. */
  bootstrap?: number;
  /** Progress output (stderr); none when absent. */
  progress?: NodeJS.WritableStream;
};

export type AnalysisResult = {
  result: UncertaintyResult | SensitivityResult;
  files: string[];
  lines: string[];
  seconds: number;
};

/** Read the alternatives file: `{ "alternatives": [...] }` or a bare array. */
export async function readAlternatives(file: string): Promise<Alternative[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw fileError(file, '找不到或无法读取文件', 'file not found or unreadable');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw fileError(
      file,
      `JSON 语法错误：${(err as Error).message}`,
      `JSON syntax error: ${(err as Error).message}`,
    );
  }
  const list = Array.isArray(json) ? json : (json as { alternatives?: unknown }).alternatives;
  if (!Array.isArray(list) || list.length === 0) {
    throw fileError(
      file,
      '须给出 alternatives 数组（至少一项）',
      'needs an "alternatives" array with at least one entry',
    );
  }
  list.forEach((alt: unknown, i) => {
    const a = alt as Record<string, unknown>;
    const ok =
      typeof a === 'object' &&
      a !== null &&
      typeof a.name === 'string' &&
      typeof a.path === 'string' &&
      (Array.isArray(a.values) || Array.isArray(a.range) || Array.isArray(a.noise));
    if (!ok) {
      throw fileError(
        file,
        `第 ${i + 1} 项须有 name、path 以及 values、range 或 noise 之一`,
        `entry ${i + 1} needs name, path and one of values, range or noise`,
      );
    }
  });
  return list as Alternative[];
}

/** Run an uncertainty ('UA') or sensitivity ('SA') analysis from files. */
export async function analysisCommand(
  kind: 'UA' | 'SA',
  options: AnalysisOptions,
): Promise<AnalysisResult> {
  const loaded = await loadIndexInput(options);
  const alternatives = await readAlternatives(options.alternatives);
  const { input } = loaded;
  const seed = options.seed ?? 1;
  let task: PreparedAnalysis;
  try {
    task = prepareAnalysis(
      input,
      loaded.spec,
      { alternatives, n: options.n, seed, target: options.target },
      kind,
    );
  } catch (err) {
    if (err instanceof IndexInputError)
      throw new CliInputError(issuesFromError(err, loaded.locate));
    throw bilingualError(err, options.spec);
  }
  if (options.target && !task.nominalScores.some((v) => !Number.isNaN(v))) {
    throw fileError(
      undefined,
      `目标 ${options.target} 不在结果中`,
      `target ${options.target} is not in the results`,
    );
  }
  const workers = options.workers ?? defaultWorkers();
  const bar = options.progress
    ? new cliProgress.SingleBar(
        {
          stream: options.progress,
          noTTYOutput: true,
          notTTYSchedule: 2000,
          format: '{bar} {percentage}% | {value}/{total} 次重建 rebuilds | {duration_formatted}',
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(task.design.rows, 0);
  const t0 = performance.now();
  let blocks: ReplicationBlock[];
  if (workers > 0) {
    blocks = await runOnWorkers(loaded.framework, loaded.table, task, workers, (done) =>
      bar?.update(done),
    );
  } else {
    blocks = runAllBlocks(input, task);
    bar?.update(task.design.rows);
  }
  bar?.stop();
  const result =
    kind === 'UA'
      ? finishUncertainty(task, blocks)
      : finishSensitivity(task, blocks, options.bootstrap ?? 0, seed);
  const seconds = (performance.now() - t0) / 1000;
  const files = await writeAnalysis(result, input.ctx.units, options.out);
  const lines = summaryLines(result, input.ctx.units, seconds, workers);
  return { result, files, lines, seconds };
}

type UnitList = readonly {
  code: string;
  names: { zh?: string; en?: string };
  isReference?: boolean;
}[];

function nameOf(units: UnitList, code: string): string {
  const u = units.find((x) => x.code === code);
  return u?.names.zh ?? u?.names.en ?? code;
}

function csv(rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = typeof v === 'number' ? formatNumber(v) : v;
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\ufeff${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

async function writeAnalysis(
  result: UncertaintyResult | SensitivityResult,
  units: UnitList,
  out: string,
): Promise<string[]> {
  const dir = resolve(out);
  await mkdir(dir, { recursive: true });
  const rankRows: (string | number)[][] = [
    ['uCode', 'uName', 'NominalRank', 'MeanRank', 'MedianRank', 'Q5', 'Q95'],
    ...result.rankStatistics.map((r) => [
      r.unit,
      nameOf(units, r.unit),
      r.nominal,
      r.mean,
      r.median,
      r.q5,
      r.q95,
    ]),
  ];
  const paramRows: (string | number)[][] = [
    ['Replication', ...result.alternatives.map((a) => a.name)],
    ...result.parameters.map((p, i) => [i + 1, ...p]),
  ];
  const scoreRows: (string | number)[][] = [
    ['uCode', 'Nominal', ...result.scores.map((_, i) => `r${i + 1}`)],
    ...result.unitCodes.map((u, i) => [
      u,
      result.nominalScores[i] as number,
      ...result.scores.map((s) => s[i] as number),
    ]),
  ];
  const files: [string, (string | number)[][]][] = [
    ['RankStatistics.csv', rankRows],
    ['Parameters.csv', paramRows],
    ['Scores.csv', scoreRows],
  ];
  if ('indices' in result) {
    files.push([
      'Sensitivity.csv',
      [
        ['Variable', 'Si', 'STi', 'Si_q5', 'Si_q95', 'STi_q5', 'STi_q95'],
        ...result.indices.map((s) => [
          s.name,
          s.first,
          s.total,
          s.firstQ5 ?? Number.NaN,
          s.firstQ95 ?? Number.NaN,
          s.totalQ5 ?? Number.NaN,
          s.totalQ95 ?? Number.NaN,
        ]),
      ],
    ]);
  }
  const written: string[] = [];
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of files) {
    const path = join(dir, name);
    await writeFile(path, csv(rows));
    written.push(path);
    if (name === 'Scores.csv') continue;
    const sheet = book.addWorksheet(name.replace('.csv', ''));
    for (const r of rows)
      sheet.addRow(r.map((v) => (typeof v === 'number' && Number.isNaN(v) ? null : v)));
  }
  const xlsx = join(dir, result.design.kind === 'UA' ? 'uncertainty.xlsx' : 'sensitivity.xlsx');
  await book.xlsx.writeFile(xlsx);
  written.push(xlsx);
  return written;
}

function summaryLines(
  result: UncertaintyResult | SensitivityResult,
  units: UnitList,
  seconds: number,
  workers: number,
): string[] {
  const rows = [...result.rankStatistics]
    .filter((r) => !Number.isNaN(r.nominal))
    .sort((a, b) => a.nominal - b.nominal)
    .map((r) => [
      String(r.nominal),
      r.unit,
      nameOf(units, r.unit),
      String(r.median),
      `${r.q5}–${r.q95}`,
    ]);
  const lines = [
    `${result.design.rows} 次重建，用时 ${seconds.toFixed(2)} 秒（${workers || 1} 个线程）/ ${result.design.rows} rebuilds in ${seconds.toFixed(2)} s (${workers || 1} threads)` +
      (result.failures > 0 ? `；${result.failures} 次失败 / ${result.failures} failed` : ''),
    '',
    ...renderTable(
      [
        { header: '名义名次 Nominal', align: 'right' },
        { header: 'uCode' },
        { header: '名称 Name' },
        { header: '中位名次 Median', align: 'right' },
        { header: '5–95% 区间 interval', align: 'right' },
      ],
      rows,
    ),
  ];
  if ('indices' in result) {
    lines.push(
      '',
      ...renderTable(
        [
          { header: '输入 Input' },
          { header: 'Si', align: 'right' },
          { header: 'STi', align: 'right' },
          { header: 'STi 90% CI', align: 'right' },
          { header: '' },
        ],
        result.indices.map((s) => [
          s.name,
          s.first.toFixed(3),
          s.total.toFixed(3),
          s.totalQ5 === undefined
            ? ''
            : `${(s.totalQ5 as number).toFixed(3)}–${(s.totalQ95 as number).toFixed(3)}`,
          '█'.repeat(Math.max(0, Math.round(s.total * 30))),
        ]),
      ),
    );
  }
  return lines;
}
