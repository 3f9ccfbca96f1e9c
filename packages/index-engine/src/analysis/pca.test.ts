import { describe, expect, test } from 'vitest';
import { expectedDataset } from '../../test/asemFixture.ts';
import { createRandom } from '../random.ts';
import type { Dataset } from '../types.ts';
import { principalComponents, symmetricEigen } from './pca.ts';

const loadRaw = (): Dataset => expectedDataset('Raw');

const matVec = (a: number[][], v: number[]): number[] =>
  a.map((row) => row.reduce((s, x, j) => s + x * (v[j] as number), 0));
const dot = (u: number[], v: number[]): number =>
  u.reduce((s, x, i) => s + x * (v[i] as number), 0);

describe('symmetricEigen (cyclic Jacobi)', () => {
  test('2 × 2 correlation matrix: eigenvalues 1 ± r, vectors (1, ±1)/√2', () => {
    const e = symmetricEigen([
      [1, 0.6],
      [0.6, 1],
    ]);
    expect(e.values[0]).toBeCloseTo(1.6, 14);
    expect(e.values[1]).toBeCloseTo(0.4, 14);
    expect(e.vectors[0]?.[0]).toBeCloseTo(Math.SQRT1_2, 14);
    expect(e.vectors[0]?.[1]).toBeCloseTo(Math.SQRT1_2, 14);
    expect(Math.abs(e.vectors[1]?.[0] ?? 0)).toBeCloseTo(Math.SQRT1_2, 14);
  });
  test('random symmetric 8 × 8: A v = λ v, orthonormal, trace preserved, sorted', () => {
    const rand = createRandom(42);
    const n = 8;
    const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        const x = rand() * 2 - 1;
        (a[i] as number[])[j] = x;
        (a[j] as number[])[i] = x;
      }
    }
    const e = symmetricEigen(a);
    let trace = 0;
    for (let i = 0; i < n; i++) trace += (a[i] as number[])[i] as number;
    expect(e.values.reduce((s, x) => s + x, 0)).toBeCloseTo(trace, 12);
    for (let k = 0; k < n; k++) {
      const v = e.vectors[k] as number[];
      const av = matVec(a, v);
      av.forEach((x, i) => {
        expect(x).toBeCloseTo((e.values[k] as number) * (v[i] as number), 12);
      });
      if (k > 0) expect(e.values[k]).toBeLessThanOrEqual(e.values[k - 1] as number);
      for (let l = 0; l < n; l++) {
        expect(dot(v, e.vectors[l] as number[])).toBeCloseTo(k === l ? 1 : 0, 12);
      }
      // Sign convention: entries sum positive.
      expect(v.reduce((s, x) => s + x, 0)).toBeGreaterThan(0);
    }
  });
  test('diagonal and non-square input', () => {
    const e = symmetricEigen([
      [2, 0],
      [0, 5],
    ]);
    expect(e.values).toEqual([5, 2]);
    expect(e.vectors[0]).toEqual([0, 1]);
    expect(() => symmetricEigen([[1, 2]])).toThrow(/方阵.*square/);
  });
});

describe('principalComponents (prcomp(center = TRUE, scale = TRUE))', () => {
  const raw = loadRaw();
  const conEcFin = ['Goods', 'Services', 'FDI', 'PRemit', 'ForPort'];
  const pca = principalComponents(raw, conEcFin);
  test('ASEM Raw ConEcFin: 48 complete rows; eigenvalues from NumPy eigh(corrcoef)', () => {
    expect(pca.unitCodes).toHaveLength(48);
    const expected = [
      3.8948856834347017, 0.680601633748163, 0.21499208724652202, 0.15345737731407616,
      0.056063218256536006,
    ];
    pca.eigenvalues.forEach((l, k) => {
      expect(l).toBeCloseTo(expected[k] as number, 12);
    });
    expect(pca.cumulative[4]).toBeCloseTo(1, 14);
    expect(pca.proportion[0]).toBeCloseTo(3.8948856834347017 / 5, 12);
  });
  test('first loadings (COINr PCA weights up to sign; COINr gets them all negative)', () => {
    const pc1 = [
      0.4708814082629458, 0.4915059152055079, 0.45584980232270883, 0.46099213509746123,
      0.3411449014288974,
    ];
    pca.loadings.forEach((row, j) => {
      expect(row[0]).toBeCloseTo(pc1[j] as number, 12);
    });
  });
  test('loadings orthonormal; scores centred with variance = eigenvalue; uncorrelated', () => {
    const p = conEcFin.length;
    for (let k = 0; k < p; k++) {
      for (let l = 0; l < p; l++) {
        const s = pca.loadings.reduce(
          (acc, row) => acc + (row[k] as number) * (row[l] as number),
          0,
        );
        expect(s).toBeCloseTo(k === l ? 1 : 0, 12);
      }
    }
    const n = pca.scores.length;
    for (let k = 0; k < p; k++) {
      const col = pca.scores.map((r) => r[k] as number);
      expect(col.reduce((s, x) => s + x, 0) / n).toBeCloseTo(0, 12);
      expect(col.reduce((s, x) => s + x * x, 0) / (n - 1)).toBeCloseTo(
        pca.eigenvalues[k] as number,
        11,
      );
      const next = pca.scores.map((r) => r[(k + 1) % p] as number);
      if (p > 1) expect(dot(col, next) / (n - 1)).toBeCloseTo(0, 11);
    }
  });
  test('scores reproduce the standardised data: Z = scores · loadingsᵀ', () => {
    const i = 7;
    const unit = pca.unitCodes[i] as string;
    const row = raw.unitCodes.indexOf(unit);
    conEcFin.forEach((code, j) => {
      const z =
        (((raw.columns.get(code) as Float64Array)[row] as number) - (pca.center[j] as number)) /
        (pca.scale[j] as number);
      const back = (pca.scores[i] as number[]).reduce(
        (s, sc, k) => s + sc * ((pca.loadings[j] as number[])[k] as number),
        0,
      );
      expect(back).toBeCloseTo(z, 12);
    });
  });
  test('constant column and too few rows are bilingual errors', () => {
    const d: Dataset = {
      unitCodes: ['a', 'b', 'c'],
      columns: new Map([
        ['x', Float64Array.from([1, 2, 3])],
        ['k', Float64Array.from([4, 4, 4])],
        ['m', Float64Array.from([1, Number.NaN, Number.NaN])],
      ]),
    };
    expect(() => principalComponents(d, ['x', 'k'])).toThrow(/常数.*constant/);
    expect(() => principalComponents(d, ['x', 'm'])).toThrow(/至少需要两个.*at least 2/);
  });
});
