import type { IndexInput } from './createIndex.ts';
import { applyStep, assembleBuild, initialState } from './runIndex.ts';
import { validateSpec } from './spec.ts';
import type { IndexBuild, IndexSpec, Step, StepState } from './types.ts';

function weightsKey(spec: IndexSpec): string {
  return JSON.stringify([spec.weights ?? null, spec.weightSets ?? null]);
}

/**
 * Index of the first step whose output can differ between two specs: the first step that
 * differs, or (if only the weights differ) the first step that reads weights.
 */
export function firstChangedStep(a: IndexSpec, b: IndexSpec): number {
  const n = Math.min(a.steps.length, b.steps.length);
  let k = 0;
  while (k < n && JSON.stringify(a.steps[k]) === JSON.stringify(b.steps[k])) k++;
  if (k === n && a.steps.length === b.steps.length && weightsKey(a) === weightsKey(b)) return n;
  if (weightsKey(a) !== weightsKey(b)) {
    const w = b.steps.findIndex((s) => s.step === 'weight' || s.step === 'aggregate');
    if (w >= 0 && w < k) k = w;
  }
  return k;
}

/**
 * Rebuild with a changed spec, rerunning only from the first step that changed (COINr `Regen`
 * with an edited log). The result equals a full `runIndex` with the new spec.
 * @example
 * const geometric = regenerate(build, { ...build.spec, steps: build.spec.steps.map((s) =>
 *   s.step === 'aggregate' ? { ...s, method: 'geometricMean' } : s) });
 */
export function regenerate(build: IndexBuild, spec: IndexSpec): IndexBuild {
  validateSpec(spec);
  const from = firstChangedStep(build.spec, spec);
  const states = build.states.slice(0, from);
  const initial = initialState(build.input, spec);
  let state = states.at(-1) ?? initial;
  // Changed weights: no weight step precedes `from`, so the new initial sets apply as they are.
  if (weightsKey(build.spec) !== weightsKey(spec)) {
    state = { ...state, weightSets: initial.weightSets, activeWeights: initial.activeWeights };
  }
  for (let i = from; i < spec.steps.length; i++) {
    state = applyStep(build.input, state, spec.steps[i] as Step);
    states.push(state);
  }
  return assembleBuild(build.input, spec, states);
}

/**
 * Rebuilds many variants of one input quickly: each step's output is cached by the spec prefix
 * that produced it, so variants sharing early steps (e.g. the same treatment) compute them once.
 * This is what makes uncertainty and sensitivity runs cheap. The cache holds at most
 * `maxEntries` states (least recently used are dropped).
 */
export class PipelineCache {
  private readonly cache = new Map<string, StepState>();
  constructor(
    readonly input: IndexInput,
    private readonly maxEntries = 512,
  ) {}

  /** The state after the last step of `spec` (a full build's final dataset). */
  finalState(spec: IndexSpec): StepState {
    const initial = initialState(this.input, spec);
    let key = '';
    let state = initial;
    let readsWeights = false;
    for (const step of spec.steps) {
      // Steps before the first weight or aggregate step do not depend on the weights.
      if (!readsWeights && (step.step === 'weight' || step.step === 'aggregate')) {
        readsWeights = true;
        key += `|w${weightsKey(spec)}`;
      }
      key += `|${JSON.stringify(step)}`;
      const hit = this.cache.get(key);
      if (hit) {
        this.cache.delete(key);
        this.cache.set(key, hit);
        state = readsWeights ? hit : { ...hit, weightSets: initial.weightSets };
        continue;
      }
      state = applyStep(this.input, state, step);
      this.cache.set(key, state);
      if (this.cache.size > this.maxEntries) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
    }
    return state;
  }
}
