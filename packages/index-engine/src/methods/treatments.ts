/**
 * Outlier checks and treatments of one column (COINr `R/treat.R`). Missing values stay NaN and
 * are ignored by every statistic (COINr's `na.rm = TRUE`, the default of `Treat`).
 */
import { range, skewAndKurtosis, skewness } from '../statistics.ts';

export type SkewKurtCheck = { pass: boolean | null; skew: number; kurtosis: number };

/**
 * COINr `check_SkewKurt`: passes if |skew| < skewThreshold OR kurtosis < kurtosisThreshold,
 * so treatment is triggered only when both are exceeded. `pass` is null where R gives NA
 * (skew undefined and kurtosis does not rescue it: fewer than 3 values, a constant column).
 */
export function checkSkewKurt(
  x: ArrayLike<number>,
  skewThreshold = 2,
  kurtosisThreshold = 3.5,
): SkewKurtCheck {
  const { skew, kurt } = skewAndKurtosis(x);
  const skewOk = Number.isNaN(skew) ? null : Math.abs(skew) < skewThreshold;
  const kurtOk = Number.isNaN(kurt) ? null : kurt < kurtosisThreshold;
  // R's three-valued OR: TRUE | NA is TRUE, FALSE | NA is NA.
  let pass: boolean | null;
  if (skewOk === true || kurtOk === true) pass = true;
  else if (skewOk === null || kurtOk === null) pass = null;
  else pass = false;
  return { pass, skew, kurtosis: kurt };
}

export type TreatResult = { x: Float64Array; flags: string[]; winsorised?: number };

/**
 * COINr `winsorise`: while the check fails (or `force`) and fewer than `maxPoints` points are
 * winsorised, replace the points equal to the maximum by the largest other value if the skew is
 * ≥ 0, else the points equal to the minimum by the smallest other value. Ties move together,
 * so the count can overshoot `maxPoints`, as in COINr. Returns null where R would stop (the
 * check becomes NA inside the loop).
 */
export function winsorise(
  input: ArrayLike<number>,
  maxPoints = 5,
  skewThreshold = 2,
  kurtosisThreshold = 3.5,
  force = false,
): TreatResult | null {
  const x = input instanceof Float64Array ? input.slice() : Float64Array.from(input);
  let check = checkSkewKurt(x, skewThreshold, kurtosisThreshold);
  if (check.pass === null && !force) return null;
  let imax: number[] = [];
  let imin: number[] = [];
  let nwin = 0;
  while ((check.pass === false || force) && nwin < maxPoints) {
    const high = skewness(x) >= 0;
    const [lo, hi] = range(x);
    const extreme = high ? hi : lo;
    const hits: number[] = [];
    let next = high ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number;
      if (Number.isNaN(v)) continue;
      if (v === extreme) hits.push(i);
      else if (high ? v > next : v < next) next = v;
    }
    for (const i of hits) x[i] = next;
    if (high) imax = hits;
    else imin = hits;
    nwin = imax.length + imin.length;
    check = checkSkewKurt(x, skewThreshold, kurtosisThreshold);
    if (check.pass === null) return null;
  }
  const flags = new Array<string>(x.length).fill('');
  for (const i of imax) flags[i] = 'winhi';
  for (const i of imin) flags[i] = 'winlo';
  return { x, flags, winsorised: nwin };
}

function mapPresent(x: ArrayLike<number>, f: (v: number) => number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    out[i] = Number.isNaN(v) ? v : f(v);
  }
  return out;
}

/** COINr `log_CT`: log(x − min + 0.01·(max − min)). */
export function logCT(x: ArrayLike<number>): TreatResult {
  const [lo, hi] = range(x);
  const a = 0.01 * (hi - lo);
  return { x: mapPresent(x, (v) => Math.log(v - lo + a)), flags: flagAll(x, 'log_CT') };
}

/** COINr `log_CT_orig`: log(x − min + 1). */
export function logCTOrig(x: ArrayLike<number>): TreatResult {
  const [lo] = range(x);
  return { x: mapPresent(x, (v) => Math.log(v - lo + 1)), flags: flagAll(x, 'log_CT_orig') };
}

/** COINr `log_CT_plus`: log(x − min + a) if skew > 0, else −log(max + a − x); a = 0.01·range. */
export function logCTPlus(x: ArrayLike<number>): TreatResult {
  const [lo, hi] = range(x);
  const a = 0.01 * (hi - lo);
  if (skewness(x) > 0) {
    return { x: mapPresent(x, (v) => Math.log(v - lo + a)), flags: flagAll(x, 'log_CT_plus') };
  }
  return { x: mapPresent(x, (v) => -Math.log(hi + a - v)), flags: flagAll(x, 'log_CT_neg') };
}

/**
 * The GII scaled log, ln[(max − 1)(x − min)/(max − min) + 1], mapping to [0, ln max].
 * COINr's `log_GII` computes this but returns its input unchanged (a bug); this applies it.
 * As COINr warns, it reverses the order of the values when max < 1.
 */
export function gIILog(x: ArrayLike<number>): TreatResult {
  const [lo, hi] = range(x);
  return {
    x: mapPresent(x, (v) => Math.log(((hi - 1) * (v - lo)) / (hi - lo) + 1)),
    flags: flagAll(x, 'log_GII'),
  };
}

/** COINr `boxcox` (no optimisation of λ): x ← x − min + 1, then (x^λ − 1)/λ, or log x at λ = 0. */
export function boxCox(x: ArrayLike<number>, lambda: number): TreatResult {
  const [lo] = range(x);
  const f =
    lambda === 0
      ? (v: number) => Math.log(v - lo + 1)
      : (v: number) => ((v - lo + 1) ** lambda - 1) / lambda;
  return { x: mapPresent(x, f), flags: flagAll(x, 'boxcox') };
}

/** Square root after shifting to non-negative values (EIS practice for skewed counts). */
export function squareRoot(x: ArrayLike<number>): TreatResult {
  const [lo] = range(x);
  const shift = lo < 0 ? -lo : 0;
  return { x: mapPresent(x, (v) => Math.sqrt(v + shift)), flags: flagAll(x, 'sqrt') };
}

function flagAll(x: ArrayLike<number>, flag: string): string[] {
  return new Array<string>(x.length).fill(flag);
}
