import type { IndexInput } from './createIndex.ts';
import { validateSpec } from './spec.ts';
import { aggregate } from './steps/aggregate.ts';
import { denominate } from './steps/denominate.ts';
import { impute } from './steps/impute.ts';
import { normalise } from './steps/normalise.ts';
import { screen } from './steps/screen.ts';
import { treat } from './steps/treat.ts';
import { deriveWeights } from './steps/weight.ts';
import type {
  Dataset,
  DatasetName,
  IndexBuild,
  IndexSpec,
  Step,
  StepState,
  WeightSet,
} from './types.ts';

/** Dataset names in pipeline order (COINr's `.$Data`). */
export const DATASET_NAMES: readonly DatasetName[] = [
  'Raw',
  'Denominated',
  'Imputed',
  'Screened',
  'Treated',
  'Normalised',
  'Aggregated',
];

/** The dataset each step writes (COINr's `.$Data` names); `weight` writes none. */
export const DATASET_OF: Record<Step['step'], DatasetName | undefined> = {
  denominate: 'Denominated',
  impute: 'Imputed',
  screen: 'Screened',
  treat: 'Treated',
  normalise: 'Normalised',
  weight: undefined,
  aggregate: 'Aggregated',
};

/**
 * Run a spec on validated input (COINr's build functions in sequence). Each step reads the
 * previous step's output and writes its named dataset (Denominated, Imputed …).
 * @example
 * const build = runIndex(createIndex(framework, table), { steps: [
 *   { step: 'normalise', method: 'minMax', range: [0, 100] },
 *   { step: 'aggregate', method: 'arithmeticMean' },
 * ] });
 */
export function runIndex(input: IndexInput, spec: IndexSpec): IndexBuild {
  validateSpec(spec);
  const states: StepState[] = [];
  let state = initialState(input, spec);
  for (const step of spec.steps) {
    state = applyStep(input, state, step);
    states.push(state);
  }
  return assembleBuild(input, spec, states);
}

/** The state before the first step: Raw data and the 'Original' weight set. */
export function initialState(input: IndexInput, spec: IndexSpec): StepState {
  return {
    dataset: input.raw,
    weightSets: { ...spec.weightSets, Original: { ...input.weights, ...spec.weights } },
    activeWeights: 'Original',
    details: {},
    messages: [],
  };
}

/** Run one step on a state, returning the next state (the input state is not modified). */
export function applyStep(input: IndexInput, state: StepState, step: Step): StepState {
  const { ctx } = input;
  const next: StepState = { ...state, details: { ...state.details } };
  const current = state.dataset;
  switch (step.step) {
    case 'denominate':
      next.dataset = denominate(ctx, current, step);
      break;
    case 'impute': {
      const r = impute(ctx, current, step);
      next.dataset = r.dataset;
      next.details.imputed = r.imputed;
      if (r.remaining > 0) next.messages = [...state.messages, remainingMessage(r.remaining)];
      break;
    }
    case 'screen': {
      const r = screen(ctx, current, step);
      next.dataset = r.dataset;
      next.details.screen = r.details;
      break;
    }
    case 'treat': {
      const r = treat(ctx, current, step);
      next.dataset = r.dataset;
      next.details.treat = r.details;
      break;
    }
    case 'normalise':
      next.dataset = normalise(ctx, current, step);
      break;
    case 'weight': {
      const name = step.name ?? step.method;
      next.weightSets = { ...state.weightSets, [name]: deriveWeights(input, state, step) };
      next.activeWeights = name;
      break;
    }
    case 'aggregate': {
      const setName = step.weights ?? state.activeWeights;
      const weights = state.weightSets[setName];
      if (!weights) throw unknownWeightSet(setName, Object.keys(state.weightSets));
      next.dataset = aggregate(ctx, current, step, weights);
      next.activeWeights = setName;
      break;
    }
  }
  return next;
}

/** An IndexBuild from the states after each step of `spec`. */
export function assembleBuild(input: IndexInput, spec: IndexSpec, states: StepState[]): IndexBuild {
  const datasets: IndexBuild['datasets'] = { Raw: input.raw };
  spec.steps.forEach((step, i) => {
    const name = DATASET_OF[step.step];
    if (name) datasets[name] = (states[i] as StepState).dataset;
  });
  const last = states.at(-1) ?? initialState(input, spec);
  return {
    input,
    spec,
    time: input.ctx.time,
    datasets,
    weightSets: last.weightSets,
    activeWeights: last.activeWeights,
    states,
    details: last.details,
    messages: last.messages,
  };
}

function remainingMessage(n: number) {
  return {
    step: 'impute' as const,
    message: {
      zh: `插补后仍有 ${n} 个缺失值`,
      en: `${n} values are still missing after imputation`,
    },
  };
}

function unknownWeightSet(name: string, known: string[]): Error {
  return new Error(
    `没有名为 ${name} 的权重集（已有：${known.join(', ')}） / no weight set named ${name} (known: ${known.join(', ')})`,
  );
}

/** The latest dataset of a build (the last step's output, or Raw). */
export function latestDataset(build: IndexBuild): Dataset {
  return build.states.at(-1)?.dataset ?? build.input.raw;
}

/** The weights used by a build's aggregation. */
export function activeWeightSet(build: IndexBuild): WeightSet {
  return build.weightSets[build.activeWeights] ?? {};
}
