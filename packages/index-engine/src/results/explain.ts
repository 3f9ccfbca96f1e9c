import { getColumn } from '../dataset.ts';
import { bilingual, StepError } from '../errors.ts';
import { activeWeightSet } from '../runIndex.ts';
import { rankDescending } from '../statistics.ts';
import type { AggregateStep, Dataset, IndexBuild } from '../types.ts';
import { rankColumn, unitRecords } from './ranks.ts';

export type Contribution = { code: string; value: number; weight: number; contribution: number };

/**
 * Each indicator's contribution to a unit's score for `target` (default the index): its
 * normalised value times its effective weight for that unit, where weights are rescaled within
 * each group over the members the unit has data for (as the arithmetic mean does). The
 * contributions add up to the score. Only additive aggregation (arithmeticMean at every level)
 * decomposes exactly; other methods are refused.
 */
export function contributions(build: IndexBuild, unit: string, target?: string): Contribution[] {
  const step = build.spec.steps.find((s): s is AggregateStep => s.step === 'aggregate');
  const methods = step ? (Array.isArray(step.method) ? step.method : [step.method]) : [];
  if (!step || methods.some((m) => m !== 'arithmeticMean')) {
    throw new StepError({
      message: bilingual(
        '贡献分解仅适用于各层均为加权算术平均的指数',
        'contributions decompose exactly only when every level uses the arithmetic mean',
      ),
    });
  }
  const agg = build.datasets.Aggregated as Dataset;
  const row = agg.unitCodes.indexOf(unit);
  if (row < 0) throw new Error(`没有单元 ${unit} / no unit ${unit}`);
  const tree = build.input.ctx.tree;
  const weights = activeWeightSet(build);
  const out: Contribution[] = [];
  const walk = (code: string, share: number) => {
    const members = (tree.children.get(code) ?? []).filter(
      (c) => !Number.isNaN(getColumn(agg, c)[row] as number),
    );
    if (members.length === 0) {
      const value = getColumn(agg, code)[row] as number;
      out.push({ code, value, weight: share, contribution: share * value });
      return;
    }
    const total = members.reduce((s, c) => s + (weights[c] ?? 0), 0);
    for (const c of members) walk(c, (share * (weights[c] ?? 0)) / total);
  };
  walk(target ?? tree.root, 1);
  return out;
}

export type RankedIndicator = {
  code: string;
  names: { zh?: string; en?: string };
  /** Ancestor at `reportLevel`. */
  parent: string | undefined;
  rank: number;
  value: number;
  unit?: string;
};

export type StrengthsOptions = {
  dataset?: 'Raw' | 'Denominated' | 'Imputed' | 'Treated' | 'Normalised' | 'Aggregated';
  top?: number;
  bottom?: number;
  /** Rank within the unit's group in this column. */
  group?: string;
  /** Drop indicators whose share of unique values is not above this (e.g. binary ones). */
  uniqueDiscard?: number;
  /** Drop indicators on which the unit has the worst rank (COINr default true). */
  minDiscard?: boolean;
  reportLevel?: number;
  /** Multiply by direction before ranking; default true only for Raw (COINr). */
  adjustDirection?: boolean;
};

/**
 * A unit's strongest and weakest indicators by rank (COINr `get_str_weak`): rank every indicator
 * across units (within the unit's group if asked), drop the unit's missing indicators, those
 * with too few unique values, and (by default) those where it ranks last; the first `top`
 * ranks are strengths and the last `bottom` are weaknesses.
 */
