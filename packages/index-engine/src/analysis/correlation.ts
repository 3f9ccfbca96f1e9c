/**
 * Correlations between indicators with pairwise-complete observations, as R's
 * `cor(x, y, method, use = "pairwise.complete.obs")` which COINr calls in `get_corr`,
 * `get_corr_flags` and `get_denom_corr` (`R/correlations.R`), and their p-values as
 * `cor.test`, which COINr's `get_pvals` calls.
 */
import { getColumn } from '../dataset.ts';
import { compileFramework } from '../framework.ts';
import { rankAscending } from '../statistics.ts';
import type { Dataset, Framework } from '../types.ts';
import { bilingualError } from './bilingualError.ts';
import { normalCdf, studentTTwoSided } from './distributions.ts';

export type CorrelationType = 'pearson' | 'spearman' | 'kendall';

/** The pairs where both values are present (R's `complete.cases(x, y)`). */
function completePairs(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { x: Float64Array; y: Float64Array } {
  if (x.length !== y.length) {
    throw bilingualError(
      `两列长度不同（${x.length} 与 ${y.length}）`,
      `columns differ in length (${x.length} and ${y.length})`,
    );
  }
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isNaN(x[i] as number) && !Number.isNaN(y[i] as number)) n++;
  }
  const cx = new Float64Array(n);
  const cy = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    cx[j] = a;
    cy[j] = b;
    j++;
  }
  return { x: cx, y: cy };
}

/** Pearson r of two NaN-free arrays of equal length; NaN if n < 2 or either SD is zero. */
function pearsonComplete(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  const r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
  // R clamps rounding excursions beyond ±1.
  return Math.max(-1, Math.min(1, r));
}

/** Kendall's tau-b of two NaN-free arrays, as R computes it (ties reduce the denominator). */
function kendallComplete(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  let s = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const sx = Math.sign((x[i] as number) - (x[j] as number));
      const sy = Math.sign((y[i] as number) - (y[j] as number));
      s += sx * sy;
      tx += sx * sx;
      ty += sy * sy;
    }
  }
  if (tx === 0 || ty === 0) return Number.NaN;
  const r = s / Math.sqrt(tx * ty);
  return Math.max(-1, Math.min(1, r));
}

function correlationComplete(x: Float64Array, y: Float64Array, type: CorrelationType): number {
  if (type === 'pearson') return pearsonComplete(x, y);
  if (type === 'spearman') {
    return pearsonComplete(rankAscending(x, 'average'), rankAscending(y, 'average'));
  }
  return kendallComplete(x, y);
}

/**
 * Correlation of two columns over the units where both are present, as R's
 * `cor(x, y, method = type, use = "pairwise.complete.obs")` (used by COINr's `get_corr`).
 * Pearson: product-moment r. Spearman: Pearson r of average-tie ranks, the ranks being taken
 * within the complete pairs. Kendall: tau-b. NaN when fewer than 2 complete pairs remain or a
 * column is constant on them (R returns NA there).
 */
export function correlation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  type: CorrelationType = 'pearson',
): number {
  const c = completePairs(x, y);
  return correlationComplete(c.x, c.y, type);
}

/** A square correlation (or p-value) matrix; `values[i][j]` concerns `codes[i]` and `codes[j]`. */
export type CorrelationMatrix = {
  codes: string[];
  values: number[][];
  /** Number of complete pairs behind each entry. */
  n: number[][];
};

/**
 * Correlation matrix of dataset columns with pairwise-complete observations, as R's
 * `cor(X, method = type, use = "pairwise.complete.obs")` in COINr's `get_corr(pval = 0)`.
 * The diagonal is 1 for any column with at least two distinct values (NaN otherwise).
 */
export function correlationMatrix(
  dataset: Dataset,
  codes: readonly string[],
  type: CorrelationType = 'pearson',
): CorrelationMatrix {
  return pairwiseMatrix(dataset, codes, (x, y) => correlationComplete(x, y, type));
}

function pairwiseMatrix(
  dataset: Dataset,
  codes: readonly string[],
  f: (x: Float64Array, y: Float64Array) => number,
): CorrelationMatrix {
  const cols = codes.map((c) => getColumn(dataset, c));
  const k = codes.length;
  const values = Array.from({ length: k }, () => new Array<number>(k).fill(Number.NaN));
  const n = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      const c = completePairs(cols[i] as Float64Array, cols[j] as Float64Array);
      const v = f(c.x, c.y);
      (values[i] as number[])[j] = v;
      (values[j] as number[])[i] = v;
      (n[i] as number[])[j] = c.x.length;
      (n[j] as number[])[i] = c.x.length;
    }
  }
  return { codes: [...codes], values, n };
}

