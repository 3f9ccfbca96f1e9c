import { getColumn } from '../dataset.ts';
import { regenerate } from '../regenerate.ts';
import { runIndex } from '../runIndex.ts';
import type { IndexBuild, IndexSpec, WeightSet } from '../types.ts';
import { compareBuilds, type UnitComparison } from './explain.ts';
import { rankColumn } from './ranks.ts';

export type WhatIfChange = {
  /** Raw values to replace (e.g. "what if 璧山区 had 20 more high-tech enterprises"). */
  values?: { unit: string; code: string; value: number }[];
  /** Weights to change in the active ('Original') set, code → weight. */
  weights?: WeightSet;
  /** A whole new spec (methods changed); weights above still apply on top. */
  spec?: IndexSpec;
};

/**
 * Rebuild with changed values, weights or methods and compare with the original (COINr's
 * copy-edit-`Regen` workflow): new scores and ranks, and each unit's change.
 */
export function whatIf(
  build: IndexBuild,
  change: WhatIfChange,
  code?: string,
): { build: IndexBuild; comparison: UnitComparison[] } {
  let spec = change.spec ?? build.spec;
  if (change.weights) spec = { ...spec, weights: { ...spec.weights, ...change.weights } };
  let next: IndexBuild;
  if (change.values && change.values.length > 0) {
    const columns = new Map(build.input.raw.columns);
    for (const v of change.values) {
      const col = Float64Array.from(getColumn({ ...build.input.raw, columns }, v.code));
      const row = build.input.raw.unitCodes.indexOf(v.unit);
      if (row < 0) throw new Error(`没有单元 ${v.unit} / no unit ${v.unit}`);
      col[row] = v.value;
      columns.set(v.code, col);
    }
    next = runIndex({ ...build.input, raw: { ...build.input.raw, columns } }, spec);
  } else {
    next = regenerate(build, spec);
  }
  return { build: next, comparison: compareBuilds(build, next, code) };
}

export type ComponentImpact = {
  code: string;
  /** Per unit: nominal rank − rank without the component (positive = the unit moves up). */
  rankChanges: Record<string, number>;
  /** Mean |rank change| over units (COINr `MeanAbsDiff`). */
  meanAbsoluteChange: number;
};

/**
 * Remove-one-component impact (COINr `remove_elements`): for each component at `level`, set its
 * weight to zero, rebuild, and measure how far the ranks of `target` (default the index) move.
 */
export function removeComponentImpact(
  build: IndexBuild,
  level: number,
  target?: string,
): ComponentImpact[] {
  const tree = build.input.ctx.tree;
  const code = target ?? tree.root;
  const agg = build.datasets.Aggregated;
  if (!agg) throw new Error('需要先汇总 / the build has no Aggregated dataset');
  const nominal = rankColumn(build, agg, code);
  return (tree.levels[level] ?? []).map((component) => {
    const { build: without } = whatIf(build, { weights: { [component]: 0 } });
    const ranks = rankColumn(without, without.datasets.Aggregated ?? agg, code);
    const rankChanges: Record<string, number> = {};
    let sum = 0;
    let n = 0;
    agg.unitCodes.forEach((u, i) => {
      const d = (nominal[i] as number) - (ranks[i] as number);
      rankChanges[u] = d;
      if (!Number.isNaN(d)) {
        sum += Math.abs(d);
        n++;
      }
    });
    return { code: component, rankChanges, meanAbsoluteChange: n === 0 ? Number.NaN : sum / n };
  });
}
