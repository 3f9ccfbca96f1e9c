import { describe, expect, test } from 'vitest';
import { expectedDataset } from '../../test/asemFixture.ts';
import type { Dataset } from '../types.ts';
import { cronbachAlpha } from './cronbach.ts';

const loadRaw = (): Dataset => expectedDataset('Raw');

describe('cronbachAlpha', () => {
  test('textbook form: k/(k − 1) · (1 − Σ var / var of the sum), complete data', () => {
    const a = Float64Array.from([2, 4, 3, 5, 1, 4]);
    const b = Float64Array.from([3, 5, 3, 4, 2, 5]);
    const c = Float64Array.from([1, 4, 2, 5, 2, 3]);
    const d: Dataset = { unitCodes: ['1', '2', '3', '4', '5', '6'], columns: new Map() };
    (d.columns as Map<string, Float64Array>).set('a', a).set('b', b).set('c', c);
    const variance = (x: ArrayLike<number>): number => {
      const m = Array.from(x).reduce((s, v) => s + v, 0) / x.length;
      return Array.from(x).reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1);
    };
    const total = a.map((v, i) => v + (b[i] as number) + (c[i] as number));
    const expected = (3 / 2) * (1 - (variance(a) + variance(b) + variance(c)) / variance(total));
    expect(cronbachAlpha(d, ['a', 'b', 'c'])).toBeCloseTo(expected, 14);
  });
  test('identical columns give alpha 1', () => {
    const x = Float64Array.from([1, 3, 2, 5, 4]);
    const d: Dataset = {
      unitCodes: ['1', '2', '3', '4', '5'],
      columns: new Map([
        ['x', x],
        ['y', x],
        ['z', x],
      ]),
    };
    expect(cronbachAlpha(d, ['x', 'y', 'z'])).toBeCloseTo(1, 14);
  });
  test('ASEM Raw P2P group: pairwise covariances (COINr default) vs complete cases', () => {
    const raw = loadRaw();
    const p2p = ['StMob', 'Research', 'Pat', 'CultServ', 'CultGood', 'Tourist', 'MigStock', 'Lang'];
    // Recomputed with NumPy: pairwise np.cov per pair (COINr use = "pairwise.complete.obs").
    expect(cronbachAlpha(raw, p2p)).toBeCloseTo(0.051266588293856184, 13);
    // Complete cases: 42 units.
    expect(cronbachAlpha(raw, p2p, { use: 'complete' })).toBeCloseTo(0.04936715771433394, 13);
  });
  test('needs two columns (bilingual error)', () => {
    const d: Dataset = { unitCodes: ['1'], columns: new Map([['x', Float64Array.from([1])]]) };
    expect(() => cronbachAlpha(d, ['x'])).toThrow(/克朗巴赫.*Cronbach/);
  });
});
