import { describe, expect, test } from 'vitest';
import {
  createIndex,
  firstChangedStep,
  type IndexSpec,
  PipelineCache,
  regenerate,
  runIndex,
} from '../src/index.ts';
import { ASEM_SPEC, asemFramework, asemTable, compareDatasets } from './asemFixture.ts';

const framework = asemFramework();
const input = createIndex(framework, asemTable(framework));
const base: IndexSpec = ASEM_SPEC;

function variant(edit: (s: IndexSpec) => IndexSpec): IndexSpec {
  return edit(structuredClone(base));
}

const variants: [string, IndexSpec][] = [
  [
    'aggregation method',
    variant((s) => ({
      ...s,
      steps: s.steps.map((x) =>
        x.step === 'aggregate'
          ? { ...x, method: 'geometricMean' }
          : x.step === 'normalise'
            ? { ...x, range: [1, 100] }
            : x,
      ),
    })),
  ],
  [
    'normalisation',
    variant((s) => ({
      ...s,
      steps: s.steps.map((x) =>
        x.step === 'normalise' ? { step: 'normalise', method: 'zScore', mean: 10, sd: 2 } : x,
      ),
    })),
  ],
  [
    'winsorisation limit',
    variant((s) => ({
      ...s,
      steps: s.steps.map((x) => (x.step === 'treat' ? { ...x, maxWinsorised: 1 } : x)),
    })),
  ],
  [
    'imputation',
    variant((s) => ({
      ...s,
      steps: s.steps.map((x) => (x.step === 'impute' ? { step: 'impute', method: 'median' } : x)),
    })),
  ],
  ['weights', variant((s) => ({ ...s, weights: { Conn: 3, Physical: 0.5, LPI: 2 } }))],
  ['a step removed', variant((s) => ({ ...s, steps: s.steps.filter((x) => x.step !== 'treat') }))],
];

describe('rebuilding from any step with overrides equals a full rebuild', () => {
  const nominal = runIndex(input, base);
  for (const [what, spec] of variants) {
    test(`changing the ${what}`, () => {
      const full = runIndex(input, spec);
      const regen = regenerate(nominal, spec);
      const a = regen.datasets.Aggregated;
      const b = full.datasets.Aggregated;
      expect(a && b).toBeTruthy();
      const { maxRelDiff, problems } = compareDatasets(
        a as NonNullable<typeof a>,
        b as NonNullable<typeof b>,
      );
      expect(problems).toEqual([]);
      expect(maxRelDiff).toBe(0);
      expect(Object.keys(regen.datasets).sort()).toEqual(Object.keys(full.datasets).sort());
    });
  }

  test('regeneration reuses the unchanged steps (same objects) and recomputes from the first change', () => {
    const spec = variants[0]?.[1] as IndexSpec;
    expect(firstChangedStep(base, spec)).toBe(4);
    const regen = regenerate(nominal, spec);
    expect(regen.datasets.Treated).toBe(nominal.datasets.Treated);
    expect(regen.datasets.Normalised).not.toBe(nominal.datasets.Normalised);
    expect(regen.datasets.Aggregated).not.toBe(nominal.datasets.Aggregated);
    expect(firstChangedStep(base, variants[4]?.[1] as IndexSpec)).toBe(5);
    expect(firstChangedStep(base, base)).toBe(base.steps.length);
  });

  test('the pipeline cache gives exactly the full build for every variant, in any order', () => {
    const cache = new PipelineCache(input);
    for (const [, spec] of [
      ...variants,
      ['base', base] as [string, IndexSpec],
      ...variants.reverse(),
    ]) {
      const cached = cache.finalState(spec).dataset;
      const full = runIndex(input, spec).datasets.Aggregated;
      const { maxRelDiff, problems } = compareDatasets(cached, full as NonNullable<typeof full>);
      expect(problems).toEqual([]);
      expect(maxRelDiff).toBe(0);
    }
  });
});
