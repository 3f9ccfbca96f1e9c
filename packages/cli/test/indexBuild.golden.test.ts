import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_NAMES } from '@kechuang/index-engine';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ASEM_PILLARS } from '../../index-engine/test/asemFixture.ts';
import { type BuildIndexResult, buildIndexCommand } from '../src/commands/indexBuild.ts';
import { displayWidth } from '../src/io/textTable.ts';
import {
  ASEM_DATA,
  ASEM_META,
  ASEM_PANEL,
  ASEM_SPEC_JSON,
  compareDatasets,
  expectedDataset,
  MAIN,
  REPO,
  readDatasetCsv,
  removeTempDirs,
  tempDir,
  writeText,
} from './helpers.ts';

afterAll(removeTempDirs);

const NAMES = DATASET_NAMES;

/** The engine's ASEM_SPEC (packages/index-engine/test/asemFixture.ts), spelled out. */
const ASEM_STEPS = [
  { step: 'denominate' },
  { step: 'impute', method: 'groupMean', group: 'EurAsia_group' },
  { step: 'screen', minDataShare: 0.9, by: 'missing' },
  { step: 'treat', maxWinsorised: 5, skewThreshold: 2, kurtosisThreshold: 3.5 },
  { step: 'normalise', method: 'minMax', range: [0, 100] },
  { step: 'aggregate', method: 'arithmeticMean' },
];

describe('kechuang index build on ASEM reproduces COINr through the files it writes', () => {
  let dir: string;
  let result: BuildIndexResult;

  beforeAll(async () => {
    dir = tempDir();
    const spec = writeText(dir, 'spec.json', ASEM_SPEC_JSON);
    result = await buildIndexCommand({
      meta: ASEM_META,
      data: ASEM_DATA,
      spec,
      out: join(dir, 'out'),
    });
  });

  test('the spec file is ASEM_SPEC (index-methods.md §4.12)', () => {
    expect(JSON.parse(ASEM_SPEC_JSON)).toEqual({ steps: ASEM_STEPS });
  });

  test('writes one CSV per dataset and results.xlsx', () => {
    expect(result.files.map((f) => f.slice(result.outDir.length + 1))).toEqual([
      ...NAMES.map((n) => `${n}.csv`),
      'results.xlsx',
    ]);
  });

  for (const name of NAMES) {
    test(`${name}.csv read back from disk matches COINr (relative difference ≤ 1e-9)`, () => {
      const written = readDatasetCsv(join(result.outDir, `${name}.csv`));
      const expected = expectedDataset(name);
      const { maxRelDiff, problems } = compareDatasets(written, expected);
      expect(problems).toEqual([]);
      expect(maxRelDiff).toBeLessThanOrEqual(1e-9);
      // Column order: uCode first, then the dataset's own order.
      const header = readFileSync(join(result.outDir, `${name}.csv`), 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0];
      const dataset = result.build.datasets[name];
      expect(header).toBe(['uCode', ...(dataset?.columns.keys() ?? [])].join(','));
    });
  }

  test('results.xlsx opens with exceljs and has every dataset, Ranks', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(result.outDir, 'results.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual([...NAMES, 'Ranks']);
    const agg = book.getWorksheet('Aggregated') as ExcelJS.Worksheet;
    expect(agg.rowCount).toBe(1 + 51);
    const header = (agg.getRow(1).values as unknown[]).slice(1);
    const idx = header.indexOf('Index') + 1;
    const codes = (agg.getColumn(1).values as unknown[]).slice(2) as string[];
    const values = (agg.getColumn(idx).values as unknown[]).slice(2) as number[];
    const expected = expectedDataset('Aggregated');
    const expIndex = expected.columns.get('Index') as Float64Array;
    codes.forEach((u, i) => {
      const e = expIndex[expected.unitCodes.indexOf(u)] as number;
      expect(Math.abs((values[i] as number) - e) / e).toBeLessThanOrEqual(1e-9);
    });
  });

  test('the Ranks sheet ranks every aggregate, 1 = highest', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(result.outDir, 'results.xlsx'));
    const ranks = book.getWorksheet('Ranks') as ExcelJS.Worksheet;
    const header = (ranks.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['uCode', 'uName', ...ASEM_PILLARS, 'Conn', 'Sust', 'Index']);
    const col = header.indexOf('Index') + 1;
    const rankOf = new Map<string, number>();
    ranks.eachRow((row, n) => {
      if (n > 1) rankOf.set(String(row.getCell(1).value), Number(row.getCell(col).value));
    });
    expect(rankOf.get('CHE')).toBe(1);
    expect([...rankOf.values()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 51 }, (_, i) => i + 1),
    );
  });

  test('the ranking of the index: rank, uCode, name, score with 2 decimals, aligned', () => {
    const [title, header, first, second] = result.ranking;
    expect(title).toContain('Sustainable Connectivity');
    expect(header).toMatch(/排名\s+uCode\s+名称 Name\s+得分 Score/);
    expect(first).toMatch(/^\s*1\s+CHE\s+Switzerland\s+\d+\.\d{2}$/);
    expect(second).toMatch(/^\s*2\s+NLD\s+/);
    const table = result.ranking.slice(1, 2 + 51);
    expect(new Set(table.map(displayWidth)).size).toBe(1);
  });
});

