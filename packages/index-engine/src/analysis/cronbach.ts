/**
 * Cronbach's alpha, as COINr's `get_cronbach` (`R/correlations.R`).
 */
import { getColumn } from '../dataset.ts';
import type { Dataset } from '../types.ts';
import { bilingualError } from './bilingualError.ts';

/** Options of {@link cronbachAlpha}. */
export type CronbachOptions = {
  /**
   * How missing values enter the covariance matrix, as the `use` argument of R's `cov`:
   * 'pairwise' (default, as COINr: `use = "pairwise.complete.obs"`) or 'complete' (only units
   * with every column present, R's `"complete.obs"`).
   */
  use?: 'pairwise' | 'complete';
};

/** Sample covariance (n − 1) over the rows where both columns are present; NaN if n < 2. */
function pairwiseCovariance(x: Float64Array, y: Float64Array, rows: Uint8Array | null): number {
  let n = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b) || (rows !== null && rows[i] === 0)) continue;
    mx += a;
    my += b;
    n++;
  }
  if (n < 2) return Number.NaN;
  mx /= n;
  my /= n;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b) || (rows !== null && rows[i] === 0)) continue;
    s += (a - mx) * (b - my);
  }
  return s / (n - 1);
}

/**
 * Cronbach's alpha of the columns `codes`, as COINr's `get_cronbach(coin, dset, iCodes, Level,
 * use = "pairwise.complete.obs")`: with C the covariance matrix of the k columns,
 * alpha = k² · mean(off-diagonal of C) / sum(C) = (k / (k − 1)) · (1 − trace(C) / sum(C)).
 * As COINr, the covariances are pairwise-complete by default, and NaN entries of C (pairs with
 * fewer than 2 complete rows) are left out of both sums (R's `sum(…, na.rm = TRUE)`).
 * Needs k ≥ 2 columns.
 */
export function cronbachAlpha(
  dataset: Dataset,
  codes: readonly string[],
  options: CronbachOptions = {},
): number {
  const k = codes.length;
  if (k < 2) {
    throw bilingualError(
      `克朗巴赫系数至少需要两列（现有 ${k} 列）`,
      `Cronbach's alpha needs at least 2 columns (got ${k})`,
    );
  }
  const cols = codes.map((c) => getColumn(dataset, c));
  let rows: Uint8Array | null = null;
  if (options.use === 'complete') {
    rows = new Uint8Array(dataset.unitCodes.length).fill(1);
    for (const col of cols) {
      for (let i = 0; i < rows.length; i++) if (Number.isNaN(col[i] as number)) rows[i] = 0;
    }
  }
  let total = 0;
  let trace = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const c = pairwiseCovariance(cols[i] as Float64Array, cols[j] as Float64Array, rows);
      if (Number.isNaN(c)) continue;
      total += c;
      if (i === j) trace += c;
    }
  }
  const meanOffDiagonal = (total - trace) / (k * (k - 1));
  return (k * k * meanOffDiagonal) / total;
}
