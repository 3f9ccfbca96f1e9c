import type { IndexInput } from '../createIndex.ts';
import { createRandom } from '../random.ts';
import { runIndex } from '../runIndex.ts';
import { mean, median, quantileSorted, rankDescending, variance } from '../statistics.ts';
import type { IndexSpec } from '../types.ts';
import type { Alternative, ResolvedAlternative } from './alternatives.ts';
import { resolveAlternatives } from './alternatives.ts';
import { type ReplicationBlock, runReplications } from './replicate.ts';
import { type SampleDesign, saltelliSample, uncertaintySample } from './sample.ts';

export type UncertaintyOptions = {
  alternatives: Alternative[];
  n: number;
  seed?: number;
  target?: string;
};

/** Everything needed to run replications anywhere (plain data, structured-clone safe). */
export type PreparedAnalysis = {
  spec: IndexSpec;
  alternatives: ResolvedAlternative[];
  design: SampleDesign;
  target: string;
  unitCodes: string[];
  nominalScores: Float64Array;
  nominalRanks: Float64Array;
};

export type RankStatistics = {
  unit: string;
  nominal: number;
  mean: number;
  median: number;
  q5: number;
  q95: number;
};

export type UncertaintyResult = PreparedAnalysis & {
  scores: Float64Array[];
  ranks: Float64Array[];
  parameters: number[][];
  failures: number;
  rankStatistics: RankStatistics[];
};

export type SobolIndex = {
  name: string;
  first: number;
  total: number;
  firstQ5?: number;
  firstQ95?: number;
  totalQ5?: number;
  totalQ95?: number;
};

export type SensitivityResult = UncertaintyResult & {
  /** Per replication: mean over units of |rank − nominal rank| (COINr's SA target). */
  y: Float64Array;
  variance: number;
  indices: SobolIndex[];
};

/** Resolve alternatives, draw the design and compute the nominal build. */
export function prepareAnalysis(
  input: IndexInput,
  spec: IndexSpec,
  options: UncertaintyOptions,
  kind: 'UA' | 'SA',
): PreparedAnalysis {
  const seed = options.seed ?? 1;
  const nominal = runIndex(input, spec);
  const alternatives = resolveAlternatives(
    options.alternatives,
    input.ctx.tree.framework,
    nominal.weightSets.Original ?? input.weights,
    seed,
  );
  const d = alternatives.length;
  const design =
    kind === 'UA' ? uncertaintySample(options.n, d, seed) : saltelliSample(options.n, d, seed);
  const target = options.target ?? input.ctx.tree.root;
  const final = nominal.states.at(-1)?.dataset ?? input.raw;
  const col =
    final.columns.get(target) ?? new Float64Array(final.unitCodes.length).fill(Number.NaN);
  const isRef = final.unitCodes.map(
    (c) => input.ctx.units[input.ctx.unitIndex.get(c) ?? -1]?.isReference === true,
  );
  return {
    spec,
    alternatives,
    design,
    target,
    unitCodes: [...final.unitCodes],
    nominalScores: col,
    nominalRanks: rankDescending(col.map((v, i) => (isRef[i] ? Number.NaN : v))),
  };
}

/** Run all rows of a prepared analysis in this thread. */
export function runAllBlocks(input: IndexInput, task: PreparedAnalysis): ReplicationBlock[] {
  return [runReplications(input, { ...task, start: 0, end: task.design.rows })];
}

function collect(blocks: ReplicationBlock[]) {
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  return {
    scores: sorted.flatMap((b) => b.scores),
    ranks: sorted.flatMap((b) => b.ranks),
    parameters: sorted.flatMap((b) => b.parameters),
    failures: sorted.reduce((s, b) => s + b.failures, 0),
  };
}

/** Per unit: nominal, mean, median, 5% and 95% (type-7) ranks over replications. */
export function rankStatistics(
  unitCodes: readonly string[],
  nominalRanks: Float64Array,
  ranks: readonly Float64Array[],
): RankStatistics[] {
  return unitCodes.map((unit, i) => {
    const r = ranks.map((x) => x[i] as number).filter((v) => !Number.isNaN(v));
    const s = Float64Array.from(r).sort();
    return {
      unit,
      nominal: nominalRanks[i] as number,
      mean: mean(s),
      median: median(s),
      q5: quantileSorted(s, 0.05),
      q95: quantileSorted(s, 0.95),
    };
  });
}

/**
 * Uncertainty analysis (COINr `get_sensitivity(SA_type = "UA")`): N Monte Carlo rebuilds over
 * the alternatives; per unit the nominal rank, median rank and 5–95% interval.
 * @example
 * const ua = uncertaintyAnalysis(input, spec, { n: 1000, seed: 1, alternatives: [
 *   { name: 'aggregation', path: 'aggregate.method', values: ['arithmeticMean', 'geometricMean'] },
 * ] });
 */
