import { describe, expect, test } from 'vitest';
import { expectedDataset } from '../test/asemFixture.ts';
import {
  countPresent,
  kurtosis,
  mean,
  median,
  presentValues,
  quantile,
  quantileSorted,
  range,
  rankAscending,
  rankDescending,
  skewness,
  standardDeviation,
  variance,
} from './statistics.ts';

const NA = Number.NaN;

/** Independent e1071 type-2 skewness and kurtosis, written out from the textbook formulas. */
function reference(x: number[]): { skew: number; kurt: number } {
  const v = x.filter((a) => !Number.isNaN(a));
  const n = v.length;
  const m = v.reduce((a, b) => a + b, 0) / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const a of v) {
    m2 += (a - m) ** 2 / n;
    m3 += (a - m) ** 3 / n;
    m4 += (a - m) ** 4 / n;
  }
  const g1 = m3 / m2 ** 1.5;
  const g2 = m4 / m2 ** 2 - 3;
  return {
    skew: (g1 * Math.sqrt(n * (n - 1))) / (n - 2),
    kurt: ((n - 1) / ((n - 2) * (n - 3))) * ((n + 1) * g2 + 6),
  };
}

describe('skewness and kurtosis (e1071 type 2 = Excel SKEW / KURT)', () => {
  test('hand-computed: c(1, 2, 3, 4, 10) has skew 6√2/5 and kurtosis 3.152', () => {
    // c = −3, −2, −1, 0, 6: Σc² = 50, Σc³ = 180, Σc⁴ = 1394.
    // G1 = √5·180/50^1.5 · √20/3 = 12/√50; r = 5·1394/2500 = 2.788; G2 = (6·(−0.212)+6)·4/6.
    const x = [1, 2, 3, 4, 10];
    expect(skewness(x)).toBeCloseTo((6 * Math.SQRT2) / 5, 14);
    expect(kurtosis(x)).toBeCloseTo(3.152, 13);
  });

  test('Excel documentation examples: SKEW = 0.359543, KURT = −0.151799637', () => {
    const x = [3, 4, 5, 2, 3, 4, 5, 6, 4, 7];
    expect(skewness(x)).toBeCloseTo(0.359543, 6);
    expect(kurtosis(x)).toBeCloseTo(-0.151799637, 8);
  });

  test('ASEM Flights as Treat sees it (Screened): skew 2.24355572966801, kurt 6.29820195987698', () => {
    // The values of COINr's treat_details.csv are those of the data Treat reads (Screened, i.e.
    // Flights per head after Denominate); the Raw column gives 2.1033 / 4.5089 instead.
    const screened = expectedDataset('Screened').columns.get('Flights') as Float64Array;
    expect(skewness(screened)).toBeCloseTo(2.24355572966801, 12);
    expect(kurtosis(screened)).toBeCloseTo(6.29820195987698, 12);
    const raw = expectedDataset('Raw').columns.get('Flights') as Float64Array;
    expect(skewness(raw)).toBeCloseTo(2.10328719405155, 10);
    expect(kurtosis(raw)).toBeCloseTo(4.50887936970066, 10);
  });

  test('ASEM LPI: skew −0.304268128297048, kurt −0.656751412485129', () => {
    const lpi = expectedDataset('Screened').columns.get('LPI') as Float64Array;
    expect(skewness(lpi)).toBeCloseTo(-0.304268128297048, 12);
    expect(kurtosis(lpi)).toBeCloseTo(-0.656751412485129, 12);
  });

  test('agrees with an independent moment-based formula on every Screened ASEM column', () => {
    for (const [code, col] of expectedDataset('Screened').columns) {
      const r = reference([...col]);
      expect(skewness(col), code).toBeCloseTo(r.skew, 10);
      expect(kurtosis(col), code).toBeCloseTo(r.kurt, 10);
    }
  });

  test('missing values are dropped (na.rm = TRUE)', () => {
    expect(skewness([1, NA, 2, 3, NA, 4, 10])).toBe(skewness([1, 2, 3, 4, 10]));
    expect(kurtosis([NA, 1, 2, 3, 4, 10])).toBe(kurtosis([1, 2, 3, 4, 10]));
  });

  test('boundaries: skew needs 3 values, kurtosis 4; a constant column gives NaN', () => {
    expect(skewness([1, 2])).toBeNaN();
    expect(skewness([1, 2, NA, NA])).toBeNaN();
    expect(skewness([1, 2, 3])).toBe(0);
    expect(skewness([0, 0, 1])).toBeCloseTo(Math.sqrt(3), 14);
    expect(kurtosis([1, 2, 3])).toBeNaN();
    expect(kurtosis([1, 2, 3, 4])).toBeCloseTo(-1.2, 14);
    expect(skewness([5, 5, 5, 5, 5])).toBeNaN();
    expect(kurtosis([5, 5, 5, 5, 5])).toBeNaN();
    expect(skewness([])).toBeNaN();
  });

  test('properties: symmetric data has zero skew; negation flips skew, keeps kurtosis', () => {
    expect(skewness([-3, -1, 0, 1, 3])).toBeCloseTo(0, 15);
    const x = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9];
    const neg = x.map((v) => -v);
    expect(skewness(neg)).toBeCloseTo(-skewness(x), 13);
    expect(kurtosis(neg)).toBeCloseTo(kurtosis(x), 13);
    const affine = x.map((v) => 3 * v + 100);
    expect(skewness(affine)).toBeCloseTo(skewness(x), 12);
    expect(kurtosis(affine)).toBeCloseTo(kurtosis(x), 12);
  });
});

