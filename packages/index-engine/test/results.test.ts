import { describe, expect, test } from 'vitest';
import {
  assignTiers,
  compareBuilds,
  contributions,
  createIndex,
  effectiveWeights,
  fillSeries,
  getResults,
  type IndexSpec,
  rankWithinGroups,
  removeComponentImpact,
  runIndex,
  runPanel,
  strengthsAndWeaknesses,
  type UnitTable,
  whatIf,
} from '../src/index.ts';
import { ASEM_SPEC, asemFramework, asemPanel, asemTable } from './asemFixture.ts';

const framework = asemFramework();
const table = asemTable(framework);
const input = createIndex(framework, table);
const build = runIndex(input, ASEM_SPEC);

describe('tiers (梯队) by rule', () => {
  test('Chongqing: above the city value / 30 up to it / below 30; equal to the city is second tier', () => {
    const t = assignTiers([75, 70.7, 30, 29.99, Number.NaN], { rule: 'chongqing' }, 70.7);
    expect(t.map((x) => x?.tier ?? null)).toEqual([1, 2, 2, 3, null]);
    expect(t[0]?.label.zh).toBe('第一梯队');
  });
  test('China: above the national value / 50 up to it / below 50', () => {
    const t = assignTiers([80, 75.42, 50, 49.9], { rule: 'china', reference: 75.42 });
    expect(t.map((x) => x?.tier)).toEqual([1, 2, 2, 3]);
  });
  test('EIS: >125, 100–125, 70–100, <70 % of the reference', () => {
    const t = assignTiers([126, 125, 100, 99.9, 70, 69.9], { rule: 'eis' }, 100);
    expect(t.map((x) => x?.tier)).toEqual([1, 2, 2, 3, 3, 4]);
    expect(t[0]?.label.en).toBe('Innovation Leaders');
  });
  test('custom thresholds and quantiles', () => {
    expect(
      assignTiers([90, 60, 59, 10], { rule: 'thresholds', thresholds: [60, 80] }).map(
        (x) => x?.tier,
      ),
    ).toEqual([1, 2, 3, 3]);
    const q = assignTiers([1, 2, 3, 4, 5, 6, 7, 8], { rule: 'quantiles', groups: 4 });
    expect(q.map((x) => x?.tier)).toEqual([4, 4, 3, 3, 2, 2, 1, 1]);
  });
  test('a rule needing a reference refuses to run without one', () => {
    expect(() => assignTiers([1], { rule: 'chongqing' })).toThrow(/reference/);
  });
});

