import type { IndexInput } from '../createIndex.ts';
import { PipelineCache } from '../regenerate.ts';
import { rankDescending } from '../statistics.ts';
import type { IndexSpec } from '../types.ts';
import { applyAlternative, type ResolvedAlternative, valueAt } from './alternatives.ts';
import { columnRanges, type SampleDesign } from './sample.ts';

/** Scores and ranks of the target for a block of replications (rows of a design). */
export type ReplicationBlock = {
  /** First design row of the block. */
  start: number;
  /** Per replication: target scores aligned with `unitCodes` (NaN where a rebuild failed). */
  scores: Float64Array[];
  ranks: Float64Array[];
  /** Per replication: index of the chosen value (discrete) or the value (continuous). */
  parameters: number[][];
  failures: number;
};

export type ReplicationTask = {
  spec: IndexSpec;
  alternatives: ResolvedAlternative[];
  design: SampleDesign;
  /** Code whose scores are tracked (default: the index). */
  target?: string;
  /** Units in this order (the nominal build's units). */
  unitCodes: readonly string[];
  start: number;
  end: number;
};

/** The spec of one design row, and the parameter it drew from each alternative. */
export function specForRow(
  task: Pick<ReplicationTask, 'spec' | 'alternatives' | 'design'>,
  row: number,
  ranges = columnRanges(task.design),
): { spec: IndexSpec; parameters: number[] } {
  let spec = task.spec;
  const parameters: number[] = [];
  task.alternatives.forEach((alt, j) => {
    const u = task.design.u[row * task.design.d + j] as number;
    const [lo, hi] = ranges[j] as [number, number];
    const value = valueAt(alt, u, lo, hi);
    parameters.push('range' in alt ? (value as number) : alt.values.indexOf(value));
    spec = applyAlternative(spec, alt.path, value);
  });
  return { spec, parameters };
}

/**
 * Run design rows [start, end): edit the spec, rebuild (through a cache of shared steps), and
 * record the target's scores and ranks. A failed rebuild gives NaN scores, as in COINr.
 * Pure and self-contained, so the CLI can run blocks in worker threads (each keeping one cache).
 */
export function runReplications(
  input: IndexInput,
  task: ReplicationTask,
  cache = new PipelineCache(input),
): ReplicationBlock {
  const ranges = columnRanges(task.design);
  const target = task.target ?? input.ctx.tree.root;
  const isReference = task.unitCodes.map(
    (c) => input.ctx.units[input.ctx.unitIndex.get(c) ?? -1]?.isReference === true,
  );
  const block: ReplicationBlock = {
    start: task.start,
    scores: [],
    ranks: [],
    parameters: [],
    failures: 0,
  };
  for (let row = task.start; row < task.end; row++) {
    const { spec, parameters } = specForRow(task, row, ranges);
    const scores = new Float64Array(task.unitCodes.length).fill(Number.NaN);
    try {
      const state = cache.finalState(spec);
      const col = state.dataset.columns.get(target);
      const rowOf = new Map(state.dataset.unitCodes.map((u, i) => [u, i]));
      task.unitCodes.forEach((u, i) => {
        const r = rowOf.get(u);
        if (col && r !== undefined) scores[i] = col[r] as number;
      });
    } catch {
      block.failures++;
    }
    const masked = scores.map((v, i) => (isReference[i] ? Number.NaN : v));
    block.scores.push(scores);
    block.ranks.push(rankDescending(masked));
    block.parameters.push(parameters);
  }
  return block;
}