/** Options of {@link correlationPValue}. */
export type PValueOptions = {
  /**
   * Kendall only: use the exact null distribution (no ties allowed). Default as R's
   * `cor.test(exact = NULL)`: exact when n < 50 and there are no ties, else the normal
   * approximation.
   */
  exact?: boolean;
};

/**
 * Two-sided p-value of a correlation over the complete pairs, as R's `cor.test(x, y, method)`
 * which COINr's `get_pvals` calls (and `get_corr` uses to blank correlations with p > pval).
 *
 * * Pearson: t = r √(n − 2) / √(1 − r²) on n − 2 degrees of freedom (as R).
 * * Spearman: the same t approximation on n − 2 df. R uses this only with ties or n ≥ 1290;
 *   for smaller samples without ties R computes an exact / Edgeworth p-value (AS 89), which is
 *   **not** reproduced here, so small-sample Spearman p-values differ slightly from COINr's.
 * * Kendall: exact (permutation distribution of the concordant-pair count) when n < 50 and there
 *   are no ties, else the normal approximation with R's tie-corrected variance of S and no
 *   continuity correction: both as R.
 *
 * NaN when fewer than 3 complete pairs remain or the correlation is NaN (R stops there).
 */
export function correlationPValue(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  type: CorrelationType = 'pearson',
  options: PValueOptions = {},
): number {
  const c = completePairs(x, y);
  return pValueComplete(c.x, c.y, type, options);
}

function pValueComplete(
  x: Float64Array,
  y: Float64Array,
  type: CorrelationType,
  options: PValueOptions,
): number {
  const n = x.length;
  if (n < 3) return Number.NaN;
  const r = correlationComplete(x, y, type);
  if (Number.isNaN(r)) return Number.NaN;
  if (type !== 'kendall') {
    const df = n - 2;
    if (Math.abs(r) === 1) return 0;
    const t = (Math.sqrt(df) * r) / Math.sqrt(1 - r * r);
    return studentTTwoSided(t, df);
  }
  const xTies = tieSizes(x);
  const yTies = tieSizes(y);
  const ties = xTies.length > 0 || yTies.length > 0;
  const exact = options.exact ?? n < 50;
  if (exact && !ties) return kendallExactPValue(r, n);
  return kendallNormalPValue(r, n, xTies, yTies);
}

/** Sizes of the groups of tied values (only groups of 2 or more). */
function tieSizes(x: Float64Array): number[] {
  const counts = new Map<number, number>();
  for (const v of x) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.values()].filter((c) => c > 1);
}

