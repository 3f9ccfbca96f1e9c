/**
 * Tier tables (档次表) as data: `[bound, points]` rows from the best tier down. The boundary
 * convention is explicit because the MIIT texts write ranges like "3%-5%" without saying which end
 * is inclusive (`qualification-rules.md` §3.1 ⚠): `lowerInclusive` reads "≥ bound", `upperInclusive`
 * reads "> bound".
 */
import { EPSILON } from './buildCriterion.ts';

/** Which end of a range like "3%–5%" belongs to it. */
export type BoundaryConvention = 'lowerInclusive' | 'upperInclusive';

/** Rows `[bound, points]`, best first; a value below every bound scores `otherwise`. */
export type TierTable = { rows: readonly (readonly [number, number])[]; otherwise: number };

/**
 * Points of `value` in a table where more is better: the first row whose bound the value reaches
 * (`≥` when lower-inclusive, `>` when upper-inclusive).
 */
export function pointsByTier(
  value: number,
  table: TierTable,
  convention: BoundaryConvention = 'lowerInclusive',
): number {
  for (const [bound, pts] of table.rows) {
    if (convention === 'lowerInclusive' ? value >= bound - EPSILON : value > bound + EPSILON)
      return pts;
  }
  return table.otherwise;
}

/**
 * Points of `value` in a table where less is better (e.g. 资产负债率): rows `[bound, points]` from
 * the best; a value under the bound (`<` lower-inclusive, `≤` upper-inclusive) takes the row.
 */
export function pointsByTierDescending(
  value: number,
  table: TierTable,
  convention: BoundaryConvention = 'lowerInclusive',
): number {
  for (const [bound, pts] of table.rows) {
    if (convention === 'lowerInclusive' ? value < bound - EPSILON : value <= bound + EPSILON)
      return pts;
  }
  return table.otherwise;
}
