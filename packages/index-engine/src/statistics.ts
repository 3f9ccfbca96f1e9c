/**
 * Descriptive statistics on columns with `NaN` as missing. Definitions follow R / COINr exactly:
 * sample SD (n − 1), e1071 type-2 skewness and kurtosis (as Excel SKEW/KURT), type-7 quantiles,
 * "min" tie ranking.
 */

/** The non-missing values of a column, in order. */
export function presentValues(x: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) out[j++] = v;
  }
  return out;
}

export function countPresent(x: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) n++;
  return n;
}

/** Arithmetic mean of the non-missing values; NaN if there are none. */
export function mean(x: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) {
      s += v;
      n++;
    }
  }
  return n === 0 ? Number.NaN : s / n;
}

/** Sample variance (n − 1) of the non-missing values; NaN if fewer than 2. */
export function variance(x: ArrayLike<number>): number {
  const m = mean(x);
  let s = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) {
      s += (v - m) * (v - m);
      n++;
    }
  }
  return n < 2 ? Number.NaN : s / (n - 1);
}

/** Sample standard deviation (n − 1), as R's `sd`. */
export function standardDeviation(x: ArrayLike<number>): number {
  return Math.sqrt(variance(x));
}

/** Minimum and maximum of the non-missing values (NaN, NaN if none). */
export function range(x: ArrayLike<number>): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let any = false;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) continue;
    any = true;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return any ? [lo, hi] : [Number.NaN, Number.NaN];
}

/** R's type-7 quantile of the non-missing values, p in [0, 1]. */
export function quantile(x: ArrayLike<number>, p: number): number {
  const v = presentValues(x).sort();
  return quantileSorted(v, p);
}

/** Type-7 quantile of an ascending, NaN-free array. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/** Median of the non-missing values (NaN if none). */
export function median(x: ArrayLike<number>): number {
  return quantile(x, 0.5);
}

/**
 * Sample skewness G1 (e1071 type 2, Excel SKEW) of the non-missing values; NaN if n < 3.
 * g1 = √n Σc³ / (Σc²)^(3/2); G1 = g1 √(n(n − 1)) / (n − 2).
 */
export function skewness(x: ArrayLike<number>): number {
  return skewAndKurtosis(x).skew;
}

/**
 * Sample excess kurtosis G2 (e1071 type 2, Excel KURT) of the non-missing values; NaN if n < 4.
 * r = n Σc⁴ / (Σc²)²; G2 = ((n + 1)(r − 3) + 6)(n − 1) / ((n − 2)(n − 3)).
 */
export function kurtosis(x: ArrayLike<number>): number {
  return skewAndKurtosis(x).kurt;
}

export type TieMethod = 'min' | 'average' | 'max';

/**
 * Ascending ranks (1 = smallest), missing values stay NaN (R `rank(na.last = "keep")`).
 * Ties share the minimum rank by default, as COINr's normalisers do.
 */
export function rankAscending(x: ArrayLike<number>, ties: TieMethod = 'min'): Float64Array {
  const n = x.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i] as number)) idx.push(i);
  idx.sort((a, b) => (x[a] as number) - (x[b] as number));
  let i = 0;
  while (i < idx.length) {
    let j = i;
    const v = x[idx[i] as number] as number;
    while (j + 1 < idx.length && x[idx[j + 1] as number] === v) j++;
    const r = ties === 'min' ? i + 1 : ties === 'max' ? j + 1 : (i + j + 2) / 2;
    for (let k = i; k <= j; k++) out[idx[k] as number] = r;
    i = j + 1;
  }
  return out;
}

/**
 * "Sport" ranks of scores (1 = highest), ties share the best rank, NaN stays NaN:
 * R `rank(-x, ties.method = "min", na.last = "keep")`, as COINr ranks results.
 */
export function rankDescending(x: ArrayLike<number>): Float64Array {
  const neg = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) neg[i] = -(x[i] as number);
  return rankAscending(neg, 'min');
}

/** {@link skewness} and {@link kurtosis} in one pass over the data (same definitions). */
export function skewAndKurtosis(x: ArrayLike<number>): { skew: number; kurt: number } {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) {
      sum += v;
      n++;
    }
  }
  const m = sum / n;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) continue;
    const c = v - m;
    const c2 = c * c;
    s2 += c2;
    s3 += c2 * c;
    s4 += c2 * c2;
  }
  const skew =
    n < 3 ? Number.NaN : ((Math.sqrt(n) * s3) / s2 ** 1.5) * (Math.sqrt(n * (n - 1)) / (n - 2));
  const r = (n * s4) / (s2 * s2);
  const kurt = n < 4 ? Number.NaN : (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
  return { skew, kurt };
}