/** Normal approximation of Kendall's S with the tie-corrected variance (R `cor.test`). */
function kendallNormalPValue(r: number, n: number, xt: number[], yt: number[]): number {
  const sum = (a: number[], f: (t: number) => number): number => a.reduce((s, t) => s + f(t), 0);
  const t0 = (n * (n - 1)) / 2;
  const t1 = sum(xt, (t) => t * (t - 1)) / 2;
  const t2 = sum(yt, (t) => t * (t - 1)) / 2;
  const s = r * Math.sqrt((t0 - t1) * (t0 - t2));
  const v0 = n * (n - 1) * (2 * n + 5);
  const vt = sum(xt, (t) => t * (t - 1) * (2 * t + 5));
  const vu = sum(yt, (t) => t * (t - 1) * (2 * t + 5));
  const v1 = sum(xt, (t) => t * (t - 1)) * sum(yt, (t) => t * (t - 1));
  const v2 = sum(xt, (t) => t * (t - 1) * (t - 2)) * sum(yt, (t) => t * (t - 1) * (t - 2));
  const varS = (v0 - vt - vu) / 18 + v1 / (2 * n * (n - 1)) + v2 / (9 * n * (n - 1) * (n - 2));
  const z = s / Math.sqrt(varS);
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/**
 * Null distribution of the number of concordant pairs among n untied observations: the
 * Mahonian distribution (inversions of a random permutation), as probabilities.
 */
function kendallNullDistribution(n: number): Float64Array {
  const max = (n * (n - 1)) / 2;
  let dist = new Float64Array(max + 1);
  dist[0] = 1;
  for (let m = 2; m <= n; m++) {
    // Adding the m-th element adds 0 … m − 1 inversions with equal probability.
    const next = new Float64Array(max + 1);
    const top = (m * (m - 1)) / 2;
    for (let k = 0; k <= top; k++) {
      // Direct sums (not a running window): the far tail is ~1e-12 and must not lose digits.
      let s = 0;
      for (let i = Math.max(0, k - m + 1); i <= k; i++) s += dist[i] as number;
      next[k] = s / m;
    }
    dist = next;
  }
  return dist;
}

/** Exact two-sided p-value of Kendall's tau without ties (R `cor.test`, `pkendall`). */
function kendallExactPValue(r: number, n: number): number {
  const dist = kendallNullDistribution(n);
  const q = Math.round(((r + 1) * n * (n - 1)) / 4);
  let p = 0;
  if (q > (n * (n - 1)) / 4) {
    for (let k = q; k < dist.length; k++) p += dist[k] as number;
  } else {
    for (let k = 0; k <= q; k++) p += dist[k] as number;
  }
  return Math.min(1, 2 * p);
}

/**
 * Matrix of two-sided correlation p-values (see {@link correlationPValue}), as COINr's
 * `get_pvals(X, method = type)`; the diagonal is 0 as in COINr.
 */
export function correlationPValues(
  dataset: Dataset,
  codes: readonly string[],
  type: CorrelationType = 'pearson',
  options: PValueOptions = {},
): CorrelationMatrix {
  const m = pairwiseMatrix(dataset, codes, (x, y) => pValueComplete(x, y, type, options));
  for (let i = 0; i < codes.length; i++) (m.values[i] as number[])[i] = 0;
  return m;
}

/** Options of {@link correlationFlags}; defaults as COINr's `get_corr_flags`. */
export type CorrelationFlagOptions = {
  /** Default 0.9; must lie in [−1, 1]. */
  threshold?: number;
  /** 'high' (default) flags correlations above the threshold, 'low' below it (signed, strict). */
  thresholdType?: 'high' | 'low';
  type?: CorrelationType;
  /** Indicators are compared within their ancestor at this level; default 2. */
  groupLevel?: number;
};

/** One flagged pair of indicators in the same group. */
export type CorrelationFlag = { group: string; code1: string; code2: string; correlation: number };

/**
 * Pairs of indicators in the same group (ancestor at `groupLevel`) whose correlation is above
 * (`'high'`) or below (`'low'`) the threshold, as COINr's `get_corr_flags(coin, dset,
 * cor_thresh = 0.9, thresh_type = "high", cortype = "pearson", grouplev = 2)`.
 *
 * Indicators are the framework's level-1 codes present in the dataset. The comparison is on the
 * signed correlation and strict (as COINr: a strong negative correlation is not "high"); NaN
 * correlations are dropped; values are not rounded (COINr rounds to 3 decimals by default).
 * Each pair is listed once, `code1` before `code2` in framework order, groups in framework order.
 * COINr 1.1.14's code lists each pair twice (both orders) although its documentation says once.
 */
export function correlationFlags(
  dataset: Dataset,
  framework: Framework,
  options: CorrelationFlagOptions = {},
): CorrelationFlag[] {
  const threshold = options.threshold ?? 0.9;
  const thresholdType = options.thresholdType ?? 'high';
  const type = options.type ?? 'pearson';
  const groupLevel = options.groupLevel ?? 2;
  if (!(threshold >= -1 && threshold <= 1)) {
    throw bilingualError(
      `相关系数阈值须在 −1 与 1 之间（${threshold}）`,
      `correlation threshold must lie in [−1, 1] (${threshold})`,
    );
  }
  const tree = compileFramework(framework);
  if (!Number.isInteger(groupLevel) || groupLevel < 1 || groupLevel > tree.maxLevel) {
    throw bilingualError(
      `分组层级须在 1 与 ${tree.maxLevel} 之间（${groupLevel}）`,
      `group level must lie between 1 and ${tree.maxLevel} (${groupLevel})`,
    );
  }
  const ancestorAt = (code: string): string => {
    let node = tree.byCode.get(code);
    while (node && node.level < groupLevel && node.parent) node = tree.byCode.get(node.parent);
    return node?.code ?? code;
  };
  const indicators = tree.indicators.filter((c) => dataset.columns.has(c));
  const byGroup = new Map<string, string[]>();
  for (const group of tree.levels[groupLevel] ?? []) byGroup.set(group, []);
  for (const code of indicators) byGroup.get(ancestorAt(code))?.push(code);
  const out: CorrelationFlag[] = [];
  for (const [group, members] of byGroup) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const code1 = members[i] as string;
        const code2 = members[j] as string;
        const r = correlation(getColumn(dataset, code1), getColumn(dataset, code2), type);
        if (Number.isNaN(r)) continue;
        if (thresholdType === 'high' ? r > threshold : r < threshold) {
          out.push({ group, code1, code2, correlation: r });
        }
      }
    }
  }
  return out;
}
