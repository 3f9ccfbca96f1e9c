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
export * from './coinrTables.ts';
export * from './createIndex.ts';
export * from './dataset.ts';
export * from './errors.ts';
export * from './framework.ts';
export * from './random.ts';
export * from './runIndex.ts';
export * from './spec.ts';
export * from './statistics.ts';
export type * from './types.ts';
