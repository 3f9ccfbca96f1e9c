/** Test helpers: temp dirs, the ASEM fixture files, modified copies, and an in-process CLI run. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '@kechuang/index-engine';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { runCli } from '../src/cli.ts';

export const REPO = join(import.meta.dirname, '..', '..', '..');
export const ASEM_DIR = join(REPO, 'packages', 'index-engine', 'test', 'fixtures', 'asem');
export const ASEM_META = join(ASEM_DIR, 'asem_iMeta.csv');
export const ASEM_DATA = join(ASEM_DIR, 'asem_iData.csv');
export const ASEM_PANEL = join(ASEM_DIR, 'asem_iData_panel.csv');
export const MAIN = join(REPO, 'packages', 'cli', 'src', 'main.ts');

/** ASEM_SPEC in the exact syntax of the issue. */
export const ASEM_SPEC_JSON =
  '{"steps":[{"step":"denominate"},{"step":"impute","method":"groupMean","group":"EurAsia_group"},' +
  '{"step":"screen","minDataShare":0.9,"by":"missing"},' +
  '{"step":"treat","maxWinsorised":5,"skewThreshold":2,"kurtosisThreshold":3.5},' +
  '{"step":"normalise","method":"minMax","range":[0,100]},{"step":"aggregate","method":"arithmeticMean"}]}';

const tempDirs: string[] = [];

/** A fresh temporary directory, removed by {@link removeTempDirs}. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kechuang-cli-'));
  tempDirs.push(dir);
  return dir;
}

/** Remove the directories made by {@link tempDir} (call in afterAll). */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function writeText(dir: string, name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A CSV file as a header plus rows of strings. */
export function readGrid(path: string): string[][] {
  return parse(readFileSync(path, 'utf8'), { bom: true, skip_empty_lines: true }) as string[][];
}

/**
 * Copy a CSV, changing cells: `edit(header, rows)` mutates rows (data rows, header excluded,
 * so `rows[0]` is spreadsheet row 2, the header being row 1).
 */
export function editCsv(
  from: string,
  dir: string,
  name: string,
  edit: (header: string[], rows: string[][]) => void,
): string {
  const [header, ...rows] = readGrid(from);
  edit(header as string[], rows);
  return writeText(dir, name, stringify([header as string[], ...rows]));
}

/** Set one cell by row (1-based data row) and column name. */
export function setCell(
  rows: string[][],
  header: string[],
  row: number,
  column: string,
  v: string,
) {
  const c = header.indexOf(column);
  if (c < 0) throw new Error(`no column ${column}`);
  (rows[row - 1] as string[])[c] = v;
}

/** The data row (1-based) where `column` equals `value`. */
export function rowWhere(rows: string[][], header: string[], column: string, value: string) {
  const c = header.indexOf(column);
  return rows.findIndex((r) => r[c] === value) + 1;
}

/** A written dataset CSV back as a Dataset (empty cell = NaN). */
export function readDatasetCsv(path: string): Dataset {
  const [header, ...rows] = readGrid(path);
  const codes = (header as string[]).slice(1);
  const columns = new Map<string, Float64Array>();
  codes.forEach((code, j) => {
    columns.set(
      code,
      Float64Array.from(rows, (r) => (r[j + 1] === '' ? Number.NaN : Number(r[j + 1]))),
    );
  });
  return { unitCodes: rows.map((r) => r[0] as string), columns };
}

// COINr's expected outputs and the comparison live with the engine's ASEM fixture.
export { compareDatasets, expectedDataset } from '../../index-engine/test/asemFixture.ts';

/** Run the CLI in-process with an environment; returns the exit code and what it wrote. */
export async function cliWithEnv(
  env: Record<string, string | undefined>,
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['node', 'kechuang', ...args], {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    env,
  });
  return { code, out, err };
}

/** Run the CLI in-process with an empty environment. */
export function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return cliWithEnv({}, ...args);
}

/** `index build` with ASEM defaults, any of the files replaced. */
export async function buildCli(
  dir: string,
  files: { meta?: string; data?: string; spec?: string; extra?: string[] } = {},
) {
  const out = join(dir, 'out');
  const spec = files.spec ?? writeText(dir, 'spec.json', ASEM_SPEC_JSON);
  const result = await cli(
    'index',
    'build',
    '--meta',
    files.meta ?? ASEM_META,
    '--data',
    files.data ?? ASEM_DATA,
    '--spec',
    spec,
    '--out',
    out,
    ...(files.extra ?? []),
  );
  return { ...result, outDir: out, wrote: existsSync(out) };
}
