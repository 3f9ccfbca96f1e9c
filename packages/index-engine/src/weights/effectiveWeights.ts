/**
 * Effective weights: the share of the index each node carries, as COINr's `get_eff_weights`
 * (`get_eff_wts` in older versions; `R/weights.R`).
 */
import { compileFramework } from '../framework.ts';
import type { Framework, WeightSet } from '../types.ts';

/** One row of {@link effectiveWeights}: COINr's iMeta columns iCode, Level, Weight, EffWeight. */
export type EffectiveWeight = {
  code: string;
  level: number;
  parent: string | null;
  /** The weight used (from `weights`, else the framework). */
  weight: number;
  effectiveWeight: number;
};

/**
 * Effective weights, as COINr's `get_eff_weights(coin)`: within each parent group the weights
 * are normalised to sum to 1; then, from the top down, each node's normalised weight is
 * multiplied by its parent's effective weight (the index has effective weight 1). So the
 * effective weights at each level sum to 1 (when no group's weights sum to 0; such a group gives
 * NaN, as in COINr). Weights in `weights` override the framework's, code by code.
 * Rows are in framework order.
 */
export function effectiveWeights(framework: Framework, weights?: WeightSet): EffectiveWeight[] {
  const tree = compileFramework(framework);
  const weightOf = (code: string): number =>
    weights?.[code] ?? (tree.byCode.get(code)?.weight as number);
  const groupSum = new Map<string, number>();
  for (const node of framework.nodes) {
    const key = node.parent ?? '';
    groupSum.set(key, (groupSum.get(key) ?? 0) + weightOf(node.code));
  }
  const effective = new Map<string, number>();
  for (let level = tree.maxLevel; level >= 1; level--) {
    for (const code of tree.levels[level] ?? []) {
      const node = tree.byCode.get(code);
      if (!node) continue;
      const share = weightOf(code) / (groupSum.get(node.parent ?? '') as number);
      const parentEffective = node.parent === null ? 1 : (effective.get(node.parent) as number);
      effective.set(code, share * parentEffective);
    }
  }
  return framework.nodes.map((node) => ({
    code: node.code,
    level: node.level,
    parent: node.parent,
    weight: weightOf(node.code),
    effectiveWeight: effective.get(node.code) as number,
  }));
}
