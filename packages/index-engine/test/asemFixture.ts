/** Test helper: the ASEM fixture (COINr's example data) read into engine objects. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  type Dataset,
  type Framework,
  frameworkFromMeta,
  type TableRow,
  tablesFromData,
  type UnitTable,
} from '../src/index.ts';

export const ASEM_DIR = join(import.meta.dirname, 'fixtures', 'asem');

export function readCsv(path: string): TableRow[] {
  return parse(readFileSync(path, 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  }) as TableRow[];
}

export function asemFramework(): Framework {
  return frameworkFromMeta(readCsv(join(ASEM_DIR, 'asem_iMeta.csv')), 'asem');
}

export function asemTable(framework = asemFramework()): UnitTable {
  const { tables } = tablesFromData(readCsv(join(ASEM_DIR, 'asem_iData.csv')), framework);
  return tables[0] as UnitTable;
}

export function asemPanel(framework = asemFramework()): UnitTable[] {
  return tablesFromData(readCsv(join(ASEM_DIR, 'asem_iData_panel.csv')), framework).tables;
}

/** An expected COINr output (uCode + one column per code) as a Dataset. */
export function expectedDataset(name: string): Dataset {
  const rows = readCsv(join(ASEM_DIR, 'expected', `${name}.csv`));
  const codes = Object.keys(rows[0] ?? {}).filter((c) => c !== 'uCode');
  const columns = new Map<string, Float64Array>();
  for (const c of codes)
    columns.set(
      c,
      Float64Array.from(rows, (r) => (r[c] === '' || r[c] === 'NA' ? Number.NaN : Number(r[c]))),
    );
  return { unitCodes: rows.map((r) => String(r.uCode)), columns };
}

/** COINr's reference pipeline (index-methods.md §4.12) as a Kechuang spec. */
export const ASEM_SPEC = {
  steps: [
    { step: 'denominate' as const },
    { step: 'impute' as const, method: 'groupMean' as const, group: 'EurAsia_group' },
    { step: 'screen' as const, minDataShare: 0.9, by: 'missing' as const },
    { step: 'treat' as const, maxWinsorised: 5, skewThreshold: 2, kurtosisThreshold: 3.5 },
    { step: 'normalise' as const, method: 'minMax' as const, range: [0, 100] as [number, number] },
    { step: 'aggregate' as const, method: 'arithmeticMean' as const },
  ],
};

/** Largest relative difference between two datasets, matching rows by unit code; NaN patterns must agree. */
export function compareDatasets(
  actual: Dataset,
  expected: Dataset,
): { maxRelDiff: number; problems: string[] } {
  const problems: string[] = [];
  let maxRelDiff = 0;
  const rowOf = new Map(actual.unitCodes.map((u, i) => [u, i]));
  if (actual.unitCodes.length !== expected.unitCodes.length)
    problems.push(`rows: ${actual.unitCodes.length} vs ${expected.unitCodes.length}`);
  for (const [code, exp] of expected.columns) {
    const act = actual.columns.get(code);
    if (!act) {
      problems.push(`missing column ${code}`);
      continue;
    }
    expected.unitCodes.forEach((u, i) => {
      const a = act[rowOf.get(u) ?? -1];
      const e = exp[i] as number;
      if (a === undefined) problems.push(`missing unit ${u}`);
      else if (Number.isNaN(e) !== Number.isNaN(a)) problems.push(`${u}/${code}: ${a} vs ${e}`);
      else if (!Number.isNaN(e)) {
        const d = Math.abs(a - e) / Math.max(Math.abs(e), 1e-300);
        const rel = e === 0 ? Math.abs(a) : d;
        if (rel > maxRelDiff) maxRelDiff = rel;
      }
    });
  }
  return { maxRelDiff, problems };
}
