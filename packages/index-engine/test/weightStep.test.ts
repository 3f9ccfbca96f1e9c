import { describe, expect, test } from 'vitest';
import {
  correlation,
  createIndex,
  type IndexSpec,
  runIndex,
  type WeightStep,
} from '../src/index.ts';
import { ASEM_PILLARS, ASEM_SPEC, asemFramework, asemTable } from './asemFixture.ts';

const framework = asemFramework();
const input = createIndex(framework, asemTable(framework));
const withWeight = (w: WeightStep): IndexSpec => ({
  steps: [...ASEM_SPEC.steps.slice(0, 5), w, ASEM_SPEC.steps[5] as IndexSpec['steps'][number]],
});

describe('the weight step derives a weight set and aggregation uses it', () => {
  test('equal weights at level 1 reproduce the default build (ASEM weights are all 1)', () => {
    const a = runIndex(input, withWeight({ step: 'weight', method: 'equal' }));
    const b = runIndex(input, ASEM_SPEC);
    expect(a.activeWeights).toBe('equal');
    expect(Array.from(a.datasets.Aggregated?.columns.get('Index') as Float64Array)).toEqual(
      Array.from(b.datasets.Aggregated?.columns.get('Index') as Float64Array),
    );
  });

  for (const method of ['entropy', 'critic', 'pca'] as const) {
    test(`${method} weights are stored under their name, cover every indicator and change the index`, () => {
      const b = runIndex(input, withWeight({ step: 'weight', method }));
      const w = b.weightSets[method] as Record<string, number>;
      for (const code of framework.nodes.filter((n) => n.level === 1).map((n) => n.code)) {
        expect(Number.isFinite(w[code])).toBe(true);
      }
      expect(b.activeWeights).toBe(method);
      const nominal = runIndex(input, ASEM_SPEC).datasets.Aggregated?.columns.get(
        'Index',
      ) as Float64Array;
      const idx = b.datasets.Aggregated?.columns.get('Index') as Float64Array;
      expect(Array.from(idx)).not.toEqual(Array.from(nominal));
    });
  }

  test('infomax raises the sum of pillar–index correlations over equal weights (COINr get_opt_weights)', () => {
    const sumCorr = (spec: IndexSpec) => {
      const agg = runIndex(input, spec).datasets.Aggregated;
      const index = agg?.columns.get('Index') as Float64Array;
      return ASEM_PILLARS.reduce(
        (s, c) => s + correlation(agg?.columns.get(c) as Float64Array, index, 'pearson'),
        0,
      );
    };
    const opt = withWeight({ step: 'weight', method: 'infomax', level: 2, tolerance: 1e-4 });
    expect(sumCorr(opt)).toBeGreaterThanOrEqual(sumCorr(ASEM_SPEC));
    const w = runIndex(input, opt).weightSets.infomax as Record<string, number>;
    const level2 = ASEM_PILLARS;
    expect(level2.reduce((s, c) => s + (w[c] as number), 0)).toBeCloseTo(1, 12);
  });

  test('balance brings the pillar–index correlations closer to equal importance', () => {
    const spread = (spec: IndexSpec) => {
      const agg = runIndex(input, spec).datasets.Aggregated;
      const index = agg?.columns.get('Index') as Float64Array;
      const c = ASEM_PILLARS.map((code) =>
        correlation(agg?.columns.get(code) as Float64Array, index, 'pearson'),
      );
      const s = c.reduce((a, b) => a + b, 0);
      return c.reduce((a, ci) => a + (ci / s - 1 / 8) ** 2, 0);
    };
    const opt = withWeight({ step: 'weight', method: 'balance', level: 2, tolerance: 1e-4 });
    expect(spread(opt)).toBeLessThan(spread(ASEM_SPEC));
  });

  test('entropy weights at a level other than 1 are refused with a bilingual message', () => {
    expect(() =>
      runIndex(input, withWeight({ step: 'weight', method: 'entropy', level: 2 })),
    ).toThrow(/熵|level must be 1/);
  });
});
