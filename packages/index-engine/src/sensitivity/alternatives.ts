/**
 * Uncertain inputs of an index and how a sampled value edits the spec (COINr's `SA_specs`, with
 * typed paths instead of string addresses into `$Log`).
 *
 * Paths:
 * - `weights`: the value replaces `spec.weights` (a code → weight object);
 * - `<step>` (e.g. `normalise`): the value replaces the whole step (its `step` name is kept);
 *   `null` removes the step (switching it off, as COINr's `disable`), and a step missing from the
 *   spec is inserted in pipeline order;
 * - `<step>.<field>` (e.g. `treat.maxWinsorised`, `aggregate.method`): the value sets one field.
 */
import { bilingual, IndexInputError } from '../errors.ts';
import { createRandom } from '../random.ts';
import { STEP_ORDER } from '../spec.ts';
import type { Framework, IndexSpec, Step, WeightSet } from '../types.ts';
import { noisyWeights } from '../weights/noisyWeights.ts';

export type Alternative =
  /** Uniform choice among listed alternatives. */
  | { name: string; path: string; values: unknown[] }
  /** A continuous parameter, lo + u·(hi − lo). */
  | { name: string; path: string; range: [number, number] }
  /** Weight sets with relative noise at some levels (COINr `get_noisy_weights`). */
  | {
      name: string;
      path: 'weights';
      noise: { level: number; factor: number }[];
      replicates: number;
    };

/** An alternative reduced to data a worker can receive: a list of values or a range. */
export type ResolvedAlternative =
  | { name: string; path: string; values: unknown[] }
  | { name: string; path: string; range: [number, number] };

/** Generate noisy weight sets (seeded) so every alternative is a list or a range. */
export function resolveAlternatives(
  alternatives: readonly Alternative[],
  framework: Framework,
  nominalWeights: WeightSet,
  seed: number,
): ResolvedAlternative[] {
  const random = createRandom(seed ^ 0x5bd1e995);
  return alternatives.map((alt) => {
    if ('noise' in alt) {
      return {
        name: alt.name,
        path: alt.path,
        values: noisyWeights(framework, nominalWeights, alt.noise, alt.replicates, random),
      };
    }
    if ('values' in alt && (!Array.isArray(alt.values) || alt.values.length === 0)) {
      throw badAlternative(alt.name, '须列出至少一个备选值', 'needs at least one value');
    }
    return alt;
  });
}

function badAlternative(name: string, zh: string, en: string): IndexInputError {
  return new IndexInputError([
    {
      kind: 'invalidSpec',
      field: `alternatives.${name}`,
      message: bilingual(`不确定性输入 ${name}：${zh}`, `uncertain input ${name}: ${en}`),
    },
  ]);
}

/**
 * Map a uniform sample u to a value. Discrete: R's `cut(u, n)` over the observed range of the
 * sampled column (`lo`, `hi`), widened by 0.1% at each end, in right-closed intervals, as
 * COINr's `get_sensitivity` does.
 */
export function valueAt(alt: ResolvedAlternative, u: number, lo: number, hi: number): unknown {
  if ('range' in alt) return alt.range[0] + u * (alt.range[1] - alt.range[0]);
  const n = alt.values.length;
  if (n === 1 || hi === lo) return alt.values[0];
  const dx = hi - lo;
  // Break k (1..n−1) sits at lo + k·dx/n; the outer limits move by dx/1000.
  let k = 0;
  while (k < n - 1 && u > lo + ((k + 1) * dx) / n) k++;
  return alt.values[k];
}

/** Apply one sampled value at `path` to a spec, returning a new spec. */
export function applyAlternative(spec: IndexSpec, path: string, value: unknown): IndexSpec {
  if (path === 'weights') return { ...spec, weights: value as WeightSet };
  const [stepName, field] = path.split('.', 2) as [string, string | undefined];
  const order = (STEP_ORDER as readonly string[]).indexOf(stepName);
  if (order < 0) {
    throw badAlternative(
      path,
      `路径中的步骤 ${stepName} 不存在`,
      `path names an unknown step ${stepName}`,
    );
  }
  const steps = [...spec.steps];
  const i = steps.findIndex((s) => s.step === stepName);
  if (field === undefined) {
    if (value === null) {
      if (i >= 0) steps.splice(i, 1);
    } else {
      const replacement = { ...(value as object), step: stepName } as Step;
      if (i >= 0) steps[i] = replacement;
      else {
        const at = steps.findIndex(
          (s) => (STEP_ORDER as readonly string[]).indexOf(s.step) > order,
        );
        steps.splice(at < 0 ? steps.length : at, 0, replacement);
      }
    }
    return { ...spec, steps };
  }
  if (i < 0) {
    throw badAlternative(path, `规格中没有 ${stepName} 步骤`, `the spec has no ${stepName} step`);
  }
  steps[i] = { ...steps[i], [field]: value } as Step;
  return { ...spec, steps };
}
