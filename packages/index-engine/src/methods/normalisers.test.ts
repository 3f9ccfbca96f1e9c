import { describe, expect, test } from 'vitest';
import { createIndex } from '../createIndex.ts';
import { StepError } from '../errors.ts';
import { runIndex } from '../runIndex.ts';
import { mean, standardDeviation } from '../statistics.ts';
import type {
  Direction,
  Framework,
  FrameworkNode,
  NormaliseSpec,
  NormaliseStep,
  UnitTable,
} from '../types.ts';
import {
  goalposts,
  type NormaliseContext,
  normaliseColumn,
  ratioToStandard,
} from './normalisers.ts';

const NA = Number.NaN;
const f64 = (v: number[]) => Float64Array.from(v);

/** Normalise one column as the normalise step does: multiply by direction, then the method. */
function norm(
  raw: number[],
  spec: NormaliseSpec,
  ctx: Partial<NormaliseContext> & { direction?: Direction } = {},
): number[] {
  const direction = ctx.direction ?? 1;
  const r = f64(raw);
  const x = direction === 1 ? r : r.map((v) => -v);
  return [...normaliseColumn(x, spec, { code: 'X', raw: r, ...ctx, direction })];
}

function expectClose(actual: ArrayLike<number>, expected: number[], digits = 12): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => {
    const a = actual[i] as number;
    if (Number.isNaN(e)) expect(a, `[${i}]`).toBeNaN();
    else expect(a, `[${i}]`).toBeCloseTo(e, digits);
  });
}

type Ind = {
  code: string;
  direction?: Direction;
  values: number[];
  target?: number;
  standard?: number;
};

/** A one-pillar framework (Index ← P ← indicators) and a table, ready for runIndex. */
function smallIndex(indicators: Ind[], referenceUnit?: string) {
  const n = indicators[0]?.values.length ?? 0;
  const nodes: FrameworkNode[] = [
    { code: 'Index', names: { en: 'Index' }, level: 3, parent: null, direction: 1, weight: 1 },
    { code: 'P', names: { en: 'Pillar' }, level: 2, parent: 'Index', direction: 1, weight: 1 },
    ...indicators.map((ind) => ({
      code: ind.code,
      names: { en: ind.code },
      level: 1,
      parent: 'P',
      direction: ind.direction ?? 1,
      weight: 1,
      target: ind.target,
      standard: ind.standard,
    })),
  ];
  const framework: Framework = { nodes };
  const table: UnitTable = {
    units: Array.from({ length: n }, (_, i) => ({
      code: `U${i + 1}`,
      names: {},
      groups: {},
      isReference: `U${i + 1}` === referenceUnit,
    })),
    indicators: Object.fromEntries(indicators.map((ind) => [ind.code, f64(ind.values)])),
  };
  return createIndex(framework, table);
}

function normalised(indicators: Ind[], step: Omit<NormaliseStep, 'step'>, referenceUnit?: string) {
  const build = runIndex(smallIndex(indicators, referenceUnit), {
    steps: [{ step: 'normalise', ...step }],
  });
  const ds = build.datasets.Normalised;
  if (!ds) throw new Error('no Normalised dataset');
  return (code: string) => [...(ds.columns.get(code) as Float64Array)];
}

describe('minMax (COINr n_minmax)', () => {
  test('min and max equal l and u; NaN kept; affine in between', () => {
    const x = [3, 7, NA, 1, 9];
    const y = norm(x, { method: 'minMax', range: [2, 7] });
    expect(Math.min(...y.filter((v) => !Number.isNaN(v)))).toBe(2);
    expect(Math.max(...y.filter((v) => !Number.isNaN(v)))).toBe(7);
    expectClose(y, [2 + (2 / 8) * 5, 2 + (6 / 8) * 5, NA, 2, 7]);
  });

  test('default range [0, 100]; a constant column gives NaN (0/0), as COINr', () => {
    expectClose(norm([1, 2, 3], { method: 'minMax' }), [0, 50, 100]);
    expectClose(norm([4, 4, NA], { method: 'minMax' }), [NA, NA, NA]);
  });

  test('directions flip: minMax of −x with direction −1 equals minMax of x with direction 1', () => {
    const x = [0.3, 12, -4, 7.25, NA, 100];
    const get = normalised(
      [
        { code: 'A', values: x },
        { code: 'B', direction: -1, values: x.map((v) => -v) },
        { code: 'C', direction: -1, values: x },
      ],
      { method: 'minMax', range: [0, 100] },
    );
    expect(get('B')).toEqual(get('A'));
    expect(get('A')).toEqual(norm(x, { method: 'minMax' }));
    // A negative indicator's best (lowest) raw value scores 100, its worst 0.
    expect(get('C')[2]).toBe(100);
    expect(get('C')[5]).toBe(0);
    expectClose(
      get('C'),
      get('A').map((v) => 100 - v),
    );
  });
});

