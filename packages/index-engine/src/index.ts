/**
 * @module @kechuang/index-engine
 * Composite innovation indices with the JRC COINr's semantics, in TypeScript, pure (no I/O):
 * framework + data + spec (plain JSON) → denominate, impute, screen, treat, normalise, weight,
 * aggregate → scores, ranks, tiers, contributions, strengths and weaknesses; analysis,
 * uncertainty and sensitivity.
 *
 * @example
 * const input = createIndex(framework, table);
 * const build = runIndex(input, { steps: [
 *   { step: 'normalise', method: 'ratioToStandard' },
 *   { step: 'aggregate', method: 'arithmeticMean' },
 * ] });
 * build.datasets.Aggregated; // units × (indicators + aggregates)
 */
export * from './analysis/correlation.ts';
export * from './analysis/cronbach.ts';
export * from './analysis/distributions.ts';
export * from './analysis/indicatorStatistics.ts';
export * from './analysis/pca.ts';
export * from './coinrTables.ts';
export * from './createIndex.ts';
export * from './dataset.ts';
export * from './errors.ts';
export * from './framework.ts';
export * from './methods/aggregators.ts';
export * from './methods/normalisers.ts';
export * from './methods/treatments.ts';
export * from './optimise/nelderMead.ts';
export * from './panel.ts';
export * from './random.ts';
export * from './regenerate.ts';
export * from './results/explain.ts';
export * from './results/ranks.ts';
export * from './results/tiers.ts';
export * from './results/whatIf.ts';
export * from './runIndex.ts';
export * from './sensitivity/alternatives.ts';
export * from './sensitivity/analyse.ts';
export * from './sensitivity/replicate.ts';
export * from './sensitivity/sample.ts';
export * from './spec.ts';
export * from './statistics.ts';
export type * from './types.ts';
export * from './weights/effectiveWeights.ts';
export * from './weights/noisyWeights.ts';
export * from './weights/statisticalWeights.ts';
