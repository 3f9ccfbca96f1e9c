/**
 * `rankCandidates`: the "精准服务" list — firms that almost qualify, closest first. Sorted by
 * `totalGap` ascending (the sum of normalised shortfalls of unmet criteria, see `Assessment`);
 * ties by the higher maximum score, then by USCC so the order is reproducible.
 */
import type { Assessment } from './types.ts';

/** Options of {@link rankCandidates}. */
export type RankOptions = {
  /** What to do with passing assessments: leave them out (default) or put them first. */
  passes?: 'exclude' | 'first';
};

const ORDER = { pass: 0, needsReview: 1, fail: 2 } as const;

/**
 * Candidates sorted by closeness: `needsReview` firms (no unmet criterion, gap 0) come before
 * failing firms with the same gap; passes are excluded unless `passes: 'first'`.
 */
export function rankCandidates(
  assessments: readonly Assessment[],
  options: RankOptions = {},
): Assessment[] {
  const keep =
    options.passes === 'first' ? assessments : assessments.filter((a) => a.outcome !== 'pass');
  return [...keep].sort(compare);
}

function compare(a: Assessment, b: Assessment): number {
  if (a.outcome === 'pass' || b.outcome === 'pass') {
    if (a.outcome !== b.outcome) return a.outcome === 'pass' ? -1 : 1;
  }
  if (a.totalGap !== b.totalGap) return a.totalGap - b.totalGap;
  if (a.outcome !== b.outcome) return ORDER[a.outcome] - ORDER[b.outcome];
  const sa = a.score?.max ?? 0;
  const sb = b.score?.max ?? 0;
  if (sa !== sb) return sb - sa;
  return a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0;
}