export function uncertaintyAnalysis(
  input: IndexInput,
  spec: IndexSpec,
  options: UncertaintyOptions,
): UncertaintyResult {
  const task = prepareAnalysis(input, spec, options, 'UA');
  return finishUncertainty(task, runAllBlocks(input, task));
}

/** Combine replication blocks (from this thread or workers) into an uncertainty result. */
export function finishUncertainty(
  task: PreparedAnalysis,
  blocks: ReplicationBlock[],
): UncertaintyResult {
  const c = collect(blocks);
  return {
    ...task,
    ...c,
    rankStatistics: rankStatistics(task.unitCodes, task.nominalRanks, c.ranks),
  };
}

/**
 * Variance-based sensitivity analysis (COINr `get_sensitivity(SA_type = "SA")`): Saltelli design
 * of N(d + 2) rebuilds; target y = mean |rank − nominal rank| over units; first-order
 * S_i = mean(y_B (y_ABi − y_A)) / Var(Y) (Saltelli 2010) and total
 * ST_i = Σ (y_A − y_ABi)² / (2N Var(Y)) (Jansen); bootstrap 5–95% intervals if `bootstrap` > 0.
 */
export function sensitivityAnalysis(
  input: IndexInput,
  spec: IndexSpec,
  options: UncertaintyOptions & { bootstrap?: number },
): SensitivityResult {
  const task = prepareAnalysis(input, spec, options, 'SA');
  return finishSensitivity(
    task,
    runAllBlocks(input, task),
    options.bootstrap ?? 0,
    options.seed ?? 1,
  );
}

/** Combine replication blocks of a Saltelli design into Sobol indices and rank statistics. */
export function finishSensitivity(
  task: PreparedAnalysis,
  blocks: ReplicationBlock[],
  bootstrap = 0,
  seed = 1,
): SensitivityResult {
  const c = collect(blocks);
  const y = Float64Array.from(c.ranks, (r) => {
    let s = 0;
    let n = 0;
    r.forEach((v, i) => {
      const d = Math.abs(v - (task.nominalRanks[i] as number));
      if (!Number.isNaN(d)) {
        s += d;
        n++;
      }
    });
    return n === 0 ? Number.NaN : s / n;
  });
  const n = task.design.n;
  // Rank statistics use only the A and B rows, as COINr does.
  const ab = c.ranks.slice(0, 2 * n);
  const est = sobolIndices(
    y,
    n,
    task.alternatives.map((a) => a.name),
    bootstrap,
    seed,
  );
  return {
    ...task,
    ...c,
    rankStatistics: rankStatistics(task.unitCodes, task.nominalRanks, ab),
    y,
    variance: est.variance,
    indices: est.indices,
  };
}

/**
 * Sobol estimators on a Saltelli design's outputs (COINr `SA_estimate`): y = [y_A; y_B;
 * y_AB1; …; y_ABd], each block of length N.
 */
export function sobolIndices(
  y: Float64Array,
  n: number,
  names: readonly string[],
  bootstrap = 0,
  seed = 1,
): { variance: number; indices: SobolIndex[] } {
  const yA = y.subarray(0, n);
  const yB = y.subarray(n, 2 * n);
  const v = variance(y.subarray(0, 2 * n));
  const random = createRandom(seed ^ 0x27d4eb2d);
  const indices = names.map((name, i): SobolIndex => {
    const yAB = y.subarray((2 + i) * n, (3 + i) * n);
    const firstTerms = new Float64Array(n);
    const totalTerms = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      firstTerms[k] = (yB[k] as number) * ((yAB[k] as number) - (yA[k] as number));
      totalTerms[k] = (yA[k] as number) - (yAB[k] as number);
    }
    const first = mean(firstTerms) / v;
    const total = sumSquares(totalTerms) / (2 * n * v);
    const out: SobolIndex = { name, first, total };
    if (bootstrap > 0) {
      const fb = new Float64Array(bootstrap);
      const tb = new Float64Array(bootstrap);
      const pick = new Float64Array(n);
      for (let b = 0; b < bootstrap; b++) {
        for (let k = 0; k < n; k++) pick[k] = firstTerms[Math.floor(random() * n)] as number;
        fb[b] = mean(pick) / v;
        for (let k = 0; k < n; k++) pick[k] = totalTerms[Math.floor(random() * n)] as number;
        tb[b] = sumSquares(pick) / (2 * n * v);
      }
      fb.sort();
      tb.sort();
      out.firstQ5 = quantileSorted(fb, 0.05);
      out.firstQ95 = quantileSorted(fb, 0.95);
      out.totalQ5 = quantileSorted(tb, 0.05);
      out.totalQ95 = quantileSorted(tb, 0.95);
    }
    return out;
  });
  return { variance: v, indices };
}

function sumSquares(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] as number) ** 2;
  return s;
}