describe('basic statistics with NaN as missing', () => {
  test('mean, sample variance / SD (n − 1), range, counts', () => {
    const x = [2, 4, NA, 4, 4, 5, 5, 7, 9];
    expect(mean(x)).toBe(5);
    expect(variance(x)).toBeCloseTo(32 / 7, 14);
    expect(standardDeviation(x)).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(range(x)).toEqual([2, 9]);
    expect(countPresent(x)).toBe(8);
    expect([...presentValues(x)]).toEqual([2, 4, 4, 4, 5, 5, 7, 9]);
  });

  test('boundaries: no values → NaN; one value → variance NaN', () => {
    expect(mean([NA, NA])).toBeNaN();
    expect(range([NA])).toEqual([NA, NA]);
    expect(variance([3])).toBeNaN();
    expect(variance([3, 3])).toBe(0);
    expect(median([])).toBeNaN();
  });

  test('median: odd and even counts, NaN ignored', () => {
    expect(median([3, NA, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([-10, 100])).toBe(45);
  });
});

describe('quantile (R type 7)', () => {
  test('R: quantile(c(1, 2, 3, 4, 10), c(0.05, 0.95)) = 1.2, 8.8', () => {
    const x = [1, 2, 3, 4, 10];
    expect(quantile(x, 0.05)).toBeCloseTo(1.2, 14);
    expect(quantile(x, 0.95)).toBeCloseTo(8.8, 14);
  });

  test('order and missing values do not matter; p = 0 and 1 give min and max', () => {
    const x = [10, NA, 4, 1, 3, 2];
    expect(quantile(x, 0.05)).toBeCloseTo(1.2, 14);
    expect(quantile(x, 0)).toBe(1);
    expect(quantile(x, 1)).toBe(10);
    expect(quantile(x, 0.25)).toBe(2);
    expect(quantile(x, 0.5)).toBe(3);
    // Numeric (not lexicographic) sorting: 10 must not sort before 2.
    expect(quantile([10, 9, 100, 2], 0.5)).toBe(9.5);
  });

  test('R: quantile(1:10, 0.1) = 1.9; quantile(c(-5, 5), 0.3) = -2', () => {
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1)).toBeCloseTo(1.9, 14);
    expect(quantile([-5, 5], 0.3)).toBeCloseTo(-2, 14);
  });

  test('edge cases: one value; empty input', () => {
    expect(quantile([7], 0.3)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(quantile([NA, NA], 0.5)).toBeNaN();
  });
});

describe('ranks', () => {
  test('rankAscending: R rank(c(10, 20, 20, 30, NA), ties = min / average / max, na.last = "keep")', () => {
    const x = [20, 10, 30, 20, NA];
    expect([...rankAscending(x)]).toEqual([2, 1, 4, 2, NA]);
    expect([...rankAscending(x, 'min')]).toEqual([2, 1, 4, 2, NA]);
    expect([...rankAscending(x, 'average')]).toEqual([2.5, 1, 4, 2.5, NA]);
    expect([...rankAscending(x, 'max')]).toEqual([3, 1, 4, 3, NA]);
  });

  test('rankAscending: three-way tie, negative values, all missing', () => {
    expect([...rankAscending([-1, 5, 5, 5, -2], 'average')]).toEqual([2, 4, 4, 4, 1]);
    expect([...rankAscending([-1, 5, 5, 5, -2], 'min')]).toEqual([2, 3, 3, 3, 1]);
    expect([...rankAscending([NA, NA])]).toEqual([NA, NA]);
  });

  test('rankAscending: ±Infinity (from a zero denominator) rank like R', () => {
    // R: rank(c(3, Inf, 2, Inf, Inf, 1, -Inf, 0), ties.method = "min") = 5 6 4 6 6 3 1 2
    const inf = Number.POSITIVE_INFINITY;
    expect([...rankAscending([3, inf, 2, inf, inf, 1, -inf, 0])]).toEqual([5, 6, 4, 6, 6, 3, 1, 2]);
    expect([...rankAscending([inf, 1, inf, -inf, NA, 1], 'average')]).toEqual([
      4.5,
      2.5,
      4.5,
      1,
      NA,
      2.5,
    ]);
  });

  test('rankDescending: sport ranking, ties share the best rank, NaN kept', () => {
    // R: rank(-c(90, 85, 90, NA, 70), ties.method = "min", na.last = "keep") = 1 3 1 NA 4
    expect([...rankDescending([90, 85, 90, NA, 70])]).toEqual([1, 3, 1, NA, 4]);
    expect([...rankDescending([1, 2, 3])]).toEqual([3, 2, 1]);
  });
});