export function strengthsAndWeaknesses(
  build: IndexBuild,
  unit: string,
  options: StrengthsOptions = {},
): { strengths: RankedIndicator[]; weaknesses: RankedIndicator[] } {
  const name = options.dataset ?? 'Raw';
  const dataset = build.datasets[name] ?? build.input.raw;
  const tree = build.input.ctx.tree;
  const units = unitRecords(build, dataset);
  const row = dataset.unitCodes.indexOf(unit);
  if (row < 0) throw new Error(`没有单元 ${unit} / no unit ${unit}`);
  const self = units[row];
  const adjust = options.adjustDirection ?? name === 'Raw';
  const peers = units
    .map((_, i) => i)
    .filter((i) => {
      if (units[i]?.isReference && i !== row) return false;
      if (!options.group) return true;
      return units[i]?.groups[options.group] === self?.groups[options.group];
    });
  const ranked: RankedIndicator[] = [];
  for (const code of tree.indicators) {
    const col = dataset.columns.get(code);
    if (!col) continue;
    const dir = adjust ? (tree.byCode.get(code)?.direction ?? 1) : 1;
    const values = peers.map((i) => (col[i] as number) * dir);
    const selfPos = peers.indexOf(row);
    const own = values[selfPos] as number;
    if (Number.isNaN(own)) continue;
    if (options.uniqueDiscard !== undefined) {
      const present = values.filter((v) => !Number.isNaN(v));
      if (new Set(present).size / present.length <= options.uniqueDiscard) continue;
    }
    const ranks = rankDescending(values);
    const rank = ranks[selfPos] as number;
    let worst = 0;
    for (const r of ranks) if (!Number.isNaN(r) && r > worst) worst = r;
    if ((options.minDiscard ?? true) && rank === worst) continue;
    const node = tree.byCode.get(code);
    let parent = node;
    while (parent && parent.level < (options.reportLevel ?? 2)) {
      parent = parent.parent ? tree.byCode.get(parent.parent) : undefined;
    }
    ranked.push({
      code,
      names: node?.names ?? {},
      parent: parent?.code,
      rank,
      value: col[row] as number,
      unit: node?.unit,
    });
  }
  ranked.sort((a, b) => a.rank - b.rank);
  const top = options.top ?? 5;
  const bottom = options.bottom ?? 5;
  return {
    strengths: ranked.slice(0, top),
    weaknesses: ranked.slice(Math.max(ranked.length - bottom, 0)).reverse(),
  };
}

export type UnitComparison = {
  unit: string;
  before: number;
  after: number;
  /** after − before, in points. */
  change: number;
  rankBefore: number;
  rankAfter: number;
  /** rankBefore − rankAfter: positive = moved up. */
  rankChange: number;
};

/**
 * Compare two builds (two years, two methods, a what-if) on one code, matching units by code
 * (COINr `compare_coins`). Units present in only one build get NaN on the other side.
 */
export function compareBuilds(
  before: IndexBuild,
  after: IndexBuild,
  code?: string,
  dataset: 'Aggregated' | 'Normalised' | 'Raw' = 'Aggregated',
): UnitComparison[] {
  const c = code ?? before.input.ctx.tree.root;
  const a = before.datasets[dataset] as Dataset;
  const b = after.datasets[dataset] as Dataset;
  const ra = rankColumn(before, a, c);
  const rb = rankColumn(after, b, c);
  const ca = getColumn(a, c);
  const cb = getColumn(b, c);
  const rowB = new Map(b.unitCodes.map((u, i) => [u, i]));
  const units = [...new Set([...a.unitCodes, ...b.unitCodes])];
  const rowA = new Map(a.unitCodes.map((u, i) => [u, i]));
  return units.map((unit) => {
    const i = rowA.get(unit);
    const j = rowB.get(unit);
    const x = i === undefined ? Number.NaN : (ca[i] as number);
    const y = j === undefined ? Number.NaN : (cb[j] as number);
    const rx = i === undefined ? Number.NaN : (ra[i] as number);
    const ry = j === undefined ? Number.NaN : (rb[j] as number);
    return {
      unit,
      before: x,
      after: y,
      change: y - x,
      rankBefore: rx,
      rankAfter: ry,
      rankChange: rx - ry,
    };
  });
}
