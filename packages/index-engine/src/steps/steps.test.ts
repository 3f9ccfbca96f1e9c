import { describe, expect, test } from 'vitest';
import { createIndex } from '../createIndex.ts';
import { IndexInputError, type InputIssue, StepError } from '../errors.ts';
import { compileFramework } from '../framework.ts';
import { logCT } from '../methods/treatments.ts';
import { runIndex } from '../runIndex.ts';
import { validateSpec } from '../spec.ts';
import type {
  Dataset,
  Direction,
  FrameworkNode,
  IndexSpec,
  Step,
  TreatStep,
  UnitTable,
} from '../types.ts';
import { treatColumn } from './treat.ts';

const NA = Number.NaN;
const f64 = (v: number[]) => Float64Array.from(v);
const seq = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

type Ind = { code: string; parent?: string; direction?: Direction; denominator?: string };

/** Index ← pillars ← indicators (pillar default 'P1'). */
function nodesOf(indicators: Ind[]): FrameworkNode[] {
  const pillars = [...new Set(indicators.map((i) => i.parent ?? 'P1'))];
  return [
    { code: 'Index', names: {}, level: 3, parent: null, direction: 1, weight: 1 },
    ...pillars.map((p) => ({
      code: p,
      names: {},
      level: 2,
      parent: 'Index',
      direction: 1 as const,
      weight: 1,
    })),
    ...indicators.map((i) => ({
      code: i.code,
      names: {},
      level: 1,
      parent: i.parent ?? 'P1',
      direction: i.direction ?? 1,
      weight: 1,
      denominator: i.denominator,
    })),
  ];
}

function makeInput(
  indicators: (Ind & { values: number[] })[],
  opts: {
    groups?: (string | null)[];
    denominators?: Record<string, number[]>;
  } = {},
) {
  const n = indicators[0]?.values.length ?? 0;
  const table: UnitTable = {
    units: Array.from({ length: n }, (_, i) => ({
      code: `U${i + 1}`,
      names: {},
      groups: (opts.groups ? { region: opts.groups[i] ?? null } : {}) as Record<
        string,
        string | null
      >,
    })),
    indicators: Object.fromEntries(indicators.map((i) => [i.code, f64(i.values)])),
    denominators: opts.denominators
      ? Object.fromEntries(Object.entries(opts.denominators).map(([k, v]) => [k, f64(v)]))
      : undefined,
  };
  return createIndex({ nodes: nodesOf(indicators) }, table);
}

function col(ds: Dataset | undefined, code: string): number[] {
  const c = ds?.columns.get(code);
  if (!c) throw new Error(`no column ${code}`);
  return [...c];
}

/** Non-missing input values are unchanged, bit for bit. */
function expectObservedUnchanged(before: Dataset, after: Dataset | undefined): void {
  for (const [code, x] of before.columns) {
    const y = after?.columns.get(code) as Float64Array;
    x.forEach((v, i) => {
      if (!Number.isNaN(v)) expect(Object.is(y[i], v), `${code}[${i}]`).toBe(true);
    });
  }
}

function issuesOf(f: () => unknown): InputIssue[] {
  try {
    f();
  } catch (e) {
    if (e instanceof IndexInputError) return e.issues;
    throw e;
  }
  throw new Error('expected an IndexInputError');
}

const HAN = /[\u4e00-\u9fff]/;

