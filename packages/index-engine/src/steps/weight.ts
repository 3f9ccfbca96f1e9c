import { correlation } from '../analysis/correlation.ts';
import type { IndexInput } from '../createIndex.ts';
import { bilingual, StepError } from '../errors.ts';
import { nelderMead } from '../optimise/nelderMead.ts';
import type { AggregateStep, Dataset, StepState, WeightSet, WeightStep } from '../types.ts';
import { criticWeights, entropyWeights, pcaWeights } from '../weights/statisticalWeights.ts';
import { aggregate } from './aggregate.ts';

/**
 * Derive a weight set from the current (normalised) data — the `weight` step. Only the weights
 * of the chosen level change; the others come from the active set.
 * - equal: 1 each (equal within every group);
 * - entropy: the entropy weight method (熵权法) on the level's indicators;
 * - critic: CRITIC within each parent group (σ_j Σ(1 − r_jk));
 * - pca: first-component loadings per group (COINr `get_PCA`);
 * - balance / infomax: COINr `get_opt_weights`, Nelder–Mead over all weights of the level so
 *   that the components' correlations with the index match target importances (balance) or
 *   their sum is largest (infomax). The index is re-aggregated with `aggregation` (default
 *   arithmetic mean).
 */
export function deriveWeights(input: IndexInput, state: StepState, step: WeightStep): WeightSet {
  const base: WeightSet = { ...(state.weightSets[state.activeWeights] ?? {}) };
  const tree = input.ctx.tree;
  const level = step.level ?? 1;
  const codes = [...(tree.levels[level] ?? [])];
  if (codes.length === 0 || level >= tree.maxLevel) {
    throw new StepError({
      field: 'level',
      message: bilingual(
        `权重层级 ${level} 无可赋权的成员`,
        `weight level ${level} has no members to weight`,
      ),
    });
  }
  const needsIndicators =
    step.method === 'entropy' || step.method === 'critic' || step.method === 'pca';
  if (needsIndicators && level !== 1) {
    throw new StepError({
      field: 'level',
      message: bilingual(
        `${step.method} 权重按指标数据计算，层级须为 1`,
        `${step.method} weights are computed from indicator data; level must be 1`,
      ),
    });
  }
  switch (step.method) {
    case 'equal':
      for (const c of codes) base[c] = 1;
      return base;
    case 'entropy':
      return { ...base, ...entropyWeights(state.dataset, codes) };
    case 'critic': {
      for (const members of groupsOf(input, codes)) {
        Object.assign(
          base,
          members.length === 1
            ? { [members[0] as string]: 1 }
            : criticWeights(state.dataset, members),
        );
      }
      return base;
    }
    case 'pca':
      return pcaWeights(state.dataset, tree.framework, level, { weights: base }).weights;
    case 'balance':
    case 'infomax':
      return optimisedWeights(input, state.dataset, base, codes, step);
  }
}

function groupsOf(input: IndexInput, codes: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const c of codes) {
    const p = input.ctx.tree.byCode.get(c)?.parent ?? '';
    groups.set(p, [...(groups.get(p) ?? []), c]);
  }
  return [...groups.values()];
}

function optimisedWeights(
  input: IndexInput,
  dataset: Dataset,
  base: WeightSet,
  codes: string[],
  step: WeightStep,
): WeightSet {
  const tree = input.ctx.tree;
  const agg: AggregateStep = { step: 'aggregate', method: step.aggregation ?? 'arithmeticMean' };
  const type = step.correlation ?? 'pearson';
  const k = codes.length;
  let target: number[] = codes.map(() => 1 / k);
  if (step.targetImportance && step.targetImportance !== 'equal') {
    const t = step.targetImportance;
    const raw = codes.map((c) => t[c] ?? 0);
    const s = raw.reduce((a, b) => a + b, 0);
    target = raw.map((v) => v / s);
  }
  const withWeights = (w: readonly number[]): WeightSet => {
    const s = w.reduce((a, b) => a + b, 0);
    const out = { ...base };
    codes.forEach((c, i) => {
      out[c] = (w[i] as number) / s;
    });
    return out;
  };
  const correlations = (w: readonly number[]): number[] => {
    const result = aggregate(input.ctx, dataset, agg, withWeights(w));
    const index = result.columns.get(tree.root) as Float64Array;
    return codes.map((c) => correlation(result.columns.get(c) as Float64Array, index, type));
  };
  const objective =
    step.method === 'balance'
      ? (w: readonly number[]) => {
          const c = correlations(w);
          const sc = c.reduce((a, b) => a + b, 0);
          const err = c.reduce((s, ci, i) => s + ((target[i] as number) - ci / sc) ** 2, 0);
          return Math.log(err / k);
        }
      : (w: readonly number[]) => -correlations(w).reduce((a, b) => a + b, 0);
  const start = step.method === 'balance' ? target : codes.map((c) => base[c] ?? 1);
  const result = nelderMead(objective, start, {
    reltol: step.tolerance ?? 0.1,
    maxit: step.maxIterations ?? 500,
  });
  return withWeights(result.par);
}
