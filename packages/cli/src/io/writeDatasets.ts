/**
 * Write a build's datasets: `DIR/<Dataset>.csv` for every dataset computed (uCode, then one
 * column per code in dataset order; full precision; NaN as an empty cell) and `DIR/results.xlsx`
 * with a sheet per dataset, a `Ranks` sheet and, when the build has tiers, a `Tiers` sheet.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASET_NAMES, type Dataset, type IndexBuild, tiersOf } from '@kechuang/index-engine';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { aggregateCodes, aggregateRanks, unitName, unitsByCode } from '../ranking.ts';

export { DATASET_NAMES };

/** A number as text with full precision (shortest round-trip form); NaN → empty. */
export function formatNumber(v: number): string {
  return Number.isNaN(v) ? '' : String(v);
}

/** A dataset as CSV text: header uCode + codes, one row per unit. UTF-8 with BOM for Excel. */
export function datasetCsv(dataset: Dataset): string {
  const codes = [...dataset.columns.keys()];
  const cols = [...dataset.columns.values()];
  const rows = dataset.unitCodes.map((u, i) => [
    u,
    ...cols.map((c) => formatNumber(c[i] as number)),
  ]);
  return stringify([['uCode', ...codes], ...rows], { bom: true });
}

/** Write every dataset as CSV and the workbook; returns the paths written. */
export async function writeDatasets(build: IndexBuild, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  for (const name of DATASET_NAMES) {
    const dataset = build.datasets[name];
    if (!dataset) continue;
    const path = join(outDir, `${name}.csv`);
    await writeFile(path, datasetCsv(dataset));
    files.push(path);
  }
  const xlsx = join(outDir, 'results.xlsx');
  await resultsWorkbook(build).xlsx.writeFile(xlsx);
  files.push(xlsx);
  return files;
}

/** The results workbook: one sheet per dataset, Ranks, and Tiers if computed. */
export function resultsWorkbook(build: IndexBuild): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kechuang';
  for (const name of DATASET_NAMES) {
    const dataset = build.datasets[name];
    if (dataset) addDatasetSheet(workbook, name, dataset);
  }
  const ranks = aggregateRanks(build);
  if (ranks) addDatasetSheet(workbook, 'Ranks', ranks, build);
  const tiers = tierRows(build);
  if (tiers) {
    const sheet = workbook.addWorksheet('Tiers');
    for (const row of tiers) sheet.addRow(row);
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return workbook;
}

function addDatasetSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  dataset: Dataset,
  withNames?: IndexBuild,
): void {
  const sheet = workbook.addWorksheet(name);
  const codes = [...dataset.columns.keys()];
  const cols = [...dataset.columns.values()];
  const units = withNames ? unitsByCode(withNames) : undefined;
  sheet.addRow(units ? ['uCode', 'uName', ...codes] : ['uCode', ...codes]);
  dataset.unitCodes.forEach((u, i) => {
    const values = cols.map((c) => {
      const v = c[i] as number;
      return Number.isFinite(v) ? v : null;
    });
    sheet.addRow(units ? [u, unitName(units.get(u), u), ...values] : [u, ...values]);
  });
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: units ? 2 : 1, ySplit: 1 }];
}

/**
 * Tiers (梯队) of every aggregate by the spec's `tiers` rule (the Chongqing report tiers each
 * sub-index the same way as the index): uCode, uName, then one column per aggregate.
 */
export function tierRows(build: IndexBuild): (string | number | null)[][] | undefined {
  const rule = build.spec.tiers;
  const dataset = build.datasets.Aggregated;
  if (!rule || !dataset) return undefined;
  const codes = aggregateCodes(build, dataset).reverse();
  const byCode = codes.map((c) => new Map(tiersOf(build, rule, c).map((t) => [t.unit, t.tier])));
  const units = unitsByCode(build);
  return [
    ['uCode', 'uName', ...codes],
    ...dataset.unitCodes.map((u) => [
      u,
      unitName(units.get(u), u),
      ...byCode.map((m) => m.get(u)?.label.zh ?? (units.get(u)?.isReference ? '参照' : null)),
    ]),
  ];
}