describe('results', () => {
  test('ranks: 1 = highest, ties share the best rank, sorted by the index', () => {
    const rows = getResults(build, { group: 'EurAsia_group' });
    expect(rows[0]?.unit).toBe('CHE');
    expect(rows[0]?.ranks.Index).toBe(1);
    const ranks = rows.map((r) => r.ranks.Index);
    expect(ranks).toEqual([...ranks].sort((a, b) => (a as number) - (b as number)));
    const asia = rows.filter((r) => r.groups.EurAsia_group === 'Asia');
    expect(asia.map((r) => r.groupRanks?.Index)).toEqual(asia.map((_, i) => i + 1));
  });

  test('a reference unit is ranked apart and does not take a place', () => {
    const units = table.units.map((u) => (u.code === 'CHE' ? { ...u, isReference: true } : u));
    const withRef = runIndex(createIndex(framework, { ...table, units }), ASEM_SPEC);
    const rows = getResults(withRef);
    expect(rows.find((r) => r.unit === 'CHE')?.ranks.Index).toBeNaN();
    expect(rows.find((r) => r.unit === 'NLD')?.ranks.Index).toBe(1);
    const agg = withRef.datasets.Aggregated;
    const g = rankWithinGroups(withRef, agg as NonNullable<typeof agg>, 'Index', 'EurAsia_group');
    expect(g[agg?.unitCodes.indexOf('CHE') as number]).toBeNaN();
  });

  test('contributions add up to the score; with full data they are effective weight × value', () => {
    for (const unit of ['CHE', 'LAO', 'MMR']) {
      const parts = contributions(build, unit);
      const total = parts.reduce((s, p) => s + p.contribution, 0);
      const agg = build.datasets.Aggregated;
      const score = agg?.columns.get('Index')?.[agg.unitCodes.indexOf(unit)] as number;
      expect(total).toBeCloseTo(score, 10);
      expect(parts.length).toBe(49);
    }
    const eff = new Map(effectiveWeights(framework).map((e) => [e.code, e.effectiveWeight]));
    for (const p of contributions(build, 'CHE'))
      expect(p.weight).toBeCloseTo(eff.get(p.code) as number, 12);
  });

  test('contributions are refused for non-additive aggregation', () => {
    const geo = runIndex(input, {
      steps: ASEM_SPEC.steps.map((s) =>
        s.step === 'aggregate'
          ? { ...s, method: 'harmonicMean' as const }
          : s.step === 'normalise'
            ? { ...s, range: [1, 100] as [number, number] }
            : s,
      ),
    });
    expect(() => contributions(geo, 'CHE')).toThrow(/arithmetic/);
  });

  test('strengths and weaknesses: best and worst ranks, worst-ranked indicators dropped', () => {
    const { strengths, weaknesses } = strengthsAndWeaknesses(build, 'CHE', { top: 5, bottom: 5 });
    expect(strengths.length).toBe(5);
    expect(weaknesses.length).toBe(5);
    const maxStrength = Math.max(...strengths.map((s) => s.rank));
    const minWeakness = Math.min(...weaknesses.map((s) => s.rank));
    expect(maxStrength).toBeLessThanOrEqual(minWeakness);
    // Independent check of one strength: its rank is 1 + the number of units strictly better.
    const s0 = strengths[0];
    const raw = build.datasets.Raw?.columns.get(s0?.code as string) as Float64Array;
    const dir = framework.nodes.find((n) => n.code === s0?.code)?.direction ?? 1;
    const me = (raw[build.datasets.Raw?.unitCodes.indexOf('CHE') as number] as number) * dir;
    const better = Array.from(raw).filter((v) => !Number.isNaN(v) && v * dir > me).length;
    expect(s0?.rank).toBe(better + 1);
    expect(s0?.parent).toBeDefined();
  });

  test('what-if: a better value moves the unit up; the comparison reports points and ranks', () => {
    const { comparison } = whatIf(build, { values: [{ unit: 'MMR', code: 'LPI', value: 4.5 }] });
    const mmr = comparison.find((c) => c.unit === 'MMR');
    expect(mmr?.change).toBeGreaterThan(0);
    expect(mmr?.rankChange).toBeGreaterThanOrEqual(0);
    const w = whatIf(build, { weights: { Sust: 0 } });
    const conn = build.datasets.Aggregated?.columns.get('Conn') as Float64Array;
    expect(Array.from(w.build.datasets.Aggregated?.columns.get('Index') as Float64Array)).toEqual(
      Array.from(conn),
    );
  });

  test('remove-one-component impact: removing a sub-index moves ranks, MeanAbsDiff matches', () => {
    const impact = removeComponentImpact(build, 3);
    expect(impact.map((i) => i.code)).toEqual(['Conn', 'Sust']);
    for (const i of impact) {
      const diffs = Object.values(i.rankChanges);
      expect(i.meanAbsoluteChange).toBeCloseTo(
        diffs.reduce((s, d) => s + Math.abs(d), 0) / diffs.length,
        12,
      );
      expect(i.meanAbsoluteChange).toBeGreaterThan(0);
    }
  });

  test('comparing two years reports score and rank changes per unit', () => {
    const panel = runPanel(framework, asemPanel(framework), ASEM_SPEC as IndexSpec);
    const [y2018, y2019] = panel.builds;
    const cmp = compareBuilds(
      y2018 as NonNullable<typeof y2018>,
      y2019 as NonNullable<typeof y2019>,
    );
    expect(cmp.length).toBe(51);
    for (const c of cmp) {
      if (!Number.isNaN(c.change)) expect(c.change).toBeCloseTo(c.after - c.before, 12);
    }
  });
});

