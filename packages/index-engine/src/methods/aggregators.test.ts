import { describe, expect, test } from 'vitest';
import { asemFramework, asemTable, expectedDataset } from '../../test/asemFixture.ts';
import { createIndex } from '../createIndex.ts';
import { IndexInputError, StepError } from '../errors.ts';
import { createRandom } from '../random.ts';
import { runIndex } from '../runIndex.ts';
import type {
  AggregateStep,
  Dataset,
  Framework,
  FrameworkNode,
  UnitTable,
  WeightSet,
} from '../types.ts';
import {
  aggregateGroup,
  arithmeticMean,
  copeland,
  type GroupInput,
  generalisedMean,
  geometricMean,
  harmonicMean,
  outrankMatrix,
  weightedMedian,
} from './aggregators.ts';

const NA = Number.NaN;
const f64 = (v: number[]) => Float64Array.from(v);

/** Index ← P ← members, one column per member; units U1, U2, … */
function smallIndex(members: Record<string, number[]>) {
  const codes = Object.keys(members);
  const n = members[codes[0] as string]?.length ?? 0;
  const nodes: FrameworkNode[] = [
    { code: 'Index', names: {}, level: 3, parent: null, direction: 1, weight: 1 },
    { code: 'P', names: {}, level: 2, parent: 'Index', direction: 1, weight: 1 },
    ...codes.map((code) => ({
      code,
      names: {},
      level: 1,
      parent: 'P',
      direction: 1 as const,
      weight: 1,
    })),
  ];
  const table: UnitTable = {
    units: Array.from({ length: n }, (_, i) => ({ code: `U${i + 1}`, names: {}, groups: {} })),
    indicators: Object.fromEntries(codes.map((c) => [c, f64(members[c] as number[])])),
  };
  return createIndex({ nodes } satisfies Framework, table);
}

function aggregateP(
  members: Record<string, number[]>,
  step: Omit<AggregateStep, 'step'>,
  weights?: WeightSet,
): number[] {
  const build = runIndex(smallIndex(members), { steps: [{ step: 'aggregate', ...step }], weights });
  return col(build.datasets.Aggregated, 'P');
}

function col(ds: Dataset | undefined, code: string): number[] {
  const c = ds?.columns.get(code);
  if (!c) throw new Error(`no column ${code}`);
  return [...c];
}

function group(members: Record<string, number[]>, weights?: number[]): GroupInput {
  const codes = Object.keys(members);
  const n = members[codes[0] as string]?.length ?? 0;
  return {
    parent: 'P',
    members: codes,
    columns: codes.map((c) => f64(members[c] as number[])),
    weights: weights ?? codes.map(() => 1),
    unitCodes: Array.from({ length: n }, (_, i) => `U${i + 1}`),
  };
}

/** Hand-rolled level-by-level weighted arithmetic mean (COINr a_amean with NA removal). */
function recompute(framework: Framework, data: Dataset, weights: WeightSet): Map<string, number[]> {
  const cols = new Map<string, number[]>();
  for (const [code, col] of data.columns) cols.set(code, [...col]);
  const maxLevel = Math.max(...framework.nodes.map((n) => n.level));
  for (let level = 2; level <= maxLevel; level++) {
    for (const parent of framework.nodes.filter((n) => n.level === level)) {
      const kids = framework.nodes.filter((n) => n.parent === parent.code).map((n) => n.code);
      const out = data.unitCodes.map((_, u) => {
        let sw = 0;
        let swx = 0;
        for (const k of kids) {
          const v = (cols.get(k) as number[])[u] as number;
          if (Number.isNaN(v)) continue;
          sw += weights[k] as number;
          swx += (weights[k] as number) * v;
        }
        return sw === 0 ? NA : swx / sw;
      });
      cols.set(parent.code, out);
    }
  }
  return cols;
}