describe('denominate (COINr Denominate)', () => {
  const input = () =>
    makeInput(
      [
        { code: 'A', denominator: 'Pop', values: [10, 10, 0, 5, NA, -3] },
        { code: 'B', values: [1, 2, 3, 4, 5, 6] },
      ],
      { denominators: { Pop: [4, 3, 0, NA, 2, 0] } },
    );

  test('x / d by default; zero denominator → ±Infinity, 0/0 → NaN, missing → NaN', () => {
    const build = runIndex(input(), { steps: [{ step: 'denominate' }] });
    const a = col(build.datasets.Denominated, 'A');
    expect(a[0]).toBe(2.5);
    expect(a[1]).toBe(10 / 3);
    expect(a[2]).toBeNaN(); // 0 / 0
    expect(a[3]).toBeNaN(); // missing denominator
    expect(a[4]).toBeNaN(); // missing value
    expect(a[5]).toBe(Number.NEGATIVE_INFINITY); // −3 / 0
    // Indicators without a denominator are untouched.
    expect(col(build.datasets.Denominated, 'B')).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test("x / (d / s) in COINr's order (d / s first), e.g. 10 / (3 / 7) ≠ 10 · 7 / 3 in floating point", () => {
    const ok = makeInput([{ code: 'A', denominator: 'Pop', values: [10, 5] }], {
      denominators: { Pop: [3, 0] },
    });
    const build = runIndex(ok, {
      steps: [{ step: 'denominate', scaleFactors: { A: 7 } }],
    });
    const a = col(build.datasets.Denominated, 'A');
    expect(a[0]).toBe(10 / (3 / 7));
    expect(a[0]).not.toBe((10 * 7) / 3);
    expect(a[1]).toBe(Number.POSITIVE_INFINITY);
  });

  test('explicit pairs; an unknown denominator or indicator is reported', () => {
    const inp = input();
    const build = runIndex(inp, { steps: [{ step: 'denominate', denominators: { B: 'Pop' } }] });
    expect(col(build.datasets.Denominated, 'B')[0]).toBe(0.25);
    expect(col(build.datasets.Denominated, 'A')[0]).toBe(10);
    const issues = issuesOf(() =>
      runIndex(inp, { steps: [{ step: 'denominate', denominators: { B: 'GDP', Z: 'Pop' } }] }),
    );
    expect(issues.map((i) => i.kind).sort()).toEqual(['missingColumn', 'unknownDenominator']);
  });
});

describe('impute (COINr Impute)', () => {
  test('column mean and median; observed values never change', () => {
    const inp = makeInput([
      { code: 'A', values: [1, NA, 3, 8] },
      { code: 'B', values: [NA, 2, 4, 100] },
    ]);
    const m = runIndex(inp, { steps: [{ step: 'impute', method: 'mean' }] });
    expect(col(m.datasets.Imputed, 'A')).toEqual([1, 4, 3, 8]);
    expect(col(m.datasets.Imputed, 'B')).toEqual([106 / 3, 2, 4, 100]);
    expectObservedUnchanged(inp.raw, m.datasets.Imputed);
    expect(m.details.imputed).toEqual([
      { unit: 'U2', code: 'A' },
      { unit: 'U1', code: 'B' },
    ]);
    const md = runIndex(inp, { steps: [{ step: 'impute', method: 'median' }] });
    expect(col(md.datasets.Imputed, 'A')).toEqual([1, 3, 3, 8]);
    expect(col(md.datasets.Imputed, 'B')).toEqual([4, 2, 4, 100]);
    expect(md.messages).toEqual([]);
  });

  test('groupMean: within the group; null group untouched; empty group stays NaN with a message', () => {
    const inp = makeInput([{ code: 'A', values: [1, 3, NA, 10, NA, NA, NA, 7] }], {
      groups: ['E', 'E', 'E', 'W', 'W', 'S', null, null],
    });
    const build = runIndex(inp, {
      steps: [{ step: 'impute', method: 'groupMean', group: 'region' }],
    });
    const a = col(build.datasets.Imputed, 'A');
    expect(a.slice(0, 5)).toEqual([1, 3, 2, 10, 10]);
    expect(a[5]).toBeNaN(); // group S has no observed value
    expect(a[6]).toBeNaN(); // no group: untouched
    expect(a[7]).toBe(7);
    expectObservedUnchanged(inp.raw, build.datasets.Imputed);
    expect(build.messages).toHaveLength(1);
    expect(build.messages[0]?.step).toBe('impute');
    expect(build.messages[0]?.message.en).toMatch(/still missing/);
    expect(build.messages[0]?.message.zh).toMatch(HAN);
    const median = runIndex(inp, {
      steps: [{ step: 'impute', method: 'groupMedian', group: 'region' }],
    });
    expect(col(median.datasets.Imputed, 'A').slice(0, 5)).toEqual([1, 3, 2, 10, 10]);
  });

  test('groupMean without a group column, or with an unknown one → error', () => {
    const inp = makeInput([{ code: 'A', values: [1, NA] }], { groups: ['E', 'E'] });
    expect(() =>
      runIndex(inp, { steps: [{ step: 'impute', method: 'groupMean', group: 'nope' }] }),
    ).toThrow(StepError);
    expect(() => runIndex(inp, { steps: [{ step: 'impute', method: 'groupMean' }] })).toThrow(
      IndexInputError,
    );
  });

  // A (+), B (−) in P1; C, D (+) in P2. U3 misses A.
  const rowData = [
    { code: 'A', parent: 'P1', values: [1, 3, NA, 5] },
    { code: 'B', parent: 'P1', direction: -1 as const, values: [10, 20, 30, 40] },
    { code: 'C', parent: 'P2', values: [0, 50, 100, 25] },
    { code: 'D', parent: 'P2', values: [2, 4, 6, 8] },
  ];
  // Direction-adjusted min–max to [0, 1] for U3: B' = (−30 + 40)/30 = 1/3; C = 1; D = 2/3.

  test('by row with normaliseFirst (default): mean of the scaled row, scaled back', () => {
    const inp = makeInput(rowData);
    const build = runIndex(inp, { steps: [{ step: 'impute', method: 'mean', by: 'row' }] });
    const y = (1 / 3 + 1 + 2 / 3) / 3;
    expect(col(build.datasets.Imputed, 'A')[2]).toBeCloseTo(y * (5 - 1) + 1, 13);
    expectObservedUnchanged(inp.raw, build.datasets.Imputed);
  });

  test('by row restricted to the same pillar (groupLevel 2)', () => {
    const inp = makeInput(rowData);
    const build = runIndex(inp, {
      steps: [{ step: 'impute', method: 'mean', by: 'row', groupLevel: 2 }],
    });
    // Only B in P1: y = 1/3 → A = 1/3 · 4 + 1.
    expect(col(build.datasets.Imputed, 'A')[2]).toBeCloseTo(7 / 3, 13);
    expectObservedUnchanged(inp.raw, build.datasets.Imputed);
  });

  test('by row, negative-direction column: back-transform (y·(max − min) + min)·direction', () => {
    const data = rowData.map((d) =>
      d.code === 'A'
        ? { ...d, values: [1, 3, 4, 5] }
        : d.code === 'B'
          ? { ...d, values: [10, 20, NA, 40] }
          : d,
    );
    const inp = makeInput(data);
    const build = runIndex(inp, {
      steps: [{ step: 'impute', method: 'mean', by: 'row', groupLevel: 2 }],
    });
    // A scaled for U3 = (4 − 1)/4 = 0.75; B' = −B over observed: min −40, max −10.
    // B = (0.75 · 30 − 40) · (−1) = 17.5.
    expect(col(build.datasets.Imputed, 'B')[2]).toBeCloseTo(17.5, 13);
  });

  test('by row with normaliseFirst false: plain mean of the raw row', () => {
    const inp = makeInput(rowData);
    const build = runIndex(inp, {
      steps: [{ step: 'impute', method: 'mean', by: 'row', normaliseFirst: false }],
    });
    expect(col(build.datasets.Imputed, 'A')[2]).toBeCloseTo((30 + 100 + 6) / 3, 13);
  });

  test('panel methods on a single table → StepError', () => {
    const inp = makeInput(rowData);
    expect(() => runIndex(inp, { steps: [{ step: 'impute', method: 'latest' }] })).toThrow(
      StepError,
    );
  });
});

describe('screen (COINr Screen)', () => {
  // 4 indicators: shares of available data 1, 0.75, 0.5, 0.25.
  const data = [
    { code: 'A', values: [1, 0, 0, NA, 0] },
    { code: 'B', values: [2, NA, NA, NA, 0] },
    { code: 'C', values: [3, 5, NA, NA, 1] },
    { code: 'D', values: [4, 6, 7, 8, 0] },
  ];

  test('dataShare threshold is strict: exactly at it is kept', () => {
    const inp = makeInput(data);
    const at = runIndex(inp, { steps: [{ step: 'screen', minDataShare: 0.75 }] });
    expect(at.datasets.Screened?.unitCodes).toEqual(['U1', 'U2', 'U5']);
    const above = runIndex(inp, { steps: [{ step: 'screen', minDataShare: 0.76 }] });
    expect(above.datasets.Screened?.unitCodes).toEqual(['U1', 'U5']);
    const half = runIndex(inp, { steps: [{ step: 'screen', minDataShare: 0.5 }] });
    expect(half.datasets.Screened?.unitCodes).toEqual(['U1', 'U2', 'U3', 'U5']);
    expect(col(at.datasets.Screened, 'C')).toEqual([3, 5, 1]);
    const d = at.details.screen?.find((s) => s.unit === 'U2');
    expect(d).toMatchObject({ missing: 1, zeros: 1, dataShare: 0.75, included: true });
    expect(d?.nonZeroShare).toBeCloseTo(2 / 3, 15);
  });

  test('default threshold 2/3 (COINr code default)', () => {
    const build = runIndex(makeInput(data), { steps: [{ step: 'screen' }] });
    expect(build.datasets.Screened?.unitCodes).toEqual(['U1', 'U2', 'U5']);
  });

  test('zeros rule: nonZeroShare = 1 − zeros/(n − missing), strict threshold', () => {
    const inp = makeInput(data);
    // nonZero: U1 1, U2 2/3, U3 1/2, U4 1, U5 1/4.
    const z = runIndex(inp, { steps: [{ step: 'screen', by: 'zeros', minNonZeroShare: 0.5 }] });
    expect(z.datasets.Screened?.unitCodes).toEqual(['U1', 'U2', 'U3', 'U4']);
    const both = runIndex(inp, {
      steps: [{ step: 'screen', by: 'missingAndZeros', minDataShare: 0.5, minNonZeroShare: 0.5 }],
    });
    expect(both.datasets.Screened?.unitCodes).toEqual(['U1', 'U2', 'U3']);
    expect(z.details.screen?.find((s) => s.unit === 'U5')?.nonZeroShare).toBe(0.25);
  });

  test('forceIn and forceOut apply after the rule', () => {
    const build = runIndex(makeInput(data), {
      steps: [{ step: 'screen', minDataShare: 0.75, forceIn: ['U4'], forceOut: ['U1'] }],
    });
    expect(build.datasets.Screened?.unitCodes).toEqual(['U2', 'U4', 'U5']);
    expect(build.details.screen?.find((s) => s.unit === 'U4')?.included).toBe(true);
  });
});

describe('treat (COINr Treat)', () => {
  const twoOutliers = [...seq(1, 20), 100, 200];

  test('default rule per column; overrides: "none" and per-indicator settings', () => {
    const y = [...seq(1, 21), 100];
    const inp = makeInput([
      { code: 'A', values: y },
      { code: 'B', values: y },
      { code: 'C', values: twoOutliers },
      { code: 'D', values: y },
    ]);
    const spec: TreatStep = {
      step: 'treat',
      overrides: {
        B: 'none',
        C: { maxWinsorised: 1 },
        D: { skewThreshold: 100 },
      },
    };
    const build = runIndex(inp, { steps: [spec] });
    const treated = build.datasets.Treated;
    // A: default rule, 100 → 21.
    expect(col(treated, 'A')).toEqual([...seq(1, 21), 21]);
    expect(build.details.treat?.find((d) => d.code === 'A')).toMatchObject({
      applied: 'winsorise',
      winsorised: 1,
      points: [{ unit: 'U22', flag: 'winhi' }],
    });
    // B: 'none' → untouched and no detail row.
    expect(col(treated, 'B')).toEqual(y);
    expect(build.details.treat?.some((d) => d.code === 'B')).toBe(false);
    // C (COINr test): one point allowed, still fails → log_CT of the original column.
    const c = build.details.treat?.find((d) => d.code === 'C');
    expect(c?.winsorised).toBe(1);
    expect(c?.afterFirst?.pass).toBe(false);
    expect(c?.applied).toBe('logCT');
    expect(col(treated, 'C')).toEqual([...logCT(f64(twoOutliers)).x]);
    expect(c?.points.find((p) => p.unit === 'U22')?.flag).toBe('winhi+log_CT');
    expect(c?.points.find((p) => p.unit === 'U1')?.flag).toBe('+log_CT');
    // D: threshold raised → passes, untreated, detail with applied 'none'.
    expect(col(treated, 'D')).toEqual(y);
    expect(build.details.treat?.find((d) => d.code === 'D')?.applied).toBe('none');
  });

  test('an undefined check (constant column, < 3 values) leaves the column untreated, no detail', () => {
    expect(treatColumn(f64([4, 4, 4, 4]), {})).toBeNull();
    expect(treatColumn(f64([1, NA, NA, 9]), {})).toBeNull();
  });

  test('combine: the fallback runs on the first treatment’s output', () => {
    const x = f64(twoOutliers);
    const r = treatColumn(x, { maxWinsorised: 1, combine: true });
    const winsorisedOnce = [...seq(1, 20), 100, 100];
    expect([...(r?.x ?? [])]).toEqual([...logCT(f64(winsorisedOnce)).x]);
  });

  // COINr Treat.numeric only calls f1 when the first check fails (`if(!pass){ f1 … } else
  // { x1 <- x }`), so force_win = TRUE never touches a column that already passes.
  test('COINr: forceWinsorise does not winsorise a column that passes the check', () => {
    const x = f64([1, 2, 3, 4, 5, 6]);
    const r = treatColumn(x, { forceWinsorise: true, maxWinsorised: 2 });
    expect([...(r?.x ?? [])]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r?.detail.winsorised).toBe(0);
    expect(r?.detail.applied).toBe('none');
  });

  test('forceWinsorise on a failing column winsorises up to the limit (COINr test: 3 points)', () => {
    const r = treatColumn(f64(twoOutliers), { forceWinsorise: true, maxWinsorised: 3 });
    expect(r?.detail.winsorised).toBe(3);
    expect(r?.flags.filter((f) => f !== '').length).toBe(3);
  });
});

describe('spec validation (bilingual, all problems at once)', () => {
  const bilingualIssues = (spec: unknown) => {
    const issues = issuesOf(() => validateSpec(spec));
    for (const i of issues) {
      expect(i.kind).toBe('invalidSpec');
      expect(i.message.zh).toMatch(HAN);
      expect(i.message.en).toMatch(/^[\x20-\x7e]+$/);
    }
    return issues;
  };

  test('unknown step', () => {
    const [i] = bilingualIssues({ steps: [{ step: 'smooth' }] });
    expect(i?.field).toBe('steps[0]');
    expect(i?.message.en).toMatch(/unknown step "smooth"/);
  });

  test('steps out of order', () => {
    const issues = bilingualIssues({
      steps: [
        { step: 'normalise', method: 'minMax' },
        { step: 'impute', method: 'mean' },
      ],
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('steps[1]');
    expect(issues[0]?.message.en).toMatch(/impute must come before normalise/);
  });

  test('unknown method (also inside a per-level list)', () => {
    const [a] = bilingualIssues({ steps: [{ step: 'aggregate', method: 'mode' }] });
    expect(a?.field).toBe('steps[0].method');
    expect(a?.message.en).toMatch(/unknown method "mode"/);
    const [b] = bilingualIssues({
      steps: [{ step: 'aggregate', method: ['arithmeticMean', 'max'] }],
    });
    expect(b?.message.en).toMatch(/"max"/);
    const [c] = bilingualIssues({ steps: [{ step: 'treat', fallback: 'log10' }] });
    expect(c?.field).toBe('steps[0].fallback');
  });

  test('shares outside [0, 1]: minDataShare 1.5 (1 itself is valid)', () => {
    const [i] = bilingualIssues({ steps: [{ step: 'screen', minDataShare: 1.5 }] });
    expect(i?.field).toBe('steps[0].minDataShare');
    expect(() => validateSpec({ steps: [{ step: 'screen', minDataShare: 1 }] })).not.toThrow();
    expect(() => validateSpec({ steps: [{ step: 'screen', minDataShare: 0 }] })).not.toThrow();
    bilingualIssues({ steps: [{ step: 'screen', minDataShare: -0.01 }] });
    bilingualIssues({
      steps: [{ step: 'aggregate', method: 'arithmeticMean', minDataShare: [0.5, 2] }],
    });
  });

  test('several problems are reported together; runIndex validates too', () => {
    const issues = bilingualIssues({
      steps: [
        { step: 'treat', method: 'clip' },
        { step: 'screen', minDataShare: 3 },
        { step: 'foo' },
        { step: 'aggregate', method: 'arithmeticMean' },
      ],
      weights: { A: -1 },
    });
    expect(issues.map((i) => i.field)).toEqual([
      'steps[0].method',
      'steps[1]',
      'steps[1].minDataShare',
      'steps[2]',
      'weights.A',
    ]);
    const inp = makeInput([{ code: 'A', values: [1, 2] }]);
    const bad = { steps: [{ step: 'nope' }] } as unknown as IndexSpec;
    expect(() => runIndex(inp, bad)).toThrow(IndexInputError);
    const ok: Step[] = [{ step: 'impute', method: 'mean' }];
    expect(validateSpec({ steps: ok }).steps).toBe(ok);
  });

  test('not an object with steps', () => {
    const [i] = bilingualIssues(null);
    expect(i?.field).toBe('spec');
    bilingualIssues({ steps: 'impute' });
  });
});

describe('framework validation (all problems at once)', () => {
  test('unknown parent, cycle, duplicate code, negative weight and two roots in one error', () => {
    const base = (n: Partial<FrameworkNode> & { code: string }): FrameworkNode => ({
      names: {},
      level: 1,
      parent: 'P',
      direction: 1,
      weight: 1,
      ...n,
    });
    const issues = issuesOf(() =>
      compileFramework({
        nodes: [
          base({ code: 'Index', level: 3, parent: null }),
          base({ code: 'P', level: 2, parent: 'Index' }),
          base({ code: 'A' }),
          base({ code: 'A' }),
          base({ code: 'B', weight: -0.5 }),
          base({ code: 'C', parent: 'Nowhere' }),
          base({ code: 'X', level: 2, parent: 'Y' }),
          base({ code: 'Y', level: 3, parent: 'X' }),
          base({ code: 'Other', level: 3, parent: null }),
        ],
      }),
    );
    const kinds = new Set(issues.map((i) => i.kind));
    for (const k of ['unknownParent', 'cycle', 'duplicateCode', 'negativeWeight', 'rootCount']) {
      expect(kinds.has(k as InputIssue['kind']), k).toBe(true);
    }
    expect(issues.find((i) => i.kind === 'unknownParent')?.node).toBe('C');
    expect(issues.find((i) => i.kind === 'duplicateCode')?.node).toBe('A');
    expect(issues.find((i) => i.kind === 'negativeWeight')?.node).toBe('B');
    expect(issues.filter((i) => i.kind === 'cycle')).toHaveLength(1);
    expect(issues.find((i) => i.kind === 'rootCount')?.message.en).toMatch(/found 2: Index, Other/);
    for (const i of issues) {
      expect(i.message.zh).toMatch(HAN);
      expect(i.message.en.length).toBeGreaterThan(0);
    }
  });

  test('a valid framework compiles: levels, children, root', () => {
    const tree = compileFramework({
      nodes: nodesOf([{ code: 'A' }, { code: 'B', parent: 'P2' }, { code: 'C' }]),
    });
    expect(tree.root).toBe('Index');
    expect(tree.maxLevel).toBe(3);
    expect(tree.indicators).toEqual(['A', 'B', 'C']);
    expect(tree.children.get('P1')).toEqual(['A', 'C']);
    expect(tree.levels[2]).toEqual(['P1', 'P2']);
  });

  test('createIndex reports a missing indicator column and a duplicate unit together', () => {
    const issues = issuesOf(() =>
      createIndex(
        { nodes: nodesOf([{ code: 'A' }, { code: 'B' }]) },
        {
          units: [
            { code: 'U1', names: {}, groups: {} },
            { code: 'U1', names: {}, groups: {} },
          ],
          indicators: { A: f64([1, 2]) },
        },
      ),
    );
    expect(issues.map((i) => i.kind).sort()).toEqual(['duplicateUnit', 'missingColumn']);
  });
});
