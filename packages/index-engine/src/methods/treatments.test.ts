import { describe, expect, test } from 'vitest';
import { kurtosis, range, skewness } from '../statistics.ts';
import {
  boxCox,
  checkSkewKurt,
  gIILog,
  logCT,
  logCTOrig,
  logCTPlus,
  squareRoot,
  winsorise,
} from './treatments.ts';

const NA = Number.NaN;
const seq = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('checkSkewKurt (COINr check_SkewKurt)', () => {
  test('passes if |skew| < 2 OR kurtosis < 3.5; fails only when both are exceeded', () => {
    const outlier = [...seq(1, 10), 100];
    const c = checkSkewKurt(outlier);
    expect(c.skew).toBeGreaterThanOrEqual(2);
    expect(c.kurtosis).toBeGreaterThanOrEqual(3.5);
    expect(c.pass).toBe(false);
    expect(c.skew).toBe(skewness(outlier));
    expect(c.kurtosis).toBe(kurtosis(outlier));
    // Only one of the two exceeded → pass.
    expect(checkSkewKurt(outlier, c.skew + 1e-9, 3.5).pass).toBe(true);
    expect(checkSkewKurt(outlier, 2, c.kurtosis + 1e-9).pass).toBe(true);
  });

  test('both comparisons are strict: a statistic exactly at its threshold counts as exceeded', () => {
    const x = [...seq(1, 10), 100];
    const s = skewness(x);
    const k = kurtosis(x);
    expect(checkSkewKurt(x, s, k).pass).toBe(false);
    expect(checkSkewKurt(x, Math.abs(s), k).pass).toBe(false);
    // Negative skew: the absolute value is compared.
    const neg = x.map((v) => -v);
    expect(checkSkewKurt(neg, s, k).pass).toBe(false);
    expect(checkSkewKurt(neg, s * (1 + 1e-12), k).pass).toBe(true);
  });

  test('three-valued logic: exactly 3 values (kurtosis NA) → TRUE | NA = TRUE, FALSE | NA = NA', () => {
    // |skew| of 3 values never exceeds √3, so the default check passes.
    const three = [0, 0, 1];
    const c = checkSkewKurt(three);
    expect(c.skew).toBeCloseTo(Math.sqrt(3), 14);
    expect(c.kurtosis).toBeNaN();
    expect(c.pass).toBe(true);
    // With a skew threshold below √3 the skew fails and the kurtosis is NA → NA (null).
    expect(checkSkewKurt(three, 1).pass).toBeNull();
  });

  test('NA cases: fewer than 3 values, constant column; NaNs are dropped first', () => {
    expect(checkSkewKurt([1, 2]).pass).toBeNull();
    expect(checkSkewKurt([4, 4, 4, 4, 4]).pass).toBeNull();
    expect(checkSkewKurt([1, NA, 2, NA]).pass).toBeNull();
    const withNa = checkSkewKurt([...seq(1, 10), NA, 100]);
    expect(withNa.pass).toBe(false);
    expect(withNa.skew).toBe(skewness([...seq(1, 10), 100]));
  });
});

describe('winsorise (COINr winsorise)', () => {
  test('COINr worked example c(1:30, 200, 200, 1000): 1000 → 200, then the 200s → 30', () => {
    const x = [...seq(1, 30), 200, 200, 1000];
    // One step only: the maximum takes the largest other value.
    const one = winsorise(x, 1);
    expect(one?.winsorised).toBe(1);
    expect([...(one?.x ?? [])].slice(-3)).toEqual([200, 200, 200]);
    expect(one?.flags.filter((f) => f === 'winhi').length).toBe(1);
    expect(one?.flags[32]).toBe('winhi');
    // Default winmax 5: the three tied 200s move together (nwin 3), then the check passes.
    const r = winsorise(x);
    expect(r).not.toBeNull();
    const out = [...(r?.x ?? [])];
    expect(r?.winsorised).toBe(3);
    expect(out.slice(-4)).toEqual([30, 30, 30, 30]);
    expect(out.slice(0, 30)).toEqual(seq(1, 30));
    expect(skewness(out)).toBeCloseTo(-0.084, 3);
    expect(checkSkewKurt(out).pass).toBe(true);
    expect(r?.flags.slice(30)).toEqual(['winhi', 'winhi', 'winhi']);
    expect(r?.flags.slice(0, 30).every((f) => f === '')).toBe(true);
    // winmax 2: ties overshoot the limit (nwin 3 > 2), as in COINr.
    expect(winsorise(x, 2)?.winsorised).toBe(3);
  });

  test('COINr test: c(1:10, 100) → 100 becomes 10 and the result passes', () => {
    const x = [...seq(1, 10), 100];
    const r = winsorise(x, 5);
    expect([...(r?.x ?? [])]).toEqual([...seq(1, 10), 10]);
    expect(r?.winsorised).toBe(1);
    expect(checkSkewKurt(r?.x ?? []).pass).toBe(true);
  });

  test('negative skew winsorises the low end ("winlo")', () => {
    const x = [-100, ...seq(1, 10)];
    const r = winsorise(x);
    expect([...(r?.x ?? [])]).toEqual([1, ...seq(1, 10)]);
    expect(r?.flags[0]).toBe('winlo');
    expect(r?.winsorised).toBe(1);
  });

  test('a passing column is untouched (nwin 0); missing values stay missing', () => {
    const x = [1, 2, NA, 3, 4, 5];
    const r = winsorise(x);
    expect(r?.winsorised).toBe(0);
    expect([...(r?.x ?? [])]).toEqual(x);
    const y = [...seq(1, 10), NA, 100];
    const ry = winsorise(y);
    expect(ry?.x[10]).toBeNaN();
    expect(ry?.x[11]).toBe(10);
  });

  test('forced winsorisation counts points (COINr test: c(1:20, 100, 200), winmax 3)', () => {
    // 200 → 100 (1 point), the two 100s → 20 (2), then skew < 0 so the 1 → 2 (imin: 1): 2 + 1 = 3.
    const x = [...seq(1, 20), 100, 200];
    const r = winsorise(x, 3, 2, 3.5, true);
    expect(r?.winsorised).toBe(3);
    expect(r?.flags.filter((f) => f !== '').length).toBe(3);
    expect(r?.flags[0]).toBe('winlo');
    expect(r?.flags[20]).toBe('winhi');
    expect(r?.flags[21]).toBe('winhi');
    expect([...(r?.x ?? [])]).toEqual([2, ...seq(2, 20), 20, 20]);
    // Forced on a column that already passes: winsorises up to winmax anyway.
    const passing = [1, 2, 3, 4, 5, 6];
    const f = winsorise(passing, 1, 2, 3.5, true);
    expect(f?.winsorised).toBe(1);
    expect([...(f?.x ?? [])]).toEqual([1, 2, 3, 4, 5, 5]);
  });

  test('winmax 0 does nothing; an undefined check returns null (R stops on if (NA))', () => {
    const x = [...seq(1, 10), 100];
    expect(winsorise(x, 0)?.winsorised).toBe(0);
    expect([...(winsorise(x, 0)?.x ?? [])]).toEqual(x);
    expect(winsorise([1, 2])).toBeNull();
    expect(winsorise([3, 3, 3, 3])).toBeNull();
  });
});

