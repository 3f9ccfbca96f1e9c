/**
 * Weights derived from the framework or from data: equal, entropy, CRITIC and PCA weights.
 * COINr has only PCA weights (`get_PCA(weights_to = …)`, `R/PCA.R`) among these; the entropy
 * weight method (熵权法) and CRITIC are the data-driven weightings Chinese evaluation reports use
 * most, and are defined here from their standard formulas.
 */
import { bilingualError } from '../analysis/bilingualError.ts';
import { correlation } from '../analysis/correlation.ts';
import { type PrincipalComponents, principalComponents } from '../analysis/pca.ts';
import { getColumn } from '../dataset.ts';
import { compileFramework } from '../framework.ts';
import { standardDeviation } from '../statistics.ts';
import type { Dataset, Framework, WeightSet } from '../types.ts';

/** The framework's own weights, code → weight (COINr's `.$Meta$Weights$Original`). */
export function frameworkWeights(framework: Framework): WeightSet {
  const out: WeightSet = {};
  for (const node of framework.nodes) out[node.code] = node.weight;
  return out;
}

/**
 * Equal weights within each group: every member of a parent gets 1 / (number of members), the
 * index gets 1. With `level`, only the nodes at that level are set and the others keep their
 * framework weights. (COINr's equal weighting is iMeta weights all 1; the aggregators rescale
 * weights within a group, so both give the same scores with COINr's arithmetic mean.)
 */
export function equalWeights(framework: Framework, level?: number): WeightSet {
  const tree = compileFramework(framework);
  const out = frameworkWeights(framework);
  for (const node of framework.nodes) {
    if (level !== undefined && node.level !== level) continue;
    if (node.parent === null) {
      out[node.code] = 1;
      continue;
    }
    const siblings = tree.children.get(node.parent)?.length ?? 1;
    out[node.code] = 1 / siblings;
  }
  return out;
}

function fail(zh: string, en: string): never {
  throw bilingualError(zh, en);
}

/**
 * Entropy weights (熵权法) of the columns `codes`, which should be normalised, non-negative data
 * (e.g. min–max 0–100). For column j over its n_j available values:
 * p_ij = x_ij / Σ_i x_ij; e_j = −(1 / ln n_j) Σ_i p_ij ln p_ij with 0 · ln 0 = 0;
 * d_j = 1 − e_j; w_j = d_j / Σ_k d_k. Missing values are skipped (n_j counts available values).
 * A constant column has e = 1 and weight 0. Errors (bilingual) on a negative value, a column
 * summing to 0, fewer than 2 available values, or all columns constant.
 * No COINr equivalent (COINr has no entropy weighting).
 */
export function entropyWeights(dataset: Dataset, codes: readonly string[]): WeightSet {
  const d = codes.map((code) => {
    const x = getColumn(dataset, code);
    let sum = 0;
    let n = 0;
    for (const v of x) {
      if (Number.isNaN(v)) continue;
      if (v < 0) {
        fail(
          `熵权法要求非负数据（指标 ${code} 有负值 ${v}），请先标准化`,
          `entropy weights need non-negative data (indicator ${code} has ${v}); normalise first`,
        );
      }
      sum += v;
      n++;
    }
    if (n < 2) {
      fail(
        `熵权法要求每列至少两个有效值（指标 ${code}）`,
        `entropy weights need at least 2 available values per column (indicator ${code})`,
      );
    }
    if (!(sum > 0) || !Number.isFinite(sum)) {
      fail(
        `熵权法要求每列之和为正的有限值（指标 ${code}）`,
        `entropy weights need a positive finite column sum (indicator ${code})`,
      );
    }
    let h = 0;
    for (const v of x) {
      if (Number.isNaN(v) || v === 0) continue;
      const p = v / sum;
      h += p * Math.log(p);
    }
    const e = -h / Math.log(n);
    return 1 - e;
  });
  return normaliseToWeights(codes, d, '熵权法', 'entropy weights');
}

function normaliseToWeights(
  codes: readonly string[],
  scores: readonly number[],
  zh: string,
  en: string,
): WeightSet {
  const total = scores.reduce((s, x) => s + x, 0);
  if (!(total > 0) || !Number.isFinite(total)) {
    fail(
      `${zh}无法计算：各列均无差异（全为常数）`,
      `${en} cannot be computed: no column varies (all are constant)`,
    );
  }
  const out: WeightSet = {};
  codes.forEach((code, j) => {
    out[code] = (scores[j] as number) / total;
  });
  return out;
}