describe('ASEM: independent recomputation of the three aggregation levels', () => {
  const framework = asemFramework();
  const input = createIndex(framework, asemTable(framework));
  const normalisedData = expectedDataset('Normalised');
  const aggregates = framework.nodes.filter((n) => n.level >= 2).map((n) => n.code);

  test('the hand-rolled recomputation with weights 1 reproduces COINr Aggregated.csv', () => {
    const ones: WeightSet = Object.fromEntries(framework.nodes.map((n) => [n.code, 1]));
    const mine = recompute(framework, normalisedData, ones);
    const coinr = expectedDataset('Aggregated');
    expect(aggregates).toHaveLength(11);
    for (const code of aggregates) {
      const expected = coinr.columns.get(code) as Float64Array;
      const row = new Map(coinr.unitCodes.map((u, i) => [u, i]));
      normalisedData.unitCodes.forEach((u, i) => {
        const e = expected[row.get(u) as number] as number;
        expect(Math.abs(((mine.get(code) as number[])[i] as number) - e)).toBeLessThan(1e-9);
      });
    }
  });

  for (const seed of [1, 42, 2024]) {
    test(`runIndex with random positive weights (seed ${seed}) matches the recomputation`, () => {
      const rand = createRandom(seed);
      const weights: WeightSet = {};
      for (const node of framework.nodes) if (node.parent) weights[node.code] = 0.05 + 2 * rand();
      const build = runIndex(
        { ...input, raw: normalisedData },
        {
          steps: [{ step: 'aggregate', method: 'arithmeticMean' }],
          weights,
        },
      );
      const out = build.datasets.Aggregated as Dataset;
      expect(out.unitCodes).toEqual(normalisedData.unitCodes);
      const mine = recompute(framework, normalisedData, weights);
      for (const code of aggregates) {
        const actual = out.columns.get(code) as Float64Array;
        const expected = mine.get(code) as number[];
        expected.forEach((e, i) => {
          expect(Math.abs((actual[i] as number) - e), `${code}[${i}]`).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(e)),
          );
        });
      }
      // Indicators pass through unchanged.
      expect(out.columns.get('LPI')).toEqual(normalisedData.columns.get('LPI'));
      // With non-equal weights the index differs from COINr's equal-weight result.
      const equal = expectedDataset('Aggregated').columns.get('Index') as Float64Array;
      expect(out.columns.get('Index')).not.toEqual(equal);
    });
  }

  test('scaling all weights of one group by a constant changes nothing', () => {
    const base = runIndex(
      { ...input, raw: normalisedData },
      {
        steps: [{ step: 'aggregate', method: 'arithmeticMean' }],
      },
    );
    const physical = framework.nodes.filter((n) => n.parent === 'Physical');
    const scaled = runIndex(
      { ...input, raw: normalisedData },
      {
        steps: [{ step: 'aggregate', method: 'arithmeticMean' }],
        weights: Object.fromEntries(physical.map((n) => [n.code, 7])),
      },
    );
    const a = base.datasets.Aggregated?.columns.get('Physical') as Float64Array;
    const b = scaled.datasets.Aggregated?.columns.get('Physical') as Float64Array;
    a.forEach((v, i) => {
      expect(b[i]).toBeCloseTo(v, 12);
    });
  });
});

describe('arithmeticMean (COINr a_amean)', () => {
  test('weights rescaled to sum 1 over the available members; all missing → NaN', () => {
    expect(arithmeticMean([2, 8], [1, 3])).toBe(6.5);
    expect(
      aggregateP(
        { A: [2, NA, NA], B: [8, 8, NA] },
        { method: 'arithmeticMean' },
        {
          A: 1,
          B: 3,
        },
      ),
    ).toEqual([6.5, 8, NA]);
  });

  test('a member without weight → StepError naming it', () => {
    expect(() =>
      aggregateGroup({ ...group({ A: [1], B: [2] }), weights: [1, NA] }, 'arithmeticMean'),
    ).toThrow(/B has no weight/);
  });
});

