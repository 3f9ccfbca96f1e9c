import type { Dataset } from './types.ts';

/** Build a dataset from unit codes and ordered columns. */
export function makeDataset(
  unitCodes: readonly string[],
  columns: Iterable<[string, Float64Array]>,
): Dataset {
  return { unitCodes, columns: new Map(columns) };
}

/** The column of `code`, or an error naming it. */
export function getColumn(dataset: Dataset, code: string): Float64Array {
  const col = dataset.columns.get(code);
  if (!col) throw new Error(`数据集中没有列 ${code} / column ${code} is not in the dataset`);
  return col;
}

/** Keep only the rows at `rows` (indices into `dataset.unitCodes`), in that order. */
export function selectRows(dataset: Dataset, rows: readonly number[]): Dataset {
  const columns = new Map<string, Float64Array>();
  for (const [code, col] of dataset.columns) {
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = col[rows[i] as number] as number;
    columns.set(code, out);
  }
  return { unitCodes: rows.map((r) => dataset.unitCodes[r] as string), columns };
}

/** One unit's values as a code → value record (NaN kept). */
export function getRow(dataset: Dataset, unitCode: string): Record<string, number> {
  const i = dataset.unitCodes.indexOf(unitCode);
  if (i < 0)
    throw new Error(`数据集中没有单元 ${unitCode} / unit ${unitCode} is not in the dataset`);
  const out: Record<string, number> = {};
  for (const [code, col] of dataset.columns) out[code] = col[i] as number;
  return out;
}