/**
 * CRITIC weights (Diakoulaki et al. 1995) of the columns `codes`, which should be normalised:
 * C_j = σ_j Σ_k (1 − r_jk), w_j = C_j / Σ_k C_k, with σ_j the sample SD (n − 1) of the available
 * values and r_jk Pearson correlations on pairwise-complete observations. A constant column has
 * σ = 0, hence weight 0, and counts as uncorrelated (r = 0) in the others' sums. Errors if all
 * columns are constant. No COINr equivalent.
 */
export function criticWeights(dataset: Dataset, codes: readonly string[]): WeightSet {
  const cols = codes.map((c) => getColumn(dataset, c));
  const sd = cols.map((x) => {
    const s = standardDeviation(x);
    return Number.isNaN(s) ? 0 : s;
  });
  const c = cols.map((x, j) => {
    if ((sd[j] as number) === 0) return 0;
    let conflict = 0;
    for (let k = 0; k < cols.length; k++) {
      if (k === j) continue;
      const r = correlation(x, cols[k] as Float64Array, 'pearson');
      conflict += 1 - (Number.isNaN(r) ? 0 : r);
    }
    return (sd[j] as number) * conflict;
  });
  return normaliseToWeights(codes, c, 'CRITIC 权重', 'CRITIC weights');
}

/** Options of {@link pcaWeights}. */
export type PcaWeightOptions = {
  /** PCA within each parent group at `level` (default true), else one PCA over the level. */
  byGroups?: boolean;
  /** Starting weight set whose entries at `level` are replaced; default the framework's. */
  weights?: WeightSet;
};

/** Result of {@link pcaWeights}. */
export type PcaWeightResult = {
  weights: WeightSet;
  /** One PCA per group (`group` = parent code, or 'All' without groups). */
  groups: { group: string; codes: string[]; pca: PrincipalComponents }[];
};

/**
 * PCA weights, as COINr's `get_PCA(coin, dset, Level = level, by_groups = TRUE, weights_to)`:
 * within each parent group of the nodes at `level` (or over all of them if `byGroups` is false),
 * units with a missing value among the group's columns are dropped and a centred, scaled PCA is
 * run; the loadings of the first component (unit-length eigenvector of the correlation matrix,
 * not multiplied by √eigenvalue) become the members' weights, not rescaled. All other weights
 * are copied from `options.weights` or the framework. The dataset must hold the columns of
 * `level` (aggregated data for level > 1).
 *
 * Sign: COINr's is R's arbitrary SVD sign, so COINr may return a group's weights all negative;
 * here the loadings of each group sum positive (see `analysis/pca.ts`), so results equal
 * COINr's up to one sign per group. Weights can still be negative and very unbalanced.
 */
export function pcaWeights(
  dataset: Dataset,
  framework: Framework,
  level: number,
  options: PcaWeightOptions = {},
): PcaWeightResult {
  const tree = compileFramework(framework);
  const byGroups = options.byGroups ?? true;
  if (!Number.isInteger(level) || level < 1 || level >= tree.maxLevel) {
    fail(
      `层级须在 1 与 ${tree.maxLevel - 1} 之间（${level}）`,
      `level must lie between 1 and ${tree.maxLevel - 1} (${level})`,
    );
  }
  const weights: WeightSet = { ...(options.weights ?? frameworkWeights(framework)) };
  const codesAtLevel = tree.levels[level] ?? [];
  const groups: { group: string; codes: string[] }[] = [];
  if (byGroups) {
    const seen = new Map<string, string[]>();
    for (const code of codesAtLevel) {
      const parent = tree.byCode.get(code)?.parent ?? '';
      const list = seen.get(parent);
      if (list) list.push(code);
      else {
        const fresh = [code];
        seen.set(parent, fresh);
        groups.push({ group: parent, codes: fresh });
      }
    }
  } else {
    groups.push({ group: 'All', codes: [...codesAtLevel] });
  }
  const results = groups.map(({ group, codes }) => {
    const pca = principalComponents(dataset, codes);
    codes.forEach((code, j) => {
      weights[code] = (pca.loadings[j] as number[])[0] as number;
    });
    return { group, codes, pca };
  });
  return { weights, groups: results };
}