describe('zScore (COINr n_zscore)', () => {
  test('has the requested mean and sample SD (n − 1)', () => {
    const x = [2.5, 8, -1, 4, NA, 13, 6];
    const y = f64(norm(x, { method: 'zScore', mean: 10, sd: 2 }));
    expect(mean(y)).toBeCloseTo(10, 13);
    expect(standardDeviation(y)).toBeCloseTo(2, 13);
    expect(y[4]).toBeNaN();
    // Defaults 0 and 1; known answer for 1..5: (x − 3)/√2.5.
    expectClose(
      norm([1, 2, 3, 4, 5], { method: 'zScore' }),
      [-2, -1, 0, 1, 2].map((v) => v / Math.sqrt(2.5)),
    );
  });

  test('negative direction mirrors the scores; zero SD gives NaN', () => {
    const x = [1, 2, 3, 10];
    const pos = norm(x, { method: 'zScore' });
    const neg = norm(x, { method: 'zScore' }, { direction: -1 });
    expectClose(
      neg,
      pos.map((v) => -v),
    );
    expectClose(norm([5, 5, 5], { method: 'zScore' }), [NA, NA, NA]);
  });
});

describe('rank, percentileRank, borda (ties "min", NA kept)', () => {
  const x = [5, 3, 5, NA, 1];
  test('rank: R rank(x, ties.method = "min", na.last = "keep")', () => {
    expect(norm(x, { method: 'rank' })).toEqual([3, 2, 3, NA, 1]);
    expect(norm(x, { method: 'rank', ties: 'average' })).toEqual([3.5, 2, 3.5, NA, 1]);
  });
  test('percentileRank: (rank − 1)/(n_nonNA − 1)', () => {
    expectClose(norm(x, { method: 'percentileRank' }), [2 / 3, 1 / 3, 2 / 3, NA, 0]);
    // One non-missing value → 0/0 = NaN, as COINr.
    expectClose(norm([NA, 7], { method: 'percentileRank' }), [NA, NA]);
  });
  test('borda: rank − 1', () => {
    expect(norm(x, { method: 'borda' })).toEqual([2, 1, 2, NA, 0]);
    // COINr test: borda of 10 distinct values is 0..9.
    const r = norm([0.3, 0.9, 0.1, 0.5, 0.7, 0.2, 0.8, 0.4, 0.6, 0.05], { method: 'borda' });
    expect([...r].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
  test('negative direction reverses the ranking', () => {
    expect(norm(x, { method: 'rank' }, { direction: -1 })).toEqual([1, 3, 1, NA, 4]);
  });
});

describe('distanceToMax, fractionOfMax', () => {
  test('distanceToMax: 1 − (max − x)/(max − min)', () => {
    const x = [2, 4, 10, NA];
    expectClose(norm(x, { method: 'distanceToMax' }), [0, 0.25, 1, NA]);
    expectClose(norm(x, { method: 'distanceToMax' }, { direction: -1 }), [1, 0.75, 0, NA]);
  });
  test('fractionOfMax: x / max', () => {
    expectClose(norm([2, 4, 10, NA], { method: 'fractionOfMax' }), [0.2, 0.4, 1, NA]);
    expectClose(norm([2, 4, 10], { method: 'fractionOfMax', scale: 100 }), [20, 40, 100]);
  });
});

describe('distanceToTarget (COINr n_dist2targ with use_iMeta targets)', () => {
  test('COINr test: x = c(0, 5, 11), targ 10 → 0, 0.5, 1.1; capped → 0, 0.5, 1', () => {
    expectClose(norm([0, 5, 11], { method: 'distanceToTarget' }, { target: 10 }), [0, 0.5, 1.1]);
    expectClose(
      norm([0, 5, 11], { method: 'distanceToTarget', capMax: true }, { target: 10 }),
      [0, 0.5, 1],
    );
  });

  test('COINr test, negative direction: x = c(−1, 1, 10), targ 0 → 1.1, 0.9, 0; capped 1, 0.9, 0', () => {
    const ctx = { direction: -1 as const, target: 0 };
    expectClose(norm([-1, 1, 10], { method: 'distanceToTarget' }, ctx), [1.1, 0.9, 0]);
    expectClose(norm([-1, 1, 10], { method: 'distanceToTarget', capMax: true }, ctx), [1, 0.9, 0]);
  });

  test('negative direction uses target × direction: (max − x)/(max − T)', () => {
    // x = 2, 4, 10, T = 3: (10 − x)/7.
    const ctx = { direction: -1 as const, target: 3 };
    expectClose(norm([2, 4, 10], { method: 'distanceToTarget' }, ctx), [8 / 7, 6 / 7, 0]);
    expectClose(norm([2, 4, 10], { method: 'distanceToTarget', capMax: true }, ctx), [1, 6 / 7, 0]);
  });

  test('through runIndex with the framework target; no target → StepError', () => {
    const get = normalised(
      [
        { code: 'A', values: [0, 5, 11], target: 10 },
        { code: 'B', direction: -1, values: [2, 4, 10], target: 3 },
      ],
      { method: 'distanceToTarget', capMax: true, scale: 100 },
    );
    expectClose(get('A'), [0, 50, 100]);
    expectClose(get('B'), [100, 600 / 7, 0]);
    expect(() =>
      normalised([{ code: 'A', values: [1, 2, 3] }], { method: 'distanceToTarget' }),
    ).toThrow(StepError);
  });
});

describe('distanceToReference (COINr n_dist2ref)', () => {
  test('1 − (x_ref − x)/(x_ref − min); capMax caps at 1', () => {
    const x = [2, 4, 6, 8];
    expectClose(norm(x, { method: 'distanceToReference' }, { referenceRow: 1 }), [0, 1, 2, 3]);
    expectClose(
      norm(x, { method: 'distanceToReference', capMax: true }, { referenceRow: 1 }),
      [0, 1, 1, 1],
    );
  });

  test('reference value missing → all NaN; no reference → StepError', () => {
    expectClose(norm([1, NA, 3], { method: 'distanceToReference' }, { referenceRow: 1 }), [
      NA,
      NA,
      NA,
    ]);
    expect(() => norm([1, 2, 3], { method: 'distanceToReference' })).toThrow(StepError);
  });

  test('through runIndex: the unit flagged isReference, or spec.reference', () => {
    const inds = [{ code: 'A', values: [2, 4, 6, 8] }];
    expectClose(normalised(inds, { method: 'distanceToReference' }, 'U2')('A'), [0, 1, 2, 3]);
    expectClose(
      normalised(inds, { method: 'distanceToReference', reference: 'U3' })('A'),
      [0, 0.5, 1, 1.5],
    );
  });
});

describe('goalposts (COINr n_goalposts, posts in the indicator’s units)', () => {
  test('positive direction: (x − l)/(u − l), clamped to [0, 1], × scale', () => {
    expectClose(
      norm([-1, 1, 11], { method: 'goalposts', low: 0, high: 10, scale: 1 }),
      [0, 0.1, 1],
    );
    expectClose(norm([-1, 1, 11], { method: 'goalposts', low: 0, high: 10 }), [0, 10, 100]);
    expectClose(
      norm([-1, 1, 11], { method: 'goalposts', low: 0, high: 10, scale: 1, truncate: false }),
      [-0.1, 0.1, 1.1],
    );
  });

  test('negative direction (COINr test, n_goalposts(·, c(0, 10, 1), direction = −1)): 1 → 0.9, −1 → 1, 11 → 0', () => {
    const spec: NormaliseSpec = { method: 'goalposts', low: 0, high: 10, scale: 1 };
    expectClose(norm([1, -1, 11], spec, { direction: -1 }), [0.9, 1, 0]);
    expectClose(
      norm([1, -1, 11], { ...spec, truncate: false }, { direction: -1 }),
      [0.9, 1.1, -0.1],
    );
  });

  test('COINr test: n_goalposts(x, c(0.2, 0.8, 10)) on values around the posts', () => {
    const x = [0.05, 0.2, 0.35, 0.5, 0.8, 0.95];
    const expected = x.map((v) => Math.min(Math.max((v - 0.2) / 0.6, 0), 1) * 10);
    expectClose(norm(x, { method: 'goalposts', low: 0.2, high: 0.8, scale: 10 }), expected);
    expectClose(goalposts(f64(x), 0.2, 0.8, 10, true, 1), expected);
  });

  test('high post defaults to the standard (or target); none → StepError', () => {
    expectClose(norm([1, 2, 4], { method: 'goalposts' }, { standard: 2 }), [50, 100, 100]);
    expectClose(norm([1, 2, 4], { method: 'goalposts' }, { target: 4 }), [25, 50, 100]);
    expect(() => norm([1, 2, 4], { method: 'goalposts' })).toThrow(StepError);
  });
});

describe('ratioToStandard (评价值 = 实际值 / 标准值 × 100, capped)', () => {
  test('known answer: 0.8, 2.5, 3.1 vs standard 2.5 → 32, 100, 100', () => {
    expectClose(
      norm([0.8, 2.5, 3.1], { method: 'ratioToStandard' }, { standard: 2.5 }),
      [32, 100, 100],
    );
    expectClose(
      [...ratioToStandard(f64([0.8, 2.5, 3.1, NA]), 2.5, 1, { method: 'ratioToStandard' })],
      [32, 100, 100, NA],
    );
  });

  test('equals goalposts(0, standard, 100) for positive indicators, including negatives and values above', () => {
    const x = [-0.5, 0, 0.8, 1.7, 2.5, 3.1, 40];
    const a = norm(x, { method: 'ratioToStandard' }, { standard: 2.5 });
    const b = norm(x, { method: 'goalposts', low: 0, high: 2.5, scale: 100 });
    expect(a).toEqual(b);
  });

  test('cap and floor; negative indicators use standard / value', () => {
    expectClose(
      norm([0.8, 2.5, 3.1], { method: 'ratioToStandard', cap: 120 }, { standard: 2.5 }),
      [32, 100, 120],
    );
    expectClose(norm([-1, 5], { method: 'ratioToStandard' }, { standard: 2.5 }), [0, 100]);
    // Negative: 2 / value × 100, capped; a value of 0 scores the cap.
    expectClose(
      norm([1, 4, 0, 8], { method: 'ratioToStandard' }, { direction: -1, standard: 2 }),
      [100, 50, 100, 25],
    );
  });

  test('through runIndex with framework standards; missing standard → StepError', () => {
    const get = normalised(
      [
        { code: 'A', values: [0.8, 2.5, 3.1], standard: 2.5 },
        { code: 'B', direction: -1, values: [1, 4, 8], standard: 2 },
      ],
      { method: 'ratioToStandard' },
    );
    expectClose(get('A'), [32, 100, 100]);
    expectClose(get('B'), [100, 50, 25]);
    expect(() =>
      normalised([{ code: 'A', values: [1, 2, 3] }], { method: 'ratioToStandard' }),
    ).toThrow(StepError);
  });
});

describe('scaled (COINr n_scaled)', () => {
  test('(x − l)/(u − l) · scale, no clamping (COINr test: npara c(1, 10))', () => {
    const x = [0.5, 1, 5.5, 10, 12];
    expectClose(
      norm(x, { method: 'scaled', low: 1, high: 10 }),
      x.map((v) => ((v - 1) / 9) * 100),
    );
    expectClose(
      norm(x, { method: 'scaled', low: 1, high: 10, scale: 1 }),
      x.map((v) => (v - 1) / 9),
    );
  });

  test('negative direction with posts in own units (use_iMeta flip): (u − x)/(u − l) · scale', () => {
    expectClose(norm([1, 5.5, 10, 12], { method: 'scaled', low: 1, high: 10 }, { direction: -1 }), [
      100,
      50,
      0,
      (-2 / 9) * 100,
    ]);
  });
});

describe('none and overrides through runIndex', () => {
  test("'none' passes data through after the direction multiplication (COINr quirk)", () => {
    const get = normalised(
      [
        { code: 'A', values: [1, 2, 3] },
        { code: 'B', direction: -1, values: [1, 2, 3] },
      ],
      { method: 'none' },
    );
    expect(get('A')).toEqual([1, 2, 3]);
    expect(get('B')).toEqual([-1, -2, -3]);
  });

  test('an override replaces the step method for one indicator only', () => {
    const get = normalised(
      [
        { code: 'A', values: [1, 2, 3] },
        { code: 'B', values: [1, 2, 3] },
      ],
      { method: 'minMax', overrides: { B: { method: 'borda' } } },
    );
    expect(get('A')).toEqual([0, 50, 100]);
    expect(get('B')).toEqual([0, 1, 2]);
  });
});
