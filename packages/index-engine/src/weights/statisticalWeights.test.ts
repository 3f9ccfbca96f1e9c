import { describe, expect, test } from 'vitest';
import { ASEM_PILLARS, asemFramework, expectedDataset } from '../../test/asemFixture.ts';
import { principalComponents } from '../analysis/pca.ts';
import type { Dataset, Framework } from '../types.ts';
import {
  criticWeights,
  entropyWeights,
  equalWeights,
  frameworkWeights,
  pcaWeights,
} from './statisticalWeights.ts';

const loadFramework = (): Framework => asemFramework();
const loadDataset = (file: string): Dataset => expectedDataset(file.replace(/\.csv$/, ''));

const asem = loadFramework();
const raw = loadDataset('Raw.csv');
const normalised = loadDataset('Normalised.csv');
const sum = (w: Record<string, number>, codes: readonly string[]): number =>
  codes.reduce((s, c) => s + (w[c] as number), 0);
const dataset = (cols: Record<string, number[]>): Dataset => {
  const entries = Object.entries(cols);
  const n = entries[0]?.[1].length ?? 0;
  return {
    unitCodes: Array.from({ length: n }, (_, i) => `u${i}`),
    columns: new Map(entries.map(([k, v]) => [k, Float64Array.from(v)])),
  };
};

describe('equalWeights', () => {
  test('1 / group size at every level; the index 1; groups sum to 1', () => {
    const w = equalWeights(asem);
    expect(w.LPI).toBeCloseTo(1 / 8, 15);
    expect(w.Poverty).toBeCloseTo(1 / 9, 15);
    expect(w.Physical).toBeCloseTo(1 / 5, 15);
    expect(w.Conn).toBe(0.5);
    expect(w.Index).toBe(1);
    const parents = new Set(asem.nodes.map((n) => n.parent).filter((p) => p !== null));
    for (const p of parents) {
      const members = asem.nodes.filter((n) => n.parent === p).map((n) => n.code);
      expect(sum(w, members)).toBeCloseTo(1, 14);
    }
  });
  test('with a level, other levels keep the framework weights', () => {
    const w = equalWeights(asem, 2);
    expect(w.Physical).toBeCloseTo(0.2, 15);
    expect(w.LPI).toBe(1);
    expect(w.Conn).toBe(1);
    expect(frameworkWeights(asem).Physical).toBe(1);
  });
});

describe('entropyWeights (熵权法)', () => {
  test('independent recomputation on a small table; constant column gets 0', () => {
    const d = dataset({ a: [1, 2, 3, 4], b: [2, 2, 2, 2], c: [0, 0, 0, 10] });
    const w = entropyWeights(d, ['a', 'b', 'c']);
    const pa = [0.1, 0.2, 0.3, 0.4];
    const ea = -pa.reduce((s, p) => s + p * Math.log(p), 0) / Math.log(4);
    // c: p = (0, 0, 0, 1) → e = 0 (0·ln 0 = 0), d = 1; b: e = 1, d = 0.
    const da = 1 - ea;
    expect(w.a).toBeCloseTo(da / (da + 1), 15);
    expect(w.b).toBeCloseTo(0, 15);
    expect(w.c).toBeCloseTo(1 / (da + 1), 15);
    expect(sum(w, ['a', 'b', 'c'])).toBeCloseTo(1, 15);
  });
  test('identical columns get equal weights; scaling a column does not change weights', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6];
    const w = entropyWeights(dataset({ x, y: x, z: x.map((v) => v * 7) }), ['x', 'y', 'z']);
    expect(w.x).toBeCloseTo(1 / 3, 15);
    expect(w.y).toBeCloseTo(1 / 3, 15);
    expect(w.z).toBeCloseTo(1 / 3, 15);
  });
  test('ASEM Normalised (0–100, 49 indicators): weights sum to 1, all non-negative', () => {
    const codes = [...normalised.columns.keys()];
    const w = entropyWeights(normalised, codes);
    expect(sum(w, codes)).toBeCloseTo(1, 14);
    for (const c of codes) expect(w[c]).toBeGreaterThanOrEqual(0);
  });
  test('missing values are skipped (n counts available values)', () => {
    const a = entropyWeights(dataset({ a: [1, 2, Number.NaN, 4], b: [5, 1, 1, 1] }), ['a', 'b']);
    const b = entropyWeights(dataset({ a: [1, 2, 4], b: [5, 1, 1] }), ['a', 'b']);
    expect(a.a).not.toBeCloseTo(b.a as number, 5);
    const pa = [1 / 7, 2 / 7, 4 / 7];
    const da = 1 + pa.reduce((s, p) => s + p * Math.log(p), 0) / Math.log(3);
    const pb = [5 / 8, 1 / 8, 1 / 8, 1 / 8];
    const db = 1 + pb.reduce((s, p) => s + p * Math.log(p), 0) / Math.log(4);
    expect(a.a).toBeCloseTo(da / (da + db), 15);
  });
  test('bilingual errors: negative values, all constant, zero column', () => {
    expect(() => entropyWeights(dataset({ a: [1, -2, 3] }), ['a'])).toThrow(
      /熵权法要求非负数据.*entropy weights need non-negative data \(indicator a/,
    );
    expect(() => entropyWeights(dataset({ a: [2, 2], b: [1, 1] }), ['a', 'b'])).toThrow(
      /常数.*constant/,
    );
    expect(() => entropyWeights(dataset({ a: [0, 0, 0] }), ['a'])).toThrow(/之和.*sum/);
  });
});