describe('panels', () => {
  const tables = asemPanel(framework);
  test('the ASEM panel has 5 years of 51 units', () => {
    expect(tables.map((t: UnitTable) => t.time)).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(tables.every((t) => t.units.length === 51)).toBe(true);
  });

  test('global normalisation takes min and max across all years (EIS style)', () => {
    const spec: IndexSpec = {
      steps: [
        { step: 'screen', minDataShare: 0.9, by: 'missing' },
        { step: 'treat' },
        { step: 'normalise', method: 'minMax', range: [0, 100], global: true },
        { step: 'aggregate', method: 'arithmeticMean' },
      ],
    };
    const panel = runPanel(framework, tables, spec);
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    const perYearMax: number[] = [];
    for (const b of panel.builds) {
      const col = b.datasets.Normalised?.columns.get('LPI') as Float64Array;
      const vals = Array.from(col).filter((v) => !Number.isNaN(v));
      lo = Math.min(lo, ...vals);
      hi = Math.max(hi, ...vals);
      perYearMax.push(Math.max(...vals));
    }
    expect(lo).toBeCloseTo(0, 12);
    expect(hi).toBeCloseTo(100, 12);
    expect(perYearMax.some((m) => m < 100 - 1e-9)).toBe(true);
    const local = runPanel(framework, tables, {
      steps: spec.steps.map((s) => (s.step === 'normalise' ? { ...s, global: false } : s)),
    });
    for (const b of local.builds) {
      const col = Array.from(b.datasets.Normalised?.columns.get('LPI') as Float64Array).filter(
        (v) => !Number.isNaN(v),
      );
      expect(Math.max(...col)).toBeCloseTo(100, 12);
    }
  });

  test('panel imputation: latest (with look-back limit), constant and linear', () => {
    const times = [2018, 2019, 2020, 2021, 2022];
    const s = [Number.NaN, 2, Number.NaN, Number.NaN, 8];
    expect(fillSeries(s, times, { method: 'latest' })).toEqual([Number.NaN, 2, 2, 2, 8]);
    expect(fillSeries(s, times, { method: 'latest', maxTime: 1 })).toEqual([
      Number.NaN,
      2,
      2,
      Number.NaN,
      8,
    ]);
    expect(fillSeries(s, times, { method: 'constant' })).toEqual([2, 2, 2, 2, 8]);
    expect(fillSeries(s, times, { method: 'linear' })).toEqual([2, 2, 4, 6, 8]);
    expect(fillSeries([Number.NaN, 5, Number.NaN], [1, 2, 3], { method: 'linear' })).toEqual([
      5, 5, 5,
    ]);
  });

  test('panel imputation through runPanel fills gaps from other years and never changes data', () => {
    const holed = tables.map((t) => ({
      ...t,
      indicators: { ...t.indicators, LPI: Float64Array.from(t.indicators.LPI as Float64Array) },
    }));
    (holed[2]?.indicators.LPI as Float64Array)[0] = Number.NaN;
    const panel = runPanel(framework, holed, { steps: [{ step: 'impute', method: 'latest' }] });
    const imputed = panel.builds[2]?.datasets.Imputed?.columns.get('LPI') as Float64Array;
    const before = tables[1]?.indicators.LPI as Float64Array;
    const same = tables[2]?.indicators.LPI as Float64Array;
    expect(imputed[0]).toBe(before[0]);
    expect(Array.from(imputed).slice(1)).toEqual(Array.from(same).slice(1));
  });
});
