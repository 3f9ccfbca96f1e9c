/** Test helper: the ASEM fixture (COINr's example data) read into engine objects. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  type Alternative,
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
        // Relative difference; absolute where the expected value is 0.
        const rel = e === 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e);
        if (rel > maxRelDiff) maxRelDiff = rel;
      }
    });
  }
  return { maxRelDiff, problems };
}

/** ASEM_SPEC with minMax to [1, 100], so the geometric mean is defined (COINr's vignette too). */
export const ASEM_UA_SPEC = {
  steps: ASEM_SPEC.steps.map((s) =>
    s.step === 'normalise' ? { ...s, range: [1, 100] as [number, number] } : s,
  ),
};

/** The four uncertain inputs of COINr's sensitivity vignette (§4.10), as Kechuang alternatives. */
export const VIGNETTE_ALTERNATIVES: Alternative[] = [
  { name: 'Winmax', path: 'treat.maxWinsorised', values: [1, 2, 3, 4, 5] },
  {
    name: 'Normalisation',
    path: 'normalise',
    values: [
      { method: 'minMax', range: [1, 100] },
      { method: 'zScore', mean: 10, sd: 2 },
    ],
  },
  {
    name: 'Weights',
    path: 'weights',
    noise: [
      { level: 2, factor: 0.25 },
      { level: 3, factor: 0.25 },
    ],
    replicates: 100,
  },
  { name: 'Aggregation', path: 'aggregate.method', values: ['arithmeticMean', 'geometricMean'] },
];

/** ASEM's eight pillars (level 2), in iMeta order. */
export const ASEM_PILLARS = [
  'Physical',
  'ConEcFin',
  'Political',
  'Instit',
  'P2P',
  'Environ',
  'Social',
  'SusEcFin',
];