describe('criticWeights', () => {
  test('independent recomputation: C_j = σ_j Σ_k (1 − r_jk)', () => {
    const cols = { a: [1, 2, 3, 4, 5], b: [2, 1, 4, 3, 5], c: [5, 3, 4, 1, 2] };
    const w = criticWeights(dataset(cols), ['a', 'b', 'c']);
    const sd = (x: number[]): number => {
      const m = x.reduce((s, v) => s + v, 0) / x.length;
      return Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1));
    };
    const r = (x: number[], y: number[]): number => {
      const mx = x.reduce((s, v) => s + v, 0) / x.length;
      const my = y.reduce((s, v) => s + v, 0) / y.length;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      x.forEach((v, i) => {
        sxy += (v - mx) * ((y[i] as number) - my);
        sxx += (v - mx) ** 2;
        syy += ((y[i] as number) - my) ** 2;
      });
      return sxy / Math.sqrt(sxx * syy);
    };
    const list = [cols.a, cols.b, cols.c];
    const c = list.map((x) => sd(x) * list.reduce((s, y) => s + (1 - r(x, y)), 0));
    const total = c.reduce((s, v) => s + v, 0);
    expect(w.a).toBeCloseTo((c[0] as number) / total, 14);
    expect(w.b).toBeCloseTo((c[1] as number) / total, 14);
    expect(w.c).toBeCloseTo((c[2] as number) / total, 14);
    // Known: r(a, b) = 0.8 (see correlation tests).
    expect(sum(w, ['a', 'b', 'c'])).toBeCloseTo(1, 15);
  });
  test('constant column gets 0; identical columns share equally', () => {
    const x = [1, 4, 2, 8, 5];
    const w = criticWeights(dataset({ x, y: x, k: [3, 3, 3, 3, 3] }), ['x', 'y', 'k']);
    expect(w.k).toBe(0);
    expect(w.x).toBeCloseTo(0.5, 15);
  });
  test('ASEM Normalised Physical pillar: sums to 1', () => {
    const codes = asem.nodes.filter((n) => n.parent === 'Physical').map((n) => n.code);
    const w = criticWeights(normalised, codes);
    expect(sum(w, codes)).toBeCloseTo(1, 14);
  });
});

describe('pcaWeights (get_PCA weights_to)', () => {
  test('ASEM Raw, level 1 by groups: first loadings per pillar, NA rows dropped', () => {
    const res = pcaWeights(raw, asem, 1);
    expect(res.groups.map((g) => g.group)).toEqual(ASEM_PILLARS);
    // ConEcFin: NumPy eigh(corrcoef) on the 48 complete rows, oriented to sum positive.
    const expected = {
      Goods: 0.4708814082629458,
      Services: 0.4915059152055079,
      FDI: 0.45584980232270883,
      PRemit: 0.46099213509746123,
      ForPort: 0.3411449014288974,
    };
    for (const [code, v] of Object.entries(expected)) expect(res.weights[code]).toBeCloseTo(v, 12);
    const conEcFin = res.groups.find((g) => g.group === 'ConEcFin');
    expect(conEcFin?.pca.unitCodes).toHaveLength(48);
    // Not rescaled: unit-length vectors, so the squares sum to 1 in each group.
    for (const g of res.groups) {
      expect(g.codes.reduce((s, c) => s + (res.weights[c] as number) ** 2, 0)).toBeCloseTo(1, 13);
    }
    // Other levels keep the framework's weights.
    expect(res.weights.Physical).toBe(1);
    expect(res.weights.Index).toBe(1);
  });
  test('equal to principalComponents of each group', () => {
    const res = pcaWeights(raw, asem, 1);
    const social = asem.nodes.filter((n) => n.parent === 'Social').map((n) => n.code);
    const pca = principalComponents(raw, social);
    social.forEach((c, j) => {
      expect(res.weights[c]).toBe(pca.loadings[j]?.[0]);
    });
  });
  test('without groups: one PCA over the level; level 2 on aggregated data', () => {
    const all = pcaWeights(normalised, asem, 1, { byGroups: false });
    expect(all.groups).toHaveLength(1);
    expect(all.groups[0]?.group).toBe('All');
    expect(all.groups[0]?.codes).toHaveLength(49);
    const aggregated = loadDataset('Aggregated.csv');
    const lev2 = pcaWeights(aggregated, asem, 2, { weights: { LPI: 7 } });
    expect(lev2.groups.map((g) => g.group)).toEqual(['Conn', 'Sust']);
    expect(lev2.weights.LPI).toBe(7);
    expect(lev2.groups[1]?.codes).toEqual(['Environ', 'Social', 'SusEcFin']);
  });
  test('the index level cannot be weighted (bilingual error)', () => {
    expect(() => pcaWeights(raw, asem, 4)).toThrow(/层级.*level/);
  });
});
