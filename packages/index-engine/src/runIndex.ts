import type { IndexInput } from './createIndex.ts';
import { validateSpec } from './spec.ts';
import { aggregate } from './steps/aggregate.ts';
import { denominate } from './steps/denominate.ts';
import { impute } from './steps/impute.ts';
import { normalise } from './steps/normalise.ts';
import { screen } from './steps/screen.ts';
import { treat } from './steps/treat.ts';
import { deriveWeights } from './steps/weight.ts';
import type { DatasetName, IndexBuild, IndexSpec, Step, StepState, WeightSet } from './types.ts';

const DATASET_OF: Record<Step['step'], DatasetName | undefined> = {
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
 * const build = runIndex(createIndex(framework, table), {
 *   steps: [{ step: 'normalise', method: 'minMax', range: [0, 100] }, { step: 'aggregate', method: 'arithmeticMean' }],
 * });
 */
export function runIndex(input: IndexInput, spec: IndexSpec): IndexBuild {
  validateSpec(spec);
  const build: IndexBuild = {
    input,
    spec,
    time: input.ctx.time,
    datasets: { Raw: input.raw },
    weightSets: initialWeightSets(input, spec),
    activeWeights: 'Original',
    states: [],
    details: {},
    messages: [],
  };
  runSteps(build, 0);
  return build;
}

function initialWeightSets(input: IndexInput, spec: IndexSpec): Record<string, WeightSet> {
  return { ...spec.weightSets, Original: { ...input.weights, ...spec.weights } };
}

/** Run `build.spec.steps` from index `from`, starting at the state after step `from − 1`. */
export function runSteps(build: IndexBuild, from: number): void {
  const { ctx } = build.input;
  const prior = from > 0 ? build.states[from - 1] : undefined;
  let current = prior ? prior.dataset : build.input.raw;
  build.states.length = from;
  if (prior) {
    build.weightSets = prior.weightSets;
    build.activeWeights = prior.activeWeights;
    build.details = { ...prior.details };
    build.messages = [...prior.messages];
  } else {
    build.weightSets = initialWeightSets(build.input, build.spec);
    build.activeWeights = 'Original';
    build.details = {};
    build.messages = [];
  }
  for (let i = from; i < build.spec.steps.length; i++) {
    const step = build.spec.steps[i] as Step;
    switch (step.step) {
      case 'denominate':
        current = denominate(ctx, current, step);
        break;
      case 'impute': {
        const r = impute(ctx, current, step);
        current = r.dataset;
        build.details.imputed = r.imputed;
        if (r.remaining > 0) {
          build.messages.push({
            step: 'impute',
            message: {
              zh: `插补后仍有 ${r.remaining} 个缺失值`,
              en: `${r.remaining} values are still missing after imputation`,
            },
          });
        }
        break;
      }
      case 'screen': {
        const r = screen(ctx, current, step);
        current = r.dataset;
        build.details.screen = r.details;
        break;
      }
      case 'treat': {
        const r = treat(ctx, current, step);
        current = r.dataset;
        build.details.treat = r.details;
        break;
      }
      case 'normalise':
        current = normalise(ctx, current, step);
        break;
      case 'weight': {
        const name = step.name ?? step.method;
        const derived = deriveWeights(build, current, step);
        build.weightSets = { ...build.weightSets, [name]: derived };
        build.activeWeights = name;
        break;
      }
      case 'aggregate': {
        const setName = step.weights ?? build.activeWeights;
        const weights = build.weightSets[setName];
        if (!weights) throw unknownWeightSet(setName, Object.keys(build.weightSets));
        current = aggregate(ctx, current, step, weights);
        build.activeWeights = setName;
        break;
      }
    }
    const state: StepState = {
      dataset: current,
      weightSets: build.weightSets,
      activeWeights: build.activeWeights,
      details: build.details,
      messages: build.messages,
    };
    build.states.push(state);
    build.details = { ...build.details };
    build.messages = [...build.messages];
  }
  build.datasets = { Raw: build.input.raw };
  build.spec.steps.forEach((step, i) => {
    const name = DATASET_OF[step.step];
    if (name) build.datasets[name] = (build.states[i] as StepState).dataset;
  });
  const last = build.states.at(-1);
  build.details = last ? last.details : {};
  build.messages = last ? last.messages : [];
}

function unknownWeightSet(name: string, known: string[]): Error {
  return new Error(
    `没有名为 ${name} 的权重集（已有：${known.join(', ')}） / no weight set named ${name} (known: ${known.join(', ')})`,
  );
}

/** The latest dataset of a build (the last step's output, or Raw). */
export function latestDataset(build: IndexBuild) {
  return build.states.at(-1)?.dataset ?? build.input.raw;
}
