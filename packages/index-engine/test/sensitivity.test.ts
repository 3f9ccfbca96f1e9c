import { describe, expect, test } from 'vitest';
import {
  applyAlternative,
  createIndex,
  type IndexSpec,
  runIndex,
  saltelliSample,
  sensitivityAnalysis,
  sobolIndices,
  uncertaintyAnalysis,
  uncertaintySample,
  valueAt,
} from '../src/index.ts';
import { ASEM_UA_SPEC, asemFramework, asemTable, VIGNETTE_ALTERNATIVES } from './asemFixture.ts';

const framework = asemFramework();
const input = createIndex(framework, asemTable(framework));
const spec: IndexSpec = ASEM_UA_SPEC;
const vignetteAlternatives = VIGNETTE_ALTERNATIVES;

describe('sample designs', () => {
  test('Saltelli design has N(d + 2) rows in [0, 1] and A_B^(i) takes column i from B', () => {
    const n = 8;
    const d = 3;
    const s = saltelliSample(n, d, 7);
    expect(s.rows).toBe(n * (d + 2));
    expect(s.u.every((v) => v >= 0 && v < 1)).toBe(true);
    const at = (row: number, col: number) => s.u[row * d + col] as number;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < d; k++) {
        for (let j = 0; j < d; j++) {
          expect(at((2 + k) * n + i, j)).toBe(j === k ? at(n + i, j) : at(i, j));
        }
      }
    }
  });

  test('a sensitivity analysis with one input is refused (COINr: d = 1)', () => {
    expect(() => saltelliSample(10, 1, 1)).toThrow(/two uncertain inputs/);
  });

  test('the same seed gives the same design; another seed another', () => {
    expect(uncertaintySample(20, 3, 5).u).toEqual(uncertaintySample(20, 3, 5).u);
    expect(uncertaintySample(20, 3, 5).u).not.toEqual(uncertaintySample(20, 3, 6).u);
  });

  test('discrete alternatives split the sampled range into equal right-closed intervals (R cut)', () => {
    const alt = { name: 'x', path: 'aggregate.method', values: ['a', 'b'] };
    expect(valueAt(alt, 0, 0, 1)).toBe('a');
    expect(valueAt(alt, 0.5, 0, 1)).toBe('a');
    expect(valueAt(alt, 0.5000001, 0, 1)).toBe('b');
    expect(valueAt(alt, 1, 0, 1)).toBe('b');
    expect(valueAt({ name: 'c', path: 'treat.lambda', range: [2, 4] }, 0.25, 0, 1)).toBe(2.5);
  });
});

describe('alternatives edit the spec by typed paths', () => {
  test('a field, a whole step, removal with null and insertion in pipeline order', () => {
    const a = applyAlternative(spec, 'treat.maxWinsorised', 2);
    expect(a.steps.find((s) => s.step === 'treat')).toMatchObject({
      maxWinsorised: 2,
      skewThreshold: 2,
    });
    const b = applyAlternative(spec, 'normalise', { method: 'rank' });
    expect(b.steps.find((s) => s.step === 'normalise')).toEqual({
      step: 'normalise',
      method: 'rank',
    });
    const c = applyAlternative(spec, 'impute', null);
    expect(c.steps.map((s) => s.step)).toEqual([
      'denominate',
      'screen',
      'treat',
      'normalise',
      'aggregate',
    ]);
    const d = applyAlternative(c, 'impute', { method: 'mean' });
    expect(d.steps.map((s) => s.step)).toEqual(spec.steps.map((s) => s.step));
    expect(spec.steps.find((s) => s.step === 'treat')).toMatchObject({ maxWinsorised: 5 });
  });
});