describe('geometricMean (COINr a_gmean)', () => {
  test('exp(Σ w·log x / Σ w): known answers', () => {
    expect(geometricMean([1, 4], [1, 1])).toBeCloseTo(2, 14);
    // (2 · 32³)^(1/4) = 2^4 = 16
    expect(geometricMean([2, 32], [1, 3])).toBeCloseTo(16, 13);
    const r = aggregateP({ A: [1, 9, NA], B: [4, NA, NA] }, { method: 'geometricMean' });
    expect(r[0]).toBeCloseTo(2, 14);
    expect(r[1]).toBeCloseTo(9, 14);
    expect(r[2]).toBeNaN();
  });

  test('refuses a zero (and a negative) with a StepError naming unit and member', () => {
    let error: unknown;
    try {
      aggregateP({ A: [1, 5, 3], B: [2, 0, 3] }, { method: 'geometricMean' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StepError);
    expect(error).toBeInstanceOf(IndexInputError);
    const issue = (error as StepError).issues[0];
    expect(issue?.unit).toBe('U2');
    expect(issue?.node).toBe('P');
    expect(issue?.message.en).toContain('U2');
    expect(issue?.message.en).toContain('B');
    expect(issue?.message.zh).toContain('B');
    expect(() => aggregateP({ A: [1, -5], B: [2, 2] }, { method: 'geometricMean' })).toThrow(
      /unit U2 has A = -5/,
    );
  });

  test('a missing value beside positive ones is simply dropped', () => {
    expect(aggregateP({ A: [NA, 4], B: [2, 4] }, { method: 'geometricMean' })).toEqual([2, 4]);
  });
});

describe('harmonicMean (COINr a_hmean)', () => {
  test('Σ w / Σ (w/x): known answers', () => {
    expect(harmonicMean([1, 4], [1, 1])).toBeCloseTo(1.6, 14);
    expect(harmonicMean([2, 6], [1, 2])).toBeCloseTo(3.6, 14);
    expect(aggregateP({ A: [1, NA], B: [4, 5] }, { method: 'harmonicMean' })).toEqual([1.6, 5]);
  });

  test('zeros are refused, negative values are not (COINr checks x == 0 only)', () => {
    expect(() => aggregateP({ A: [1, 0], B: [1, 1] }, { method: 'harmonicMean' })).toThrow(
      StepError,
    );
    expect(aggregateP({ A: [-1], B: [2] }, { method: 'harmonicMean' })[0]).toBeCloseTo(-4, 14);
  });

  test('harmonic ≤ geometric ≤ arithmetic on positive data', () => {
    const rand = createRandom(7);
    for (let t = 0; t < 20; t++) {
      const x = [1, 2, 3, 4].map(() => 0.1 + 10 * rand());
      const w = [1, 2, 3, 4].map(() => 0.1 + rand());
      const h = harmonicMean(x, w);
      const g = geometricMean(x, w);
      const a = arithmeticMean(x, w);
      expect(h).toBeLessThanOrEqual(g + 1e-12);
      expect(g).toBeLessThanOrEqual(a + 1e-12);
    }
  });
});

describe('generalisedMean (COINr a_genmean)', () => {
  test('p = 1 equals the arithmetic mean; p = −1 the harmonic; p = 2 known answer', () => {
    const x = [3, 4, 10];
    const w = [0.2, 1.5, 3];
    expect(generalisedMean(x, w, 1)).toBeCloseTo(arithmeticMean(x, w), 13);
    expect(generalisedMean(x, w, -1)).toBeCloseTo(harmonicMean(x, w), 13);
    expect(generalisedMean([3, 4], [1, 1], 2)).toBeCloseTo(Math.sqrt(12.5), 14);
    const viaStep = aggregateP({ A: [3, 1], B: [4, 9] }, { method: 'generalisedMean', p: 1 });
    expect(viaStep).toEqual([3.5, 5]);
  });

  test('any missing member gives NaN (COINr sums without na.rm)', () => {
    expect(aggregateP({ A: [3, NA], B: [4, 9] }, { method: 'generalisedMean', p: 1 })).toEqual([
      3.5,
      NA,
    ]);
  });

  test('p = 0 or no p → StepError; x ≤ 0 with p < 0 → StepError', () => {
    expect(() => aggregateP({ A: [1], B: [2] }, { method: 'generalisedMean', p: 0 })).toThrow(
      StepError,
    );
    expect(() => aggregateP({ A: [1], B: [2] }, { method: 'generalisedMean' })).toThrow(StepError);
    expect(() => aggregateP({ A: [0], B: [2] }, { method: 'generalisedMean', p: -1 })).toThrow(
      StepError,
    );
    // With p > 0 a zero is fine.
    expect(aggregateP({ A: [0], B: [2] }, { method: 'generalisedMean', p: 2 })[0]).toBeCloseTo(
      Math.sqrt(2),
      14,
    );
  });

  // COINr a_genmean checks `any(x <= 0, na.rm = TRUE) && p < 0` and stops *before* the NA makes
  // the sum NA, so a unit with one missing member and one zero member is an error in COINr.
  test('COINr: a zero beside a missing member with p < 0 is an error, not NaN', () => {
    expect(() =>
      aggregateP({ A: [0], B: [NA], C: [2] }, { method: 'generalisedMean', p: -1 }),
    ).toThrow(StepError);
  });
});

describe('weighted median', () => {
  test('equal weights give the ordinary median (odd and even counts)', () => {
    expect(weightedMedian([5, 1, 3], [1, 1, 1])).toBe(3);
    expect(weightedMedian([4, 1, 3, 2], [1, 1, 1, 1])).toBe(2.5);
    expect(aggregateP({ A: [5, 4], B: [1, 1], C: [3, NA] }, { method: 'median' })).toEqual([
      3, 2.5,
    ]);
  });

  test('a heavy member pulls the median to its value', () => {
    expect(weightedMedian([1, 2, 3], [1, 1, 5])).toBe(3);
    expect(weightedMedian([1, 2, 3], [5, 1, 1])).toBe(1);
    // Cumulative weight exactly ½ after the first value: the mean of it and the next.
    expect(weightedMedian([10, 20, 30], [2, 1, 1])).toBe(15);
  });
});

describe('Copeland (COINr a_copeland / outrankMatrix)', () => {
  // U1 = (1, 5), U2 = (2, 5), U3 = (3, 1), equal weights ½:
  // (1,2) = 0 + ½·½ = 0.25; (1,3) = ½ (wins on the second) → tie; (2,3) = ½ → tie.
  const cols = [f64([1, 2, 3]), f64([5, 5, 1])];

  test('outranking matrix entries on a hand-checked example', () => {
    const m = outrankMatrix(cols, [1, 1], 3).map((r) => [...r]);
    expect(m).toEqual([
      [0, 0.25, 0.5],
      [0.75, 0, 0.5],
      [0.5, 0.5, 0],
    ]);
  });

  test('scores: > ½ counts +1, < ½ counts −1, = ½ counts 0 (ties → 0.5 entries)', () => {
    expect([...copeland(group({ A: [1, 2, 3], B: [5, 5, 1] }))]).toEqual([-1, 1, 0]);
    expect(aggregateP({ A: [1, 2, 3], B: [5, 5, 1] }, { method: 'copeland' })).toEqual([-1, 1, 0]);
  });

  test('weights are normalised and decide the pairs', () => {
    // w = (3, 1) → (¾, ¼): U3 beats both on A; U1 vs U2: tie on B (⅛) → 0.125.
    const m = outrankMatrix(cols, [3, 1], 3).map((r) => [...r]);
    expect(m[0]).toEqual([0, 0.125, 0.25]);
    expect([...copeland(group({ A: [1, 2, 3], B: [5, 5, 1] }, [3, 1]))]).toEqual([-2, 0, 2]);
  });

  test('NA comparisons add nothing, so their weight goes to the later unit (1 − upper)', () => {
    // U1 missing A, tie on B: (1,2) = ¼ → U2 wins.
    const a = outrankMatrix([f64([NA, 2]), f64([5, 5])], [1, 1], 2).map((r) => [...r]);
    expect(a).toEqual([
      [0, 0.25],
      [0.75, 0],
    ]);
    // Same data with the units swapped: now the unit with the NA is later, and it wins.
    const b = outrankMatrix([f64([2, NA]), f64([5, 5])], [1, 1], 2).map((r) => [...r]);
    expect(b).toEqual([
      [0, 0.25],
      [0.75, 0],
    ]);
    expect(aggregateP({ A: [2, NA], B: [5, 5] }, { method: 'copeland' })).toEqual([-1, 1]);
  });

  test('a unit with all members missing still gets a score (no minDataShare)', () => {
    // U1 has nothing: every pair with U1 is 0 in the upper triangle, so U2 and U3 beat it.
    expect(
      aggregateP({ A: [NA, 1, 2], B: [NA, 1, 2] }, { method: 'copeland', minDataShare: 1 }),
    ).toEqual([-2, 0, 2]);
  });
});

describe('minDataShare (COINr dat_thresh, strict)', () => {
  const members = { A: [1, 1, 1], B: [3, NA, NA], C: [5, 5, NA], D: [7, 9, 9] };

  test('exactly at the threshold is kept; just above it gives NaN', () => {
    // U2 has 3 of 4 members (0.75), U3 2 of 4 (0.5).
    expect(aggregateP(members, { method: 'arithmeticMean', minDataShare: 0.75 })).toEqual([
      4,
      5,
      NA,
    ]);
    expect(aggregateP(members, { method: 'arithmeticMean', minDataShare: 0.7500001 })).toEqual([
      4,
      NA,
      NA,
    ]);
    expect(aggregateP(members, { method: 'arithmeticMean', minDataShare: 0.5 })).toEqual([4, 5, 5]);
    expect(aggregateP(members, { method: 'arithmeticMean' })).toEqual([4, 5, 5]);
  });

  test('per level: one value per aggregation level', () => {
    const build = runIndex(smallIndex(members), {
      steps: [
        { step: 'aggregate', method: ['arithmeticMean', 'arithmeticMean'], minDataShare: [1, 0] },
      ],
    });
    expect(col(build.datasets.Aggregated, 'P')).toEqual([4, NA, NA]);
    expect(() =>
      runIndex(smallIndex(members), {
        steps: [{ step: 'aggregate', method: ['arithmeticMean'] }],
      }),
    ).toThrow(StepError);
  });
});
