import { getColumn } from '../dataset.ts';
import { rankDescending } from '../statistics.ts';
import type { Dataset, IndexBuild, Unit } from '../types.ts';

/**
 * Ranks of one column, 1 = highest score, ties share the best rank and missing stays NaN
 * (COINr's `rank(-x, ties.method = "min", na.last = "keep")`, "sport" ranking).
 * Reference units (e.g. the city as a whole) are ranked apart: they get NaN and do not take a
 * place from the units they are compared with.
 */
export function rankColumn(build: IndexBuild, dataset: Dataset, code: string): Float64Array {
  const col = getColumn(dataset, code);
  const units = unitRecords(build, dataset);
  const masked = col.map((v, i) => (units[i]?.isReference ? Number.NaN : v));
  return rankDescending(masked);
}

/** Ranks within each group of a group column (COINr `use = "groupranks"`). */
export function rankWithinGroups(
  build: IndexBuild,
  dataset: Dataset,
  code: string,
  group: string,
): Float64Array {
  const col = getColumn(dataset, code);
  const units = unitRecords(build, dataset);
  const out = new Float64Array(col.length).fill(Number.NaN);
  const members = new Map<string, number[]>();
  units.forEach((u, i) => {
    const g = u.groups[group];
    if (g === null || g === undefined || u.isReference) return;
    const list = members.get(g) ?? [];
    list.push(i);
    members.set(g, list);
  });
  for (const rows of members.values()) {
    const ranks = rankDescending(rows.map((i) => col[i] as number));
    rows.forEach((i, k) => {
      out[i] = ranks[k] as number;
    });
  }
  return out;
}

/** The unit records of a dataset's rows. */
export function unitRecords(build: IndexBuild, dataset: Dataset): Unit[] {
  const { units, unitIndex } = build.input.ctx;
  return dataset.unitCodes.map((c) => units[unitIndex.get(c) ?? -1] as Unit);
}

export type ResultRow = {
  unit: string;
  names: Unit['names'];
  groups: Unit['groups'];
  isReference: boolean;
  scores: Record<string, number>;
  ranks: Record<string, number>;
  groupRanks?: Record<string, number>;
};

export type ResultsOptions = {
  /** Dataset to read (default Aggregated, else the latest). */
  dataset?: 'Aggregated' | 'Normalised' | 'Raw' | 'Treated' | 'Imputed';
  /** Codes to report (default: every aggregate, top first). */
  codes?: string[];
  /** Also rank within this group column. */
  group?: string;
  /** Sort by this code (default: the index). */
  orderBy?: string;
};

/**
 * Scores and ranks per unit, sorted by the index (or `orderBy`), highest first, missing last
 * (COINr `get_results`). Scores are unrounded; round for display only.
 */
export function getResults(build: IndexBuild, options: ResultsOptions = {}): ResultRow[] {
  const name = options.dataset ?? 'Aggregated';
  const dataset = build.datasets[name] ?? build.states.at(-1)?.dataset ?? build.input.raw;
  const tree = build.input.ctx.tree;
  const codes =
    options.codes ??
    tree.levels
      .slice(2)
      .reverse()
      .flat()
      .filter((c) => dataset.columns.has(c));
  const ranks = new Map(codes.map((c) => [c, rankColumn(build, dataset, c)]));
  const groupRanks = options.group
    ? new Map(codes.map((c) => [c, rankWithinGroups(build, dataset, c, options.group as string)]))
    : undefined;
  const units = unitRecords(build, dataset);
  const rows = units.map((u, i): ResultRow => {
    const scores: Record<string, number> = {};
    const rk: Record<string, number> = {};
    const grk: Record<string, number> = {};
    for (const c of codes) {
      scores[c] = getColumn(dataset, c)[i] as number;
      rk[c] = ranks.get(c)?.[i] as number;
      if (groupRanks) grk[c] = groupRanks.get(c)?.[i] as number;
    }
    return {
      unit: u.code,
      names: u.names,
      groups: u.groups,
      isReference: u.isReference === true,
      scores,
      ranks: rk,
      ...(groupRanks ? { groupRanks: grk } : {}),
    };
  });
  const key = options.orderBy ?? codes[0];
  if (key) {
    rows.sort((a, b) => {
      const x = a.scores[key] as number;
      const y = b.scores[key] as number;
      if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
      if (Number.isNaN(y)) return -1;
      return y - x;
    });
  }
  return rows;
}
