import { bilingual, StepError } from '../errors.ts';
import type { Dataset, IndexBuild, WeightSet, WeightStep } from '../types.ts';

/** Derive a weight set from the current data (the `weight` step). */
export function deriveWeights(build: IndexBuild, current: Dataset, step: WeightStep): WeightSet {
  const base = build.weightSets[build.activeWeights] ?? {};
  const tree = build.input.ctx.tree;
  const level = step.level ?? 1;
  const codes = tree.levels[level] ?? [];
  switch (step.method) {
    case 'equal': {
      const out: WeightSet = { ...base };
      for (const c of codes) out[c] = 1;
      return out;
    }
    default:
      throw new StepError({
        message: bilingual(
          `权重方法 ${step.method} 尚未接入`,
          `weight method ${step.method} is not wired yet`,
        ),
      });
  }
  void current;
}
