/**
 * Randomly perturbed weight sets for uncertainty analysis, as COINr's `get_noisy_weights`
 * (`R/sensitivity.R`).
 */
import { bilingualError } from '../analysis/bilingualError.ts';
import { compileFramework } from '../framework.ts';
import type { Random } from '../random.ts';
import type { Framework, WeightSet } from '../types.ts';

/** Noise at one level: each weight moves by up to ±factor of itself (COINr `NoiseFactor`). */
export type WeightNoise = { level: number; factor: number };

/**
 * `n` noisy copies of a weight set, as COINr's `get_noisy_weights(w, noise_specs =
 * data.frame(Level, NoiseFactor), Nrep)`: for each listed level, every weight w of a node at that
 * level becomes w + (2U − 1) · factor · w with U uniform on [0, 1) drawn per weight; weights at
 * other levels are copied. Draw order: replication by replication, then the levels in the order
 * listed, then the nodes in framework order (as COINr's loops; R's random stream differs, so
 * the values are reproducible from `random` but not equal to R's).
 *
 * `weights` supplies the nominal weights; a code it lacks takes the framework's weight.
 * Errors (bilingual) on a duplicated level, a level outside the framework, a non-finite weight
 * or factor, or n not a non-negative integer.
 */
export function noisyWeights(
  framework: Framework,
  weights: WeightSet,
  noise: readonly WeightNoise[],
  n: number,
  random: Random,
): WeightSet[] {
  const tree = compileFramework(framework);
  if (!Number.isInteger(n) || n < 0) {
    throw bilingualError(
      `重复次数须为非负整数（${n}）`,
      `the number of replications must be a non-negative integer (${n})`,
    );
  }
  const seen = new Set<number>();
  for (const spec of noise) {
    if (seen.has(spec.level)) {
      throw bilingualError(
        `噪声设定中层级 ${spec.level} 重复`,
        `level ${spec.level} appears twice in the noise specification`,
      );
    }
    seen.add(spec.level);
    if (!Number.isInteger(spec.level) || spec.level < 1 || spec.level > tree.maxLevel) {
      throw bilingualError(
        `噪声层级须在 1 与 ${tree.maxLevel} 之间（${spec.level}）`,
        `noise level must lie between 1 and ${tree.maxLevel} (${spec.level})`,
      );
    }
    if (!Number.isFinite(spec.factor)) {
      throw bilingualError(
        `层级 ${spec.level} 的噪声系数不是有限数`,
        `noise factor of level ${spec.level} is not finite`,
      );
    }
  }
  const nominal: WeightSet = {};
  for (const node of framework.nodes) {
    const w = weights[node.code] ?? node.weight;
    if (!Number.isFinite(w)) {
      throw bilingualError(
        `${node.code} 的权重不是有限数（不允许缺失）`,
        `weight of ${node.code} is not finite (NAs are not allowed)`,
      );
    }
    nominal[node.code] = w;
  }
  const out: WeightSet[] = [];
  for (let rep = 0; rep < n; rep++) {
    const set: WeightSet = { ...nominal };
    for (const spec of noise) {
      for (const code of tree.levels[spec.level] ?? []) {
        const w = nominal[code] as number;
        set[code] = w + (random() * 2 - 1) * spec.factor * w;
      }
    }
    out.push(set);
  }
  return out;
}