describe('log and power transforms', () => {
  test('logCT: log(x − min + 0.01·(max − min)); the minimum maps to log(0.01·range)', () => {
    const x = [2, 5, NA, 12, 102];
    const r = logCT(x);
    const [lo, hi] = range(x);
    expect(r.x[0]).toBeCloseTo(Math.log(0.01 * (hi - lo)), 14);
    expect(r.x[0]).toBeCloseTo(0, 14); // 0.01 · 100 = 1
    expect(r.x[1]).toBeCloseTo(Math.log(3 + 1), 14);
    expect(r.x[2]).toBeNaN();
    expect(r.x[4]).toBeCloseTo(Math.log(101), 14);
    expect(r.flags).toEqual(['log_CT', 'log_CT', 'log_CT', 'log_CT', 'log_CT']);
    // Monotone: order preserved.
    expect(r.x[1] as number).toBeLessThan(r.x[3] as number);
  });

  test('logCTOrig: log(x − min + 1), minimum → 0', () => {
    const r = logCTOrig([3, 4, 10]);
    expect([...r.x]).toEqual([0, Math.log(2), Math.log(8)]);
  });

  test('logCTPlus: positive skew like logCT; negative skew → −log(max + a − x)', () => {
    const pos = [1, 2, 3, 100];
    expect([...logCTPlus(pos).x]).toEqual([...logCT(pos).x]);
    const neg = [-100, 1, 2, 3];
    const r = logCTPlus(neg);
    const a = 0.01 * 103;
    expect(r.x[3]).toBeCloseTo(-Math.log(a), 14);
    expect(r.x[0]).toBeCloseTo(-Math.log(103 + a), 14);
    expect(r.flags[0]).toBe('log_CT_neg');
  });

  test('boxCox λ = 0: log(x − min + 1); λ = 2: ((x − min + 1)² − 1)/2', () => {
    expect([...boxCox([1, 2, 3], 0).x]).toEqual([0, Math.log(2), Math.log(3)]);
    expect([...boxCox([1, 2, 3], 2).x]).toEqual([0, 1.5, 4]);
    expect([...boxCox([5, 6, NA, 7], 2).x]).toEqual([0, 1.5, NA, 4]);
    // λ = 1 is a shift: x − min.
    expect([...boxCox([-3, 0, 4], 1).x]).toEqual([0, 3, 7]);
  });

  test('gIILog maps [min, max] onto [0, ln max] (the formula COINr computes but does not return)', () => {
    // (max − 1)(x − min)/(max − min) + 1 = x when min = 1, so the result is log x.
    const r = gIILog([1, 2, 3, 50]);
    expect(r.x[0]).toBe(0);
    expect(r.x[1]).toBeCloseTo(Math.log(2), 14);
    expect(r.x[2]).toBeCloseTo(Math.log(3), 14);
    expect(r.x[3]).toBeCloseTo(Math.log(50), 14);
    const y = [10, 20, NA, 110];
    const g = gIILog(y);
    expect(g.x[0]).toBe(0);
    expect(g.x[3]).toBeCloseTo(Math.log(110), 13);
    expect(g.x[2]).toBeNaN();
  });

  test('squareRoot shifts negative data to start at 0', () => {
    expect([...squareRoot([0, 4, 9]).x]).toEqual([0, 2, 3]);
    expect([...squareRoot([-4, 0, 5]).x]).toEqual([0, 2, 3]);
  });
});
