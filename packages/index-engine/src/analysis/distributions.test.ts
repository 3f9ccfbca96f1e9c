import { describe, expect, test } from 'vitest';
import {
  erfc,
  incompleteBeta,
  logGamma,
  normalCdf,
  studentTCdf,
  studentTTwoSided,
  upperIncompleteGamma,
} from './distributions.ts';

describe('logGamma', () => {
  test('known values: Γ(n) = (n − 1)!, Γ(1/2) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 12);
  });
});

describe('incompleteBeta', () => {
  test('closed forms: I_x(1, 1) = x, I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b', () => {
    for (const x of [0.01, 0.3, 0.5, 0.9, 0.999]) {
      expect(incompleteBeta(x, 1, 1)).toBeCloseTo(x, 14);
      expect(incompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 14);
      expect(incompleteBeta(x, 1, 2.5)).toBeCloseTo(1 - (1 - x) ** 2.5, 14);
    }
  });
  test('symmetry I_x(a, b) = 1 − I_{1−x}(b, a) and bounds', () => {
    expect(incompleteBeta(0.3, 2.5, 7)).toBeCloseTo(1 - incompleteBeta(0.7, 7, 2.5), 14);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
    expect(incompleteBeta(0.5, -1, 3)).toBeNaN();
  });
  test('R pbeta(0.5, 2, 3) = 0.6875; pbeta(0.3, 2.5, 7) (SciPy betainc)', () => {
    expect(incompleteBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 14);
    expect(incompleteBeta(0.3, 2.5, 7)).toBeCloseTo(0.6412224629717214, 14);
  });
});

describe('studentTCdf (R pt)', () => {
  test('known values (R pt; digits from SciPy stats.t.cdf)', () => {
    // pt(2, 10) = 0.9633060 and pt(-1.5, 3) = 0.1152919 (2 * pt(-2, 10) = 0.07338803).
    expect(studentTCdf(2, 10)).toBeCloseTo(0.9633059826146299, 13);
    expect(studentTCdf(-1.5, 3)).toBeCloseTo(0.11529193262241147, 13);
    expect(studentTCdf(0.5, 2.5)).toBeCloseTo(0.6711510400651426, 13);
    expect(studentTCdf(-3.2, 25)).toBeCloseTo(0.001857984216965062, 15);
    expect(studentTCdf(0, 7)).toBe(0.5);
  });
  test('closed forms for 1, 2 and 3 degrees of freedom', () => {
    for (const t of [-30, -4.2, -1, -0.3, 0.01, 0.7, 2.5, 12]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 13);
      const u = t / Math.sqrt(3);
      const f3 = 0.5 + (u / (1 + u * u) + Math.atan(u)) / Math.PI;
      expect(studentTCdf(t, 3)).toBeCloseTo(f3, 13);
    }
  });
  test('large df approaches the normal distribution', () => {
    expect(studentTCdf(1.96, 1e7)).toBeCloseTo(normalCdf(1.96), 7);
  });
  test('two-sided tail is 2·pt(−|t|) without cancellation', () => {
    expect(studentTTwoSided(2, 10)).toBeCloseTo(0.07338803477074, 13);
    expect(studentTTwoSided(-1.5, 3)).toBeCloseTo(2 * 0.11529193262241147, 13);
    const tiny = studentTTwoSided(40, 30);
    expect(tiny).toBeGreaterThan(0);
    expect(tiny).toBeLessThan(1e-25);
    expect(studentTTwoSided(Number.POSITIVE_INFINITY, 5)).toBe(0);
  });
});

describe('normal distribution (R pnorm)', () => {
  test('known values', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    // pnorm(-10) = 7.619853e-24: relative accuracy in the far tail.
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 10);
  });
  test('erfc and Q(a, x): erfc(0) = 1, Q(1, x) = e^−x', () => {
    expect(erfc(0)).toBeCloseTo(1, 15);
    expect(erfc(-1) + erfc(1)).toBeCloseTo(2, 15);
    for (const x of [0.1, 1, 3, 20]) {
      expect(upperIncompleteGamma(1, x)).toBeCloseTo(Math.exp(-x), 14);
    }
  });
});