describe('time points', () => {
  test('panel data: builds the latest time and says so; --time chooses another', async () => {
    const dir = tempDir();
    const spec = writeText(dir, 'spec.json', ASEM_SPEC_JSON);
    const latest = await buildIndexCommand({
      meta: ASEM_META,
      data: ASEM_PANEL,
      spec,
      out: join(dir, 'latest'),
    });
    expect(latest.build.time).toBe(2022);
    expect(latest.notes.join('\n')).toMatch(
      /5 个时间点.*构建最新的 2022.*building the latest, 2022/,
    );
    const y2019 = await buildIndexCommand({
      meta: ASEM_META,
      data: ASEM_PANEL,
      spec,
      out: join(dir, 'y2019'),
      time: '2019',
    });
    expect(y2019.build.time).toBe(2019);
    expect(y2019.notes.join('\n')).not.toMatch(/构建最新/);
  });
});

describe('weights in the spec', () => {
  test('"weights" as a CSV path relative to the spec file, or as an object', async () => {
    const dir = tempDir();
    writeText(dir, 'weights.csv', 'iCode,Weight\nConn,3\nSust,1\n');
    const viaFile = writeText(
      dir,
      'spec-file.json',
      JSON.stringify({ steps: ASEM_STEPS, weights: 'weights.csv' }),
    );
    const viaObject = writeText(
      dir,
      'spec-object.json',
      JSON.stringify({ steps: ASEM_STEPS, weights: { Conn: 3, Sust: 1 } }),
    );
    const a = await buildIndexCommand({
      meta: ASEM_META,
      data: ASEM_DATA,
      spec: viaFile,
      out: join(dir, 'a'),
    });
    const b = await buildIndexCommand({
      meta: ASEM_META,
      data: ASEM_DATA,
      spec: viaObject,
      out: join(dir, 'b'),
    });
    expect(a.build.spec.weights).toEqual({ Conn: 3, Sust: 1 });
    const agg = a.build.datasets.Aggregated;
    const conn = agg?.columns.get('Conn') as Float64Array;
    const sust = agg?.columns.get('Sust') as Float64Array;
    const index = agg?.columns.get('Index') as Float64Array;
    for (let i = 0; i < index.length; i++) {
      expect(index[i]).toBeCloseTo(((conn[i] as number) * 3 + (sust[i] as number)) / 4, 10);
    }
    expect(b.build.datasets.Aggregated?.columns.get('Index')).toEqual(index);
  });
});

describe('the real command', () => {
  test('node --import tsx main.ts index build: exit 0, ranking starts with CHE', () => {
    const dir = tempDir();
    const spec = writeText(dir, 'spec.json', ASEM_SPEC_JSON);
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        MAIN,
        'index',
        'build',
        '--meta',
        ASEM_META,
        '--data',
        ASEM_DATA,
        '--spec',
        spec,
        '--out',
        join(dir, 'out'),
      ],
      { cwd: REPO, encoding: 'utf8' },
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(0);
    const rows = run.stdout.split('\n').filter((l) => /^\s*\d+\s/.test(l));
    expect(rows[0]).toMatch(/^\s*1\s+CHE\s/);
    expect(rows).toHaveLength(51);
  });

  test('bin/kechuang.js runs main through tsx', () => {
    const run = spawnSync(process.execPath, [join(REPO, 'packages/cli/bin/kechuang.js'), '-V'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('0.1.0');
  });

  test('a user error: exit code 2, issues on stderr, no stack trace', () => {
    const dir = tempDir();
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        MAIN,
        'index',
        'build',
        '--meta',
        join(dir, 'missing.csv'),
        '--data',
        ASEM_DATA,
        '--spec',
        writeText(dir, 'spec.json', ASEM_SPEC_JSON),
        '--out',
        join(dir, 'out'),
      ],
      { cwd: REPO, encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('missing.csv：文件不存在 / ');
    expect(run.stderr).toContain('missing.csv: file not found');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
