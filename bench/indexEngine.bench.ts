/**
 * Index-engine benchmarks (`npm run bench`): numbers to report, never assertions.
 * Goals on a 2-core machine: ASEM full pipeline ≤ 1.25 ms per build (COINr: 125 ms);
 * uncertainty N=1000 over 4 alternatives ≤ 2 s; Sobol N=1000, d=4 (6,000 rebuilds) ≤ 10 s
 * (COINr: 84.5 s for N=100); a 3,000 units × 100 indicators × 10 years panel ≤ 1 s.
 */
import { performance } from 'node:perf_hooks';
import {
  createIndex,
  createRandom,
  type Framework,
  type IndexSpec,
  runIndex,
  runPanel,
  sensitivityAnalysis,
  type UnitTable,
  uncertaintyAnalysis,
} from '@kechuang/index-engine';
import {
  ASEM_SPEC,
  ASEM_UA_SPEC,
  asemFramework,
  asemTable,
  VIGNETTE_ALTERNATIVES,
} from '../packages/index-engine/test/asemFixture.ts';

export type BenchResult = { name: string; value: number; unit: string; goal: string };

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

const UA_SPEC: IndexSpec = ASEM_UA_SPEC;

export function benchAsemBuild(): BenchResult {
  const framework = asemFramework();
  const table = asemTable(framework);
  const input = createIndex(framework, table);
  for (let i = 0; i < 200; i++) runIndex(input, ASEM_SPEC);
  const n = 2000;
  const [, ms] = time(() => {
    for (let i = 0; i < n; i++) runIndex(input, ASEM_SPEC);
  });
  return {
    name: 'ASEM full pipeline (6 steps, 51 × 49)',
    value: ms / n,
    unit: 'ms/build',
    goal: '≤ 1.25',
  };
}

export function benchUncertainty(): BenchResult {
  const framework = asemFramework();
  const input = createIndex(framework, asemTable(framework));
  const [, ms] = time(() =>
    uncertaintyAnalysis(input, UA_SPEC, { alternatives: VIGNETTE_ALTERNATIVES, n: 1000, seed: 1 }),
  );
  return {
    name: 'Uncertainty N=1000, 4 alternatives (ASEM, one thread)',
    value: ms / 1000,
    unit: 's',
    goal: '≤ 2',
  };
}

export function benchSensitivity(): BenchResult {
  const framework = asemFramework();
  const input = createIndex(framework, asemTable(framework));
  const [, ms] = time(() =>
    sensitivityAnalysis(input, UA_SPEC, {
      alternatives: VIGNETTE_ALTERNATIVES,
      n: 1000,
      seed: 1,
      bootstrap: 100,
    }),
  );
  return {
    name: 'Sobol N=1000, d=4 (6,000 rebuilds, ASEM, one thread)',
    value: ms / 1000,
    unit: 's',
    goal: '≤ 10',
  };
}

/** A synthetic panel: 3,000 units × 100 indicators (10 pillars, 2 sub-indices) × 10 years. */
export function syntheticPanel(
  units = 3000,
  indicators = 100,
  years = 10,
): { framework: Framework; tables: UnitTable[] } {
  const nodes: Framework['nodes'] = [
    { code: 'Index', names: { en: 'Index' }, level: 4, parent: null, direction: 1, weight: 1 },
  ];
  for (let s = 0; s < 2; s++)
    nodes.push({ code: `S${s}`, names: {}, level: 3, parent: 'Index', direction: 1, weight: 1 });
  for (let p = 0; p < 10; p++)
    nodes.push({
      code: `P${p}`,
      names: {},
      level: 2,
      parent: `S${p % 2}`,
      direction: 1,
      weight: 1,
    });
  for (let i = 0; i < indicators; i++) {
    nodes.push({
      code: `I${i}`,
      names: {},
      level: 1,
      parent: `P${i % 10}`,
      direction: i % 7 === 0 ? -1 : 1,
      weight: 1,
    });
  }
  const random = createRandom(2024);
  const tables: UnitTable[] = [];
  for (let y = 0; y < years; y++) {
    const table: UnitTable = {
      time: 2015 + y,
      units: Array.from({ length: units }, (_, u) => ({
        code: `U${u}`,
        names: {},
        groups: { G: `g${u % 4}` },
      })),
      indicators: {},
    };
    for (let i = 0; i < indicators; i++) {
      const col = new Float64Array(units);
      for (let u = 0; u < units; u++) {
        const r = random();
        col[u] = r < 0.02 ? Number.NaN : Math.exp(3 * random()) * (1 + y * 0.02);
      }
      table.indicators[`I${i}`] = col;
    }
    tables.push(table);
  }
  return { framework: { nodes }, tables };
}

export function benchPanel(): BenchResult {
  const { framework, tables } = syntheticPanel();
  const spec: IndexSpec = {
    steps: [
      { step: 'impute', method: 'groupMean', group: 'G' },
      { step: 'treat' },
      { step: 'normalise', method: 'minMax', range: [0, 100], global: true },
      { step: 'aggregate', method: 'arithmeticMean' },
    ],
  };
  runPanel(framework, tables.slice(0, 1), spec);
  const [, ms] = time(() => runPanel(framework, tables, spec));
  return {
    name: 'Panel 3,000 units × 100 indicators × 10 years (impute, treat, global minMax, aggregate)',
    value: ms / 1000,
    unit: 's',
    goal: '≤ 1',
  };
}