describe('Sobol estimators (COINr SA_estimate) on known functions', () => {
  test('y = X1 + 10·X2 with X3 unused: S3 = ST3 = 0 exactly; S2 ≈ 100/101', () => {
    const n = 20000;
    const d = 3;
    const design = saltelliSample(n, d, 11);
    const y = new Float64Array(design.rows);
    for (let r = 0; r < design.rows; r++)
      y[r] = (design.u[r * d] as number) + 10 * (design.u[r * d + 1] as number);
    const { indices } = sobolIndices(y, n, ['X1', 'X2', 'X3'], 200, 3);
    const [x1, x2, x3] = indices;
    expect(x3?.first).toBe(0);
    expect(x3?.total).toBe(0);
    // Analytic values: S1 = ST1 = 1/101, S2 = ST2 = 100/101 (estimator noise at this N ≈ 0.01).
    expect(Math.abs((x2?.first as number) - 100 / 101)).toBeLessThan(0.03);
    expect(Math.abs((x2?.total as number) - 100 / 101)).toBeLessThan(0.03);
    expect(Math.abs((x1?.first as number) - 1 / 101)).toBeLessThan(0.01);
    expect(Math.abs((x1?.total as number) - 1 / 101)).toBeLessThan(0.002);
    expect(x2?.firstQ5).toBeLessThanOrEqual(x2?.first as number);
    expect(x2?.firstQ95).toBeGreaterThanOrEqual(x2?.first as number);
  });
});

describe('uncertainty and sensitivity analysis on ASEM (COINr vignette alternatives)', () => {
  test('UA: every unit gets nominal, median and 5–95% ranks; reproducible by seed', () => {
    const ua = uncertaintyAnalysis(input, spec, {
      alternatives: vignetteAlternatives,
      n: 60,
      seed: 42,
    });
    expect(ua.scores.length).toBe(60);
    expect(ua.failures).toBe(0);
    expect(ua.rankStatistics.length).toBe(51);
    for (const r of ua.rankStatistics) {
      expect(r.q5).toBeLessThanOrEqual(r.median);
      expect(r.median).toBeLessThanOrEqual(r.q95);
      expect(r.q5).toBeGreaterThanOrEqual(1);
      expect(r.q95).toBeLessThanOrEqual(51);
    }
    const nominal = runIndex(input, spec).datasets.Aggregated?.columns.get('Index') as Float64Array;
    expect(Array.from(ua.nominalScores)).toEqual(Array.from(nominal));
    const again = uncertaintyAnalysis(input, spec, {
      alternatives: vignetteAlternatives,
      n: 60,
      seed: 42,
    });
    expect(again.ranks).toEqual(ua.ranks);
    // Each replication equals a direct build of the spec it sampled.
    const agg = ua.parameters[7] as number[];
    const direct = runIndex(input, {
      ...spec,
      weights: (ua.alternatives[2] as { values: Record<string, number>[] }).values[
        agg[2] as number
      ],
      steps: spec.steps.map((s) => {
        if (s.step === 'treat') return { ...s, maxWinsorised: [1, 2, 3, 4, 5][agg[0] as number] };
        if (s.step === 'normalise')
          return {
            step: 'normalise',
            ...(ua.alternatives[1] as { values: object[] }).values[agg[1] as number],
          } as typeof s;
        if (s.step === 'aggregate')
          return {
            ...s,
            method: (['arithmeticMean', 'geometricMean'] as const)[
              agg[3] as number
            ] as 'arithmeticMean',
          };
        return s;
      }),
    });
    expect(Array.from(ua.scores[7] as Float64Array)).toEqual(
      Array.from(direct.datasets.Aggregated?.columns.get('Index') as Float64Array),
    );
  });

  test('SA: an input with two identical alternatives gets Si = STi = 0', () => {
    const sa = sensitivityAnalysis(input, spec, {
      n: 40,
      seed: 3,
      alternatives: [
        {
          name: 'Aggregation',
          path: 'aggregate.method',
          values: ['arithmeticMean', 'geometricMean'],
        },
        { name: 'Same', path: 'treat.maxWinsorised', values: [5, 5] },
      ],
    });
    expect(sa.scores.length).toBe(40 * 4);
    const same = sa.indices.find((i) => i.name === 'Same');
    expect(same?.first).toBe(0);
    expect(same?.total).toBe(0);
    const agg = sa.indices.find((i) => i.name === 'Aggregation');
    expect(agg?.total).toBeGreaterThan(0.5);
  });
});
