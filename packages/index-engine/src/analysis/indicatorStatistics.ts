/**
 * Per-indicator statistics and flags, as COINr's `get_stats` (`R/stats.R`).
 */
import { getColumn } from '../dataset.ts';
import {
  countPresent,
  kurtosis,
  mean,
  median,
  presentValues,
  range,
  skewness,
  standardDeviation,
} from '../statistics.ts';
import type { Dataset } from '../types.ts';

/** Flag thresholds; defaults as COINr's `get_stats`. */
export type StatisticsOptions = {
  /** |skew| above this (together with kurtosis) flags outliers; default 2. */
  tSkew?: number;
  /** Kurtosis above this (together with skew) flags outliers; default 3.5. */
  tKurt?: number;
  /** Share of available values below this flags low availability; default 0.65. */
  tAvail?: number;
  /** Share of non-zero values (of all rows) below this flags many zeros; default 0.5. */
  tZero?: number;
  /** Share of unique values (of all rows) below this flags few unique values; default 0.5. */
  tUnique?: number;
};

/** One row of the statistics table (COINr column names in the comments). */
export type IndicatorStatistics = {
  code: string;
  /** Min, Max, Mean, Median over available values (NaN if none). */
  min: number;
  max: number;
  mean: number;
  median: number;
  /** Std: sample standard deviation (n − 1). */
  sd: number;
  /** Skew and Kurt: the same estimators as the treat step (type 2, excess kurtosis). */
  skew: number;
  kurt: number;
  /** N.Avail: non-missing values. */
  nAvail: number;
  /** N.NonZero: available values ≠ 0. */
  nNonZero: number;
  /** N.Unique: distinct available values. */
  nUnique: number;
  /** N.Same: size of the largest group of equal values (0 if none available). */
  nSame: number;
  /** Frc.Avail = N.Avail / number of rows. */
  frcAvail: number;
  /** Frc.NonZero = N.NonZero / N.Avail. */
  frcNonZero: number;
  /** Frc.Unique = N.Unique / N.Avail. */
  frcUnique: number;
  /** Frc.Same = N.Same / N.Avail. */
  frcSame: number;
  /** Flag.Avail: 'LOW' if Frc.Avail < tAvail. */
  flagAvail: 'ok' | 'LOW';
  /** Flag.NonZero: 'LOW' if N.NonZero / number of rows (NAs included) < tZero. */
  flagNonZero: 'ok' | 'LOW';
  /** Flag.Unique: 'LOW' if N.Unique / number of rows (NAs included) < tUnique. */
  flagUnique: 'ok' | 'LOW';
  /** Flag.SkewKurt: 'OUT' if |skew| > tSkew and kurt > tKurt. */
  flagSkewKurt: 'ok' | 'OUT';
};

/**
 * Statistics of each column in `codes`, as COINr's `get_stats(x, t_skew = 2, t_kurt = 3.5,
 * t_avail = 0.65, t_zero = 0.5, t_unq = 0.5, nsignif = NULL)`: no rounding (COINr rounds to
 * 3 significant figures by default). The flag rules are COINr's, including its asymmetry: the
 * Frc.NonZero and Frc.Unique columns divide by N.Avail, whereas Flag.NonZero and Flag.Unique
 * divide by the number of rows including missing ones.
 *
 * Differences from R only at edges: a column with no available value gives NaN for min/max
 * (R gives ±Inf with a warning) and nSame 0 (R −Inf); when skew or kurtosis is NaN (n < 3 or
 * n < 4) the outlier flag is 'ok', where R's `ifelse` can return NA.
 */
export function getStatistics(
  dataset: Dataset,
  codes: readonly string[],
  options: StatisticsOptions = {},
): IndicatorStatistics[] {
  const tSkew = options.tSkew ?? 2;
  const tKurt = options.tKurt ?? 3.5;
  const tAvail = options.tAvail ?? 0.65;
  const tZero = options.tZero ?? 0.5;
  const tUnique = options.tUnique ?? 0.5;
  const nRows = dataset.unitCodes.length;
  return codes.map((code) => {
    const x = getColumn(dataset, code);
    const present = presentValues(x);
    const nAvail = countPresent(x);
    let nNonZero = 0;
    const counts = new Map<number, number>();
    for (const v of present) {
      if (v !== 0) nNonZero++;
      // −0 and 0 are one value in R's `unique` and `table`; Map keys already treat them as equal.
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const nUnique = counts.size;
    let nSame = 0;
    for (const c of counts.values()) if (c > nSame) nSame = c;
    const [min, max] = range(x);
    const skew = skewness(x);
    const kurt = kurtosis(x);
    const frcAvail = nAvail / nRows;
    return {
      code,
      min,
      max,
      mean: mean(x),
      median: median(x),
      sd: standardDeviation(x),
      skew,
      kurt,
      nAvail,
      nNonZero,
      nUnique,
      nSame,
      frcAvail,
      frcNonZero: nNonZero / nAvail,
      frcUnique: nUnique / nAvail,
      frcSame: nSame / nAvail,
      flagAvail: frcAvail >= tAvail ? 'ok' : 'LOW',
      flagNonZero: nNonZero / nRows >= tZero ? 'ok' : 'LOW',
      flagUnique: nUnique / nRows >= tUnique ? 'ok' : 'LOW',
      flagSkewKurt: Math.abs(skew) > tSkew && kurt > tKurt ? 'OUT' : 'ok',
    };
  });
}
