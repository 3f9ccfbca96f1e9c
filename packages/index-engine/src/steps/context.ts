import type { FrameworkTree } from '../framework.ts';
import type { Unit, WeightSet } from '../types.ts';

/** What every step may read besides its input dataset. Never mutated by a step. */
export type BuildContext = {
  tree: FrameworkTree;
  /** All units of the input table, in input order. */
  units: readonly Unit[];
  unitIndex: ReadonlyMap<string, number>;
  /** Denominator code → values aligned with `units`. */
  denominators: Readonly<Record<string, Float64Array>>;
  time?: number;
};

/** The unit records of a dataset's rows. */
export function unitsOf(ctx: BuildContext, unitCodes: readonly string[]): Unit[] {
  return unitCodes.map((code) => {
    const i = ctx.unitIndex.get(code);
    const unit = i === undefined ? undefined : ctx.units[i];
    if (!unit) throw new Error(`未知单元 ${code} / unknown unit ${code}`);
    return unit;
  });
}

/** Weights of `codes` from a set, NaN where the set has none. */
export function weightsOf(set: WeightSet, codes: readonly string[]): number[] {
  return codes.map((c) => set[c] ?? Number.NaN);
}
